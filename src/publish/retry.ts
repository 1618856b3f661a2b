/**
 * Webhook retry policy: exponential backoff from WEBHOOK_BACKOFF_MS, doubled each attempt and
 * capped at WEBHOOK_BACKOFF_MAX_MS, with as many attempts as it takes for the waits to add up
 * to WEBHOOK_RETRY_HOURS (default 25 h, so "at least 24 hours" holds with margin).
 *
 * With the defaults (10 s base, 1 h cap): 10 s, 20 s, 40 s … 42 min 40 s, then 1 h per attempt;
 * 34 attempts, about 25.4 h from the first failure to the last try.
 */
export interface RetryPolicy {
  backoffMs: number;
  backoffMaxMs: number;
  retryHours: number;
}

/** Wait before retry number `attemptsMade` (1 = after the first failure). */
export function webhookBackoffMs(attemptsMade: number, policy: RetryPolicy): number {
  const exponent = Math.min(Math.max(attemptsMade - 1, 0), 40);
  return Math.min(policy.backoffMs * 2 ** exponent, policy.backoffMaxMs);
}

/** BullMQ `attempts` (the first try included) whose waits cover retryHours. */
export function webhookAttempts(policy: RetryPolicy): number {
  const windowMs = policy.retryHours * 3_600_000;
  let waited = 0;
  let retries = 0;
  while (waited < windowMs) {
    retries += 1;
    waited += webhookBackoffMs(retries, policy);
  }
  return retries + 1;
}

/** Total time between the first try and the last retry. */
export function webhookRetryWindowMs(policy: RetryPolicy): number {
  let total = 0;
  for (let n = 1; n < webhookAttempts(policy); n++) total += webhookBackoffMs(n, policy);
  return total;
}
