/**
 * Errors the domain raises on purpose. Each carries a stable snake_case code from API.md;
 * src/http/errors.ts maps codes to HTTP statuses and Vietnamese/English messages, so the
 * domain never speaks HTTP.
 */
export type ErrorCode =
  | 'invalid_json'
  | 'validation_failed'
  | 'captcha_invalid'
  | 'comments_closed'
  | 'parent_not_found'
  | 'duplicate_comment'
  | 'idempotency_key_reused'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable'
  | 'invalid_credentials'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf_failed'
  | 'not_found'
  | 'already_decided'
  | 'conflict'
  | 'internal_error';

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, unknown>,
    /** Seconds the client should wait (429, 503): becomes `Retry-After`. */
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
  }
}

/** Redis or the database could not be reached: the client should retry later. */
export function unavailable(retryAfterSeconds = 5, cause?: unknown): AppError {
  const error = new AppError('unavailable', undefined, retryAfterSeconds);
  if (cause !== undefined) (error as { cause?: unknown }).cause = cause;
  return error;
}

/** Over a rate limit: 429 with Retry-After, in whole seconds (at least 1), from the counter's remaining window. */
export function rateLimited(msBeforeNext: number): AppError {
  return new AppError('rate_limited', undefined, Math.max(1, Math.ceil(msBeforeNext / 1000)));
}
