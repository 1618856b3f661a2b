/**
 * `Idempotency-Key` for a POST (API.md): the same key with the same body within 24 h gets the
 * first success again (same status, same body, plus `Idempotent-Replayed: true`) and the
 * handler does not run again.
 *
 *   routes.post('/v1/comments', ..., zValidator(...), idempotency({ store, logger, fingerprint }), handler)
 *
 * What is kept: only a success (for a comment, the 202). A refusal (403 captcha, 404, 409,
 * 429…) or a failure (5xx) gives the key back, so the reader can fix what was wrong and send
 * again with the same key; requests refused before this middleware (415, 413, 400) never
 * touch it. The same key with another body (by `fingerprint`) is 422
 * idempotency_key_reused, whether the first is answered or still running. A second request
 * with the same body arriving while the first is still running waits up to 0.8 s for its
 * answer, then gets 409 `conflict` with Retry-After: 1 (as the IETF Idempotency-Key draft
 * suggests). The key is 1–100 printable ASCII characters; anything else is 400
 * validation_failed with `details.fields["Idempotency-Key"] = "invalid"`.
 *
 * Keys are scoped by `scope` (by default the client's address bucket: an IPv4 address, an
 * IPv6 /64): the same key from another client is another key. Keys come from the client
 * and may leak (logs, a shared computer, a proxy); unscoped, whoever learnt one could replay
 * its answer or, by sending first, take it over. The price is that a retry from a new
 * address (a phone moving from Wi-Fi to 4G) is not recognised as a retry; it is then
 * checked like any submission, and the consumed captcha (403) or the 10-minute duplicate
 * rule (409) keeps it from posting the comment twice.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../../../errors.js';
import { withinStepTimeout } from '../../../comments/deadline.js';
import type { IdempotencyStore, StoredAnswer } from '../../../comments/idempotency.js';
import type { Logger } from '../../../logger.js';
import { answeredJson } from '../../json-answer.js';
import { ipBucket } from '../rate-limit/index.js';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const VALID_KEY = /^[\x21-\x7e](?:[\x20-\x7e]{0,98}[\x21-\x7e])?$/;

export interface IdempotencyMiddlewareOptions {
  store: IdempotencyStore;
  logger: Pick<Logger, 'warn'>;
  /** What the request asks for, as a short string: the same key with another one is 422. Runs after validation. */
  fingerprint: (c: Context) => string;
  /** Whose key it is; default the client's address bucket (IPv4 address, IPv6 /64). */
  scope?: (c: Context) => string;
}

/** Only a success is kept: a refused or failed request may be sent again with the same key. */
const isKept = (status: number) => status >= 200 && status < 300;

export function idempotency(options: IdempotencyMiddlewareOptions): MiddlewareHandler {
  const { store, logger, fingerprint } = options;
  const scopeOf = options.scope ?? ((c: Context) => ipBucket(c.get('clientIp')));
  return async function idempotencyMiddleware(c, next) {
    const header = c.req.header(IDEMPOTENCY_HEADER);
    if (header === undefined) return next();
    if (!VALID_KEY.test(header)) throw new AppError('validation_failed', { fields: { [IDEMPOTENCY_HEADER]: 'invalid' } });

    // The scope never holds a space (an address bucket), the key may: "<scope> <key>" is unambiguous.
    const key = `${scopeOf(c)} ${header}`;
    const fp = fingerprint(c);
    const outcome = await withinStepTimeout(store.begin(key, fp), 'idempotency');
    if (outcome.kind === 'replay') {
      c.header('Idempotent-Replayed', 'true');
      return c.json(outcome.answer.body as object, outcome.answer.status as 200);
    }
    if (outcome.kind === 'mismatch') throw new AppError('idempotency_key_reused');
    if (outcome.kind === 'busy') throw new AppError('conflict', undefined, 1);

    // Not awaited: when Redis hangs, waiting for the release would push a 503 past 2 s; the
    // marker expires on its own anyway. On one api copy it still reaches Redis before the
    // client's retry (same connection, commands in the order sent).
    const release = () => void store.release(key, outcome.token, fp).catch(() => {});
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
    void store
      .complete(key, outcome.token, fp, answer)
      .catch((error: unknown) =>
        logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'idempotent answer not stored'),
      );
  };
}
