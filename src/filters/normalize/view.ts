import type { Arena } from './arena.js';

/**
 * A view is the comment seen through one or more normalisation steps.
 *
 * Every UTF-16 unit of a view remembers which slice of the evaluated input it came from
 * (`start`/`end`), so a detector that finds something at view positions [a, b) can report
 * `input.slice(view.start[a], view.end[b - 1])`, whatever steps changed, merged or dropped.
 */
export interface View {
  /** UTF-16 code units of the view. */
  readonly codes: Uint16Array;
  /** Input offset (UTF-16 units) where the unit's source begins. */
  readonly start: Int32Array;
  /** Input offset where the unit's source ends (exclusive). */
  readonly end: Int32Array;
  /** Evasion evidence per unit, a bit set of {@link Flag}. */
  readonly flags: Uint8Array;
  readonly length: number;
}

/** Why a unit looks different from what the reader typed; detectors read these as evidence. */
export const Flag = {
  /** A zero-width or bidi character was removed just before this unit. */
  Invisible: 1,
  /** A Cyrillic/Greek/full-width lookalike was folded to this Latin letter. */
  Homoglyph: 2,
  /** A digit or symbol was read as this letter (l0n, c@c). */
  Leet: 4,
  /** This letter was joined to its neighbours across separators (l.o.n, đ m). */
  Joined: 8,
  /** A run of the same letter was shortened here (điiiiit). */
  Repeat: 16,
  /** A masking symbol (`*`) stands for an unknown letter here (c*c). */
  Wildcard: 32,
} as const;

/**
 * Builder of a view. Transformers never lengthen a view, so they pass their input's length as
 * `capacity`; only NFC composition needs more (see nfc/index.ts).
 */
export class ViewBuilder {
  readonly codes: Uint16Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly flags: Uint8Array;
  length = 0;

  constructor(capacity: number, arena: Arena) {
    this.codes = arena.u16(capacity);
    this.start = arena.i32(capacity);
    this.end = arena.i32(capacity);
    this.flags = arena.u8(capacity);
  }

  push(code: number, start: number, end: number, flags: number): void {
    const i = this.length++;
    this.codes[i] = code;
    this.start[i] = start;
    this.end[i] = end;
    this.flags[i] = flags;
  }

  /** Copies unit `i` of `from`, optionally with another code and extra flags. */
  copy(from: View, i: number, code = from.codes[i]!, extraFlags = 0): void {
    this.push(code, from.start[i]!, from.end[i]!, from.flags[i]! | extraFlags);
  }

  build(): View {
    const n = this.length;
    // Same length as allocated (leet, confusables): no need for four more typed arrays.
    if (n === this.codes.length) return { codes: this.codes, start: this.start, end: this.end, flags: this.flags, length: n };
    return {
      codes: this.codes.subarray(0, n),
      start: this.start.subarray(0, n),
      end: this.end.subarray(0, n),
      flags: this.flags.subarray(0, n),
      length: n,
    };
  }
}

/**
 * A step of the normalisation chain: one view in, one view out, never longer. Returns its
 * input unchanged when it has nothing to do; takes new arrays from the arena otherwise.
 */
export type Transformer = (input: View, arena: Arena) => View;

const decoder = new TextDecoder('utf-16le');
const texts = new WeakMap<View, string>();

/**
 * The view's text as a string, for detectors that scan characters (links, offers), computed
 * once per view. Decoded natively (typed arrays are little-endian on every platform Node
 * runs on); a lone surrogate becomes U+FFFD, one unit for one unit, so indices still align.
 */
export function viewText(view: View): string {
  let text = texts.get(view);
  if (text === undefined) {
    text = decoder.decode(view.codes);
    texts.set(view, text);
  }
  return text;
}

/** A view with new codes and flags but the same source map: for one-for-one steps. */
function remapped(input: View, codes: Uint16Array, flags: Uint8Array = input.flags): View {
  return { codes, start: input.start, end: input.end, flags, length: input.length };
}

/**
 * A one-for-one step by table (lower case, stripped marks): each unit becomes `table[unit]`.
 * The view itself when the table changes none of its units, which is the common comment: one
 * read-only pass, then no arrays taken from the arena.
 */
export function mapUnits(input: View, arena: Arena, table: Uint16Array): View {
  if (!changesAny(input, table)) return input;
  const codes = arena.u16(input.length);
  for (let i = 0; i < input.length; i++) codes[i] = table[input.codes[i]!]!;
  return remapped(input, codes);
}

function changesAny(v: View, table: Uint16Array): boolean {
  for (let i = 0; i < v.length; i++) if (table[v.codes[i]!] !== v.codes[i]) return true;
  return false;
}
