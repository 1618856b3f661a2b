/**
 * hono/request-id's rule on the hot routes: a client's X-Request-Id of up to 255 `[\w\-=]`
 * characters is kept, anything else is replaced by a random UUID. The header goes on Node's
 * response (./response-headers.ts): hono/request-id sets it with `c.header()`, which gives
 * every request a web Headers object that Hono merges into the answer and @hono/node-server
 * copies back out. Figures in ./README.md.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { setResponseHeader } from './response-headers.js';

const MAX_LENGTH = 255;
const UNSAFE = /[^\w\-=]/;

export function setRequestId(c: Context): void {
  let id = c.req.header('x-request-id');
  if (!id || id.length > MAX_LENGTH || UNSAFE.test(id)) id = randomUUID();
  c.set('requestId', id);
  setResponseHeader(c, 'X-Request-Id', id);
}
