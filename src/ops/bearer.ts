/**
 * Bearer-token check for /metrics. The comparison runs in constant time over SHA-256
 * digests, so neither the token's content nor its length leaks through response timing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** True when the Authorization header carries `Bearer <expected>`. */
export function bearerMatches(authorization: string | undefined, expected: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? '');
  const presented = match?.[1] ?? '';
  // Always compare, even when the header is missing, so both paths cost the same.
  const equal = timingSafeEqual(digest(presented), digest(expected));
  return equal && match !== null;
}
