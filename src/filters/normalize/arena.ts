/**
 * Scratch memory for the typed arrays of one normalisation.
 *
 * Allocating a small typed array costs about as much as normalising a whole comment (each
 * gets its own zeroed backing store), while a view on an existing buffer is nearly free. The
 * arena hands out views on one buffer with a bump pointer. Nothing is zeroed: every step
 * writes each unit it returns.
 *
 * The engine keeps one arena and calls {@link Arena.reset} at the start of each `evaluate()`,
 * which is synchronous, so no view outlives its comment. Callers that keep views (tests,
 * tools) just use a fresh arena, the default of `normalize()`.
 */
export class Arena {
  private buffer: ArrayBuffer;
  private offset = 0;

  constructor(bytes = 4096) {
    this.buffer = new ArrayBuffer(bytes);
  }

  /** Forgets every view handed out so far; their memory will be reused. */
  reset(): void {
    this.offset = 0;
  }

  // `take` first, then read `this.buffer`: take may replace the buffer, and the view must
  // be on the new one (arguments are evaluated left to right).
  u16(n: number): Uint16Array {
    const at = this.take(n * 2);
    return new Uint16Array(this.buffer, at, n);
  }

  i32(n: number): Int32Array {
    const at = this.take(n * 4);
    return new Int32Array(this.buffer, at, n);
  }

  u8(n: number): Uint8Array {
    const at = this.take(n);
    return new Uint8Array(this.buffer, at, n);
  }

  /** Byte offset of `bytes` free bytes, 4-aligned; a bigger buffer when this one is full. */
  private take(bytes: number): number {
    const at = (this.offset + 3) & ~3;
    if (at + bytes > this.buffer.byteLength) {
      // Views already handed out keep the old buffer alive; new ones come from a larger one.
      this.buffer = new ArrayBuffer(Math.max(this.buffer.byteLength * 2, bytes * 4));
      this.offset = bytes;
      return 0;
    }
    this.offset = at + bytes;
    return at;
  }
}
