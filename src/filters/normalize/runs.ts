import type { View } from './view.js';

/**
 * Reading a view run by run: the stretches of units of one class (word units, host
 * characters, leet tokens), as index pairs into the view's codes. No regular expression and
 * no strings: detectors and steps call these on every comment.
 *
 * A class is a table over the 65,536 units (non-zero: in the class), not a predicate: one
 * shared loop calling several predicates is a call V8 cannot inline, and measured 40% slower
 * on the flood and link detectors than the hand-written loops it replaced; a table lookup is
 * the same code for every class.
 */
export type UnitClass = Uint8Array;

/** The first position at or after `from` whose unit is in the class; `v.length` when none. */
export function nextRunStart(v: View, from: number, inClass: UnitClass): number {
  let i = from;
  while (i < v.length && inClass[v.codes[i]!] === 0) i++;
  return i;
}

/** The end (exclusive) of the run of units in the class that starts at `from`. */
export function runEnd(v: View, from: number, inClass: UnitClass): number {
  let j = from;
  while (j < v.length && inClass[v.codes[j]!] !== 0) j++;
  return j;
}
