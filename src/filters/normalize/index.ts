import { composeNfc } from './nfc/index.js';
import { removeInvisible } from './invisible/index.js';
import { foldConfusables } from './confusables/index.js';
import { lowerCase } from './lowercase/index.js';
import { resolveLeet } from './leet/index.js';
import { joinSeparated } from './join-separated/index.js';
import { collapseRepeats } from './collapse-repeats/index.js';
import { hasDiacritic, stripDiacritics } from './strip-diacritics/index.js';
import type { Transformer, View } from './view.js';
import { isWordUnit } from './char-class.js';
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
  /**
   * Whether the reader types with diacritics: at least 30% of words carry a mark. Decides
   * whether a bare term like "ngu" can be taken as typed (see matcher/accept.ts).
   */
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
  return new Normalized(input, cased, plain, accented, stripDiacritics(accented, arena));
}

/** A class rather than an object literal with a getter: one is built per comment. */
class Normalized implements NormalizedText {
  private marked: boolean | undefined;

  constructor(
    readonly input: string,
    readonly cased: View,
    readonly plain: View,
    readonly accented: View,
    readonly stripped: View,
  ) {}

  /** Computed on first use: only a few lexicon hits ever ask. */
  get typesDiacritics(): boolean {
    return (this.marked ??= typesDiacritics(this.accented));
  }
}

/** Normalises a lexicon term exactly as comments are, so both meet in the same alphabet. */
export function normalizeTerm(term: string): { accented: string; stripped: string } {
  termArena.reset();
  const t = normalize(term.trim(), termArena);
  return { accented: codesToString(t.accented), stripped: codesToString(t.stripped) };
}

/** Scratch memory for terms, whose views are read into strings at once. */
const termArena = new Arena(4096);

function run(view: View, steps: readonly Transformer[], arena: Arena): View {
  let v = view;
  for (const step of steps) v = step(v, arena);
  return v;
}

/** Share of words with at least one marked letter; Vietnamese typed with marks is well above half. */
function typesDiacritics(v: View): boolean {
  let words = 0;
  let marked = 0;
  let inWord = false;
  let wordMarked = false;
  for (let i = 0; i <= v.length; i++) {
    const c = i < v.length ? v.codes[i]! : 0x20;
    if (isWordUnit(c)) {
      inWord = true;
      if (hasDiacritic(c)) wordMarked = true;
    } else if (inWord) {
      words++;
      if (wordMarked) marked++;
      inWord = false;
      wordMarked = false;
    }
  }
  return marked > 0 && marked * 10 >= words * 3;
}

function codesToString(v: View): string {
  return String.fromCharCode(...v.codes);
}
