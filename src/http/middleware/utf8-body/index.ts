/**
 * `requireUtf8()`: a body that is not valid UTF-8 is 400 invalid_json (API.md: JSON is UTF-8).
 *
 *   routes.post('/path', requireJson(), hotPathBodyLimit(32 * 1024), requireUtf8(), validate('json', …), handler)
 *
 * Without it the body is decoded leniently and every broken sequence becomes U+FFFD: a
 * comment would be stored with replacement characters the reader never typed, and bytes the
 * filter cannot read would pass as "something". Here the bytes are decoded once, strictly
 * (an overlong form, an encoded surrogate, a truncated sequence all fail), and the text is
 * left in Hono's body cache, so `c.req.json()` after it parses that text without reading or
 * decoding the body again. A byte order mark is dropped, as the lenient decoder did.
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../../errors.js';

const strict = new TextDecoder('utf-8', { fatal: true });

export function requireUtf8(): MiddlewareHandler {
  return async function requireUtf8Middleware(c, next) {
    const bytes = await c.req.arrayBuffer();
    let text: string;
    try {
      text = strict.decode(bytes);
    } catch {
      throw new AppError('invalid_json');
    }
    // HonoRequest keeps each body form it produced as a promise under its name; `json()` reads
    // the `text` one (hono/dist/request.js, #cachedBody).
    (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text);
    await next();
  };
}
