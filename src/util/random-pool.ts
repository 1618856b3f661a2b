/**
 * Random bytes for ids, drawn many ids at a time: one randomBytes() per id was a visible share
 * of the hot routes' CPU (a syscall and a Buffer each; figures in docs/BENCHMARKS.md). Node's
 * own crypto.randomUUID() keeps the same kind of cache. Every byte is handed out once.
 */
import { randomFillSync } from 'node:crypto';

/** Returns a function that gives `size` fresh random bytes per call (a view into the pool, the caller's to change). */
export function randomBytesPool(size: number, perDraw: number): () => Buffer {
  const pool = Buffer.alloc(size * perDraw);
  let offset = pool.length;
  return () => {
    if (offset === pool.length) {
      randomFillSync(pool);
      offset = 0;
    }
    const bytes = pool.subarray(offset, offset + size);
    offset += size;
    return bytes;
  };
}
