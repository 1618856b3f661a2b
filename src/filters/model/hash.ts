/**
 * Feature hashing for the span model: integers only, no strings built per token.
 *
 * A token's text is hashed once (FNV-1a over its UTF-16 units); a feature is a template id
 * mixed with one or more such hashes. Training and inference share these functions, so a
 * feature lands in the same weight slot in both.
 */

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a over `codes[from, to)`. */
export function hashUnits(codes: Uint16Array, from: number, to: number): number {
  let h = FNV_OFFSET;
  for (let i = from; i < to; i++) h = Math.imul(h ^ codes[i]!, FNV_PRIME);
  return h >>> 0;
}

/** Mixes one more value into a running hash (order matters: "a b" ≠ "b a"). */
export function mix(h: number, x: number): number {
  return Math.imul((h ^ x) >>> 0, 0x9e3779b1) ^ (h >>> 15);
}

/** Final avalanche (murmur3 fmix32), so nearby inputs spread over the whole table. */
export function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
