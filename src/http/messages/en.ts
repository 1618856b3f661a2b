/** Reader-facing error messages in English, when the client prefers it (../messages.ts picks one per request). */
import type { ErrorCode } from '../../errors.js';

export const en: Record<ErrorCode, string> = {
  invalid_json: 'The request body is not valid JSON.',
  validation_failed: 'Some fields are not valid.',
  captcha_invalid: 'The security code is wrong or has expired. Please enter the new one.',
  comments_closed: 'Comments on this article are closed.',
  parent_not_found: 'The comment you are replying to was not found.',
  duplicate_comment: 'You have just posted this comment.',
  idempotency_key_reused: 'This Idempotency-Key was already used for another comment.',
  payload_too_large: 'The request body is too large.',
  unsupported_media_type: 'The request must be application/json.',
  rate_limited: 'Too many requests. Please try again shortly.',
  unavailable: 'The service is busy. Please try again later.',
  invalid_credentials: 'Wrong email or password.',
  unauthenticated: 'Please log in.',
  forbidden: 'You are not allowed to do this.',
  csrf_failed: 'Invalid CSRF token. Please reload the page.',
  not_found: 'Not found.',
  already_decided: 'Another moderator has already decided this comment.',
  conflict: 'The data changed. Please reload.',
  internal_error: 'Something went wrong. Please try again later.',
};
