/**
 * `Idempotency-Key` for a POST: the same key within 24 h gets the first answer again (same
 * status, same body, plus `Idempotent-Replayed: true`) and the handler does not run again.
 *
 *   routes.post('/v1/comments', ..., idempotency({ store }), handler)
 *
 * What is kept: every answer the handler gives except the transient ones (429 and 5xx), so a
 * retry after "too many requests" or "unavailable" is really tried again. Requests refused
 * before this middleware (415, 413, 400) keep nothing: the same bytes get the same refusal.
 * A second request arriving while the first is still running waits up to 0.8 s for its
 * answer, then gets 409 `conflict` with Retry-After: 1 (as the IETF Idempotency-Key draft
 * suggests). The key is 1–100 printable ASCII characters; anything else is 400
 * validation_failed with `details.fields["Idempotency-Key"] = "invalid"`.
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../../errors.js';
import { withinStepTimeout } from '../../../comments/deadline.js';
import type { IdempotencyStore, StoredAnswer } from '../../../comments/idempotency.js';
import type { Logger } from '../../../logger.js';
import { answeredJson } from '../../json-answer.js';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const VALID_KEY = /^[\x21-\x7e](?:[\x20-\x7e]{0,98}[\x21-\x7e])?$/;

export interface IdempotencyMiddlewareOptions {
  store: IdempotencyStore;
  logger: Pick<Logger, 'warn'>;
}

/** 429 and 5xx are "try again later": replaying them for a day would be wrong. */
const isKept = (status: number) => status !== 429 && status < 500;

export function idempotency(options: IdempotencyMiddlewareOptions): MiddlewareHandler {
  const { store, logger } = options;
  return async function idempotencyMiddleware(c, next) {
    const key = c.req.header(IDEMPOTENCY_HEADER);
    if (key === undefined) return next();
    if (!VALID_KEY.test(key)) throw new AppError('validation_failed', { fields: { [IDEMPOTENCY_HEADER]: 'invalid' } });

    const outcome = await withinStepTimeout(store.begin(key), 'idempotency');
    if (outcome.kind === 'replay') {
      c.header('Idempotent-Replayed', 'true');
      return c.json(outcome.answer.body as object, outcome.answer.status as 200);
    }
    if (outcome.kind === 'busy') throw new AppError('conflict', undefined, 1);

    // Not awaited: when Redis hangs, waiting for the release would push a 503 past 2 s; the
    // marker expires on its own anyway.
    const release = () => void store.release(key, outcome.token).catch(() => {});
    try {
      await next();
    } catch (error) {
      release();
      throw error;
    }
    // Errors thrown below were already turned into c.res by the app's onError.
    if (!isKept(c.res.status)) return release();
    const answer: StoredAnswer = answeredJson(c) ?? { status: c.res.status, body: await c.res.clone().json() };
    // Not awaited: the answer goes out without another round trip. A retry that arrives
    // first finds the key still "processing" and waits for this to land (and on one api
    // copy, Redis runs the two in the order sent). Failing to keep the answer only weakens a
    // later replay, so it is logged.
    void store.complete(key, outcome.token, answer).catch((error: unknown) =>
      logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'idempotent answer not stored'),
    );
  };
}
