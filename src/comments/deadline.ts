/**
 * The accept path's promise: answer within 2 s even when Redis or PostgreSQL hangs (a frozen
 * server keeps its TCP connections open, so nothing fails on its own). Every step that talks
 * to them is bounded by STEP_TIMEOUT_MS; the first one to time out ends the request with 503
 * and Retry-After. One second leaves room for the rest of the request on a busy machine
 * (ioredis' own commandTimeout, 1.5 s, would not).
 */
import { unavailable } from '../errors.js';
import { TimeoutError, withTimeout } from '../util/timeout.js';

export const STEP_TIMEOUT_MS = 1_000;

/**
 * Resolves as `work` does, or rejects with `unavailable` after `ms`. Errors of `work` pass
 * through unchanged (connection errors become 503 in the app's error handler; a bug stays a
 * logged 500).
 */
export function withinStepTimeout<T>(work: Promise<T>, what: string, ms = STEP_TIMEOUT_MS): Promise<T> {
  // The message is written only when the time is up: this runs on every step of every request.
  return withTimeout(work, ms, what, () => unavailable(5, new TimeoutError(`${what}: no answer within ${ms} ms`)));
}
