import { isLetter } from '../char-class.js';
import type { Arena } from '../arena.js';
import { Flag, ViewBuilder, type View } from '../view.js';

/**
 * Step 7: shorten runs of one repeated letter to two ("điiiiit" → "điit", "lớnnnn" → "lớnn").
 *
 * Two, not one, so real double letters survive ("cc", "ass", "xoong"); the matcher accepts a
 * doubled letter where a term has one. The kept second unit spans the whole rest of the run,
 * so a highlighted match still covers every repeated letter. Flagged {@link Flag.Repeat}.
 *
 * Application order: after joining separated letters ("đ m m m" joins first), last before
 * the accented view is complete.
 */
export const collapseRepeats = (input: View, arena: Arena): View => {
  if (!hasRun(input)) return input;
  const out = new ViewBuilder(input.length, arena);
  let i = 0;
  while (i < input.length) {
    const c = input.codes[i]!;
    let j = i + 1;
    while (j < input.length && input.codes[j] === c) j++;
    if (j - i < 3 || !isLetter(c)) {
      for (let k = i; k < j; k++) out.copy(input, k);
    } else {
      out.copy(input, i);
      out.push(c, input.start[i + 1]!, input.end[j - 1]!, input.flags[i + 1]! | Flag.Repeat);
    }
    i = j;
  }
  return out.build();
};

function hasRun(v: View): boolean {
  for (let i = 2; i < v.length; i++) {
    const c = v.codes[i]!;
    if (c === v.codes[i - 1] && c === v.codes[i - 2] && isLetter(c)) return true;
  }
  return false;
}
