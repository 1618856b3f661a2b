/**
 * The body limit of POST /v1/comments. A body that announces its length (Node's parser holds
 * it to that length) is judged by the header alone; a chunked one goes through hono/body-limit,
 * which counts the bytes as they arrive. hono/body-limit alone would first ask for
 * `c.req.raw.body`, which makes @hono/node-server build a full web Request around a stream
 * for every POST and read the JSON through it. Figures in ./README.md.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../errors.js';

export function hotPathBodyLimit(maxBytes: number): MiddlewareHandler {
  const tooLarge = () => {
    throw new AppError('payload_too_large', { maxBytes });
  };
  const countingLimit = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async function hotPathBodyLimitMiddleware(c, next) {
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number(length) > maxBytes) tooLarge();
      return next();
    }
    return countingLimit(c, next); // chunked: count the bytes as they arrive
  };
}
