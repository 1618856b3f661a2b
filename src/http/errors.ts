/**
 * The one place that turns errors into HTTP answers of the contract's shape:
 * `{ error: { code, message, details? } }`, never a stack trace, never a 5xx for bad input.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, type ErrorCode } from '../errors.js';
import { answerJson } from './json-answer.js';
import { errorMessages, pickLang } from './messages.js';

export const statusOf: Record<ErrorCode, ContentfulStatusCode> = {
  invalid_json: 400,
  validation_failed: 400,
  captcha_invalid: 403,
  comments_closed: 403,
  parent_not_found: 404,
  duplicate_comment: 409,
  idempotency_key_reused: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  invalid_credentials: 401,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  already_decided: 409,
  conflict: 409,
  internal_error: 500,
};

export function errorBody(c: Context, code: ErrorCode, details?: Record<string, unknown>) {
  const message = errorMessages[code][pickLang(c.req.header('accept-language'))];
  return { error: details ? { code, message, details } : { code, message } };
}

export function errorResponse(c: Context, error: AppError): Response {
  if (error.retryAfterSeconds !== undefined) c.header('Retry-After', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
  return answerJson(c, errorBody(c, error.code, error.details), statusOf[error.code]);
}

/** Hono's own exceptions (body limit, malformed JSON) mapped to our codes, by status. */
const codeOfHttpStatus: Partial<Record<number, ErrorCode>> = {
  400: 'invalid_json',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

function fromHttpException(error: HTTPException): AppError {
  return new AppError(codeOfHttpStatus[error.status] ?? (error.status >= 500 ? 'internal_error' : 'validation_failed'));
}

/**
 * Redis or PostgreSQL errors: connection-level failures are 503, not 500. A Redis Cluster
 * failing over adds its own (CLUSTERDOWN, TRYAGAIN, slots being refreshed, a node gone).
 */
export function isInfrastructureError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const text = `${error.name} ${error.message} ${(error as { code?: string }).code ?? ''}`;
  return (
    /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection is closed|Stream isn't writeable|enableOfflineQueue|Command timed out|MaxRetriesPerRequest|Connection terminated|timeout exceeded when trying to connect|ENOTFOUND|57P01|08006|08001/i.test(
      text,
    ) || CLUSTER_FAILING_OVER.test(text)
  );
}

const CLUSTER_FAILING_OVER =
  /CLUSTERDOWN|TRYAGAIN|Failed to refresh slots cache|None of startup nodes is available|Too many Cluster redirections|Redis Cluster node/;

/**
 * PostgreSQL refuses some text outright: a NUL byte (22021) or a character it cannot encode
 * (22P05). Such text only ever comes from a client, so it is bad input (400), whichever route
 * let it through to a query.
 */
export function isUnstorableTextError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '22021' || code === '22P05';
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) return fromHttpException(error);
  if (isUnstorableTextError(error)) return new AppError('validation_failed');
  if (isInfrastructureError(error)) return new AppError('unavailable', undefined, 5);
  return new AppError('internal_error');
}
