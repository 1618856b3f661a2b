import { composeNfc } from './nfc/index.js';
import { removeInvisible } from './invisible/index.js';
import { foldConfusables } from './confusables/index.js';
import { lowerCase } from './lowercase/index.js';
import { resolveLeet } from './leet/index.js';
import { joinSeparated } from './join-separated/index.js';
import { collapseRepeats } from './collapse-repeats/index.js';
import { hasDiacritic, stripDiacritics } from './strip-diacritics/index.js';
import type { Transformer, View } from './view.js';
import { Arena } from './arena.js';

export { Flag, viewText, type View } from './view.js';
export { Arena } from './arena.js';

/**
 * The comment as the detectors read it: several views of one text, each mapped back to the
 * string given to `evaluate()` (see {@link View}).
 */
export interface NormalizedText {
  /** The string given to `evaluate()`; every span indexes it. */
  readonly input: string;
  /** NFC, invisible characters removed, lookalikes folded, original case: for shouting, floods. */
  readonly cased: View;
  /** `cased` in lower case, digits kept as digits: for phone numbers, links and handles. */
  readonly plain: View;
  /** `plain` with leet read, separated letters joined and repeats shortened: exact terms. */
  readonly accented: View;
  /** `accented` without diacritics, aligned unit for unit with it: terms typed without marks. */
  readonly stripped: View;
  /** Whether the reader types with diacritics (a few marked letters): see the matcher. */
  readonly typesDiacritics: boolean;
}

/**
 * The chain, in application order. Each step is one folder with its own reasons:
 * NFC → invisible → confusables → lower case → leet → join separated → collapse repeats,
 * then strip diacritics for the last view.
 */
const CASED_STEPS: readonly Transformer[] = [removeInvisible, foldConfusables];
const ACCENTED_STEPS: readonly Transformer[] = [resolveLeet, joinSeparated, collapseRepeats];

/**
 * Normalises a comment. `arena` supplies the views' memory: by default a fresh one, so the
 * result may be kept; the engine passes its own, reset per comment (see arena.ts).
 */
export function normalize(input: string, arena: Arena = new Arena(input.length * 64 + 64)): NormalizedText {
  const cased = run(composeNfc(input, arena), CASED_STEPS, arena);
  const plain = lowerCase(cased, arena);
  const accented = run(plain, ACCENTED_STEPS, arena);
  const stripped = stripDiacritics(accented, arena);
  return { input, cased, plain, accented, stripped, typesDiacritics: countMarked(accented) >= 2 };
}

/** Normalises a lexicon term exactly as comments are, so both meet in the same alphabet. */
export function normalizeTerm(term: string): { accented: string; stripped: string } {
  const t = normalize(term.trim());
  return { accented: codesToString(t.accented), stripped: codesToString(t.stripped) };
}

function run(view: View, steps: readonly Transformer[], arena: Arena): View {
  let v = view;
  for (const step of steps) v = step(v, arena);
  return v;
}

function countMarked(v: View): number {
  let n = 0;
  for (let i = 0; i < v.length && n < 2; i++) if (hasDiacritic(v.codes[i]!)) n++;
  return n;
}

function codesToString(v: View): string {
  return String.fromCharCode(...v.codes);
}
