/** Captcha ids: 144 random bits, base64url. Nothing about the answer is derivable from one. */
import { randomBytesPool } from '../util/random-pool.js';

const ID_PATTERN = /^[A-Za-z0-9_-]{24}$/;
/** 18 bytes a captcha, drawn 256 captchas at a time (src/util/random-pool.ts). */
const freshRandomBytes = randomBytesPool(18, 256);

export function newCaptchaId(): string {
  return freshRandomBytes().toString('base64url');
}

/** False for anything we could not have issued, so verify() skips the Redis round trip. */
export function isCaptchaId(value: string): boolean {
  return ID_PATTERN.test(value);
}
