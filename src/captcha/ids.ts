/** Captcha ids: 144 random bits, base64url. Nothing about the answer is derivable from one. */
import { randomFillSync } from 'node:crypto';

const ID_BYTES = 18;
const ID_PATTERN = /^[A-Za-z0-9_-]{24}$/;

// Random bytes drawn 256 ids at a time, as crypto.randomUUID() does: one randomBytes() call per
// id was a visible share of GET /v1/captcha's CPU. Each id's bytes are used once.
const POOL_IDS = 256;
const pool = Buffer.alloc(ID_BYTES * POOL_IDS);
let next = POOL_IDS;

export function newCaptchaId(): string {
  if (next === POOL_IDS) {
    randomFillSync(pool);
    next = 0;
  }
  const start = ID_BYTES * next++;
  return pool.toString('base64url', start, start + ID_BYTES);
}

/** False for anything we could not have issued, so verify() skips the Redis round trip. */
export function isCaptchaId(value: string): boolean {
  return ID_PATTERN.test(value);
}
