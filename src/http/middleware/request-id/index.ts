/**
 * Gives every request an id, `c.get('requestId')`, logged with it and echoed in X-Request-Id.
 * A caller's own X-Request-Id is kept when it is short and plain (a proxy's trace id), so one
 * id follows the request through the site's logs and ours. Same rules as `hono/request-id`,
 * but the header goes through setResponseHeader (see there why).
 */
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { setResponseHeader } from '../../response-headers.js';

declare module 'hono' {
  interface ContextVariableMap {
    requestId: string;
  }
}

const HEADER = 'X-Request-Id';
const PLAIN_ID = /^[\w\-=]{1,255}$/;

export function requestId(): MiddlewareHandler {
  return async function requestIdMiddleware(c, next) {
    const offered = c.req.header(HEADER);
    const id = offered !== undefined && PLAIN_ID.test(offered) ? offered : randomUUID();
    c.set('requestId', id);
    setResponseHeader(c, HEADER, id);
    await next();
  };
}
