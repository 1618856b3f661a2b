import { createHash } from 'node:crypto';
import { STACK_SLOTS, type StackWeights } from './stack.js';

/**
 * The span model's data file: a header and two tables of one signed byte per weight slot.
 *
 *   bytes 0-3    "BLSM" (bình luận span model)
 *   byte  4      format version (2)
 *   byte  5      log2 of the number of slots per table
 *   byte  6      flags: bit 0 set when the comment table leaves out the word pairs and triple
 *                (see `commentPairs`); files written before the flag read as 0 (pairs included);
 *                bit 1 set when a second pass follows the tables (see `stack`)
 *   byte  7      reserved (0)
 *   bytes 8-39   float32 × 8: token scale, token bias, comment scale, comment bias,
 *                token threshold, best-token threshold, comment threshold, reserved (0)
 *   bytes 40-    int8 × 2^bits (token table), then int8 × 2^bits (comment table)
 *   then, with flag bit 1: float32 bias and float32 × STACK_SLOTS weights of the second pass
 *
 * One byte a weight (weight = byte × scale): 2 MiB for 2^20 slots, dense enough to stay in
 * the CPU's caches, and the verdicts match the float model's on all but borderline tokens.
 */
export interface LinearTable {
  /** Weight of slot i is `quanta[i] × scale`. */
  readonly quanta: Int8Array;
  readonly scale: number;
  readonly bias: number;
}

export interface SpanModelData {
  readonly bits: number;
  /** Is this token offensive? */
  readonly token: LinearTable;
  /** Does this comment hold anything offensive? (the same features, summed over its tokens) */
  readonly comment: LinearTable;
  /**
   * Whether the comment table sums the word pairs and triple too. Without them the comment's
   * probability comes from per-word sums the engine caches, so a comment under the comment
   * gate (most clean comments) is decided without reading a pair from the large table.
   */
  readonly commentPairs: boolean;
  /**
   * The second pass over the first pass's probabilities (stack.ts), or null/absent for none
   * (files written before it).
   */
  readonly stack?: StackWeights | null;
  readonly thresholds: Thresholds;
}

export interface Thresholds {
  /** A token belongs to a span at this probability… */
  readonly token: number;
  /** …when some token of the comment reaches this one… */
  readonly best: number;
  /** …and the comment model gives at least this. */
  readonly comment: number;
}

const MAGIC = 'BLSM';
const FORMAT = 2;
const HEADER = 40;
const FLAG_NO_COMMENT_PAIRS = 1;
const FLAG_STACK = 2;
const STACK_BYTES = 4 * (1 + STACK_SLOTS);

/** Quantises float weights to one byte each, scaled by the largest magnitude. */
export function quantise(weights: Float32Array, bias: number): LinearTable {
  let max = 0;
  for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i]!));
  const scale = max > 0 ? max / 127 : 1;
  const quanta = new Int8Array(weights.length);
  for (let i = 0; i < weights.length; i++) quanta[i] = Math.round(weights[i]! / scale);
  return { quanta, scale, bias };
}

export function encodeModel(model: SpanModelData): Buffer {
  const slots = 1 << model.bits;
  const stack = model.stack ?? null;
  const out = Buffer.alloc(HEADER + 2 * slots + (stack ? STACK_BYTES : 0));
  out.write(MAGIC, 0, 'latin1');
  out[4] = FORMAT;
  out[5] = model.bits;
  out[6] = (model.commentPairs ? 0 : FLAG_NO_COMMENT_PAIRS) | (stack ? FLAG_STACK : 0);
  const { token, comment, thresholds: t } = model;
  [token.scale, token.bias, comment.scale, comment.bias, t.token, t.best, t.comment, 0].forEach((v, i) => {
    out.writeFloatLE(v, 8 + 4 * i);
  });
  Buffer.from(token.quanta.buffer, token.quanta.byteOffset, slots).copy(out, HEADER);
  Buffer.from(comment.quanta.buffer, comment.quanta.byteOffset, slots).copy(out, HEADER + slots);
  if (stack) {
    const at = HEADER + 2 * slots;
    out.writeFloatLE(stack.bias, at);
    for (let i = 0; i < STACK_SLOTS; i++) out.writeFloatLE(stack.weights[i]!, at + 4 + 4 * i);
  }
  return out;
}

export function decodeModel(bytes: Uint8Array): SpanModelData & { version: string } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < HEADER || buf.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a span model file (bad magic)');
  if (buf[4] !== FORMAT) throw new Error(`span model format ${buf[4]} is not supported (expected ${FORMAT})`);
  const bits = buf[5]!;
  const slots = 1 << bits;
  const hasStack = (buf[6]! & FLAG_STACK) !== 0;
  if (bits < 8 || bits > 24 || buf.length !== HEADER + 2 * slots + (hasStack ? STACK_BYTES : 0)) {
    throw new Error('span model file is truncated or corrupt');
  }
  const f = (i: number): number => buf.readFloatLE(8 + 4 * i);
  // Copies: the tables must not alias a Buffer from Node's shared pool.
  const table = (at: number): Int8Array => new Int8Array(buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + at + slots));
  return {
    bits,
    token: { quanta: table(HEADER), scale: f(0), bias: f(1) },
    comment: { quanta: table(HEADER + slots), scale: f(2), bias: f(3) },
    commentPairs: (buf[6]! & FLAG_NO_COMMENT_PAIRS) === 0,
    stack: hasStack ? readStack(buf, HEADER + 2 * slots) : null,
    thresholds: { token: f(4), best: f(5), comment: f(6) },
    version: createHash('sha256').update(buf).digest('hex').slice(0, 12),
  };
}

function readStack(buf: Buffer, at: number): StackWeights {
  const weights = new Float32Array(STACK_SLOTS);
  for (let i = 0; i < STACK_SLOTS; i++) weights[i] = buf.readFloatLE(at + 4 + 4 * i);
  return { weights, bias: buf.readFloatLE(at) };
}
