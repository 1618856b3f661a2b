/** Captcha ids: 144 random bits, base64url. Nothing about the answer is derivable from one. */
import { randomBytes } from 'node:crypto';

const ID_BYTES = 18;
const ID_PATTERN = /^[A-Za-z0-9_-]{24}$/;

export function newCaptchaId(): string {
  return randomBytes(ID_BYTES).toString('base64url');
}

/** False for anything we could not have issued, so verify() skips the Redis round trip. */
export function isCaptchaId(value: string): boolean {
  return ID_PATTERN.test(value);
}
