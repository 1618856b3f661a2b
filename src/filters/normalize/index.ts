import { composeNfc } from './nfc/index.js';
import { isInvisible, removeInvisible } from './invisible/index.js';
import { foldConfusables, isFoldable } from './confusables/index.js';
import { lowerCase, lowerUnit } from './lowercase/index.js';
import { isStandIn, resolveLeet } from './leet/index.js';
import { joinSeparated } from './join-separated/index.js';
import { collapseRepeats } from './collapse-repeats/index.js';
import { hasDiacritic, stripDiacritics } from './strip-diacritics/index.js';
import type { View } from './view.js';
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
  /**
   * Whether the text holds a dot-like symbol (· • ∙ ⋅ 。 ｡), which a spammer may put for the
   * dot of a domain ("new88 • com"); learnt from the per-unit table pass at no extra cost.
   */
  readonly dotLike: boolean;
}

/**
 * Normalises a comment. `arena` supplies the views' memory: by default a fresh one, so the
 * result may be kept; the engine passes its own, reset per comment (see arena.ts).
 *
 * The chain, in application order; each step is one folder with its own reasons:
 * NFC → invisible → confusables → lower case → leet → join separated → collapse repeats,
 * then strip diacritics for the last view. A step whose trigger units (see {@link Needs})
 * are absent is not called: one table lookup per unit here instead of a scan per step.
 */
export function normalize(input: string, arena: Arena = new Arena(input.length * 64 + 64)): NormalizedText {
  const { cased, plain, needs } = firstViews(input, arena);
  let accented = needs & Needs.Leet ? resolveLeet(plain, arena) : plain;
  accented = collapseRepeats(joinSeparated(accented, arena), arena);
  // Leet, joining and collapsing only ever write unmarked ASCII letters: the marks of
  // `accented` are marks of `plain`.
  const stripped = needs & Needs.Strip ? stripDiacritics(accented, arena) : accented;
  return new Normalized(input, cased, plain, accented, stripped, (needs & Needs.DotLike) !== 0);
}

/**
 * The `plain` view alone, exactly as normalize() makes it, without the steps after it (leet,
 * joining, repeats, diacritics): what the duplicate rule reads (../fingerprint.ts), for half
 * the work.
 */
export function normalizePlain(input: string, arena: Arena): View {
  return firstViews(input, arena).plain;
}

/** NFC → invisible → confusables → lower case: `cased`, `plain`, and what the text needs next. */
function firstViews(input: string, arena: Arena): { cased: View; plain: View; needs: number } {
  let cased = composeNfc(input, arena);
  let needs = needsOf(cased);
  if (needs & Needs.Invisible) cased = removeInvisible(cased, arena);
  if (needs & Needs.Fold) {
    cased = foldConfusables(cased, arena);
    needs = needsOf(cased);
  }
  let plain = needs & Needs.Lower ? lowerCase(cased, arena) : cased;
  // A capital that is no lookalike but whose lower case is one ("Ɡ" → "ɡ") is folded only now.
  if (needs & Needs.LowerFolds) plain = foldConfusables(plain, arena);
  return { cased, plain, needs };
}

/** Which steps a unit may need, as bits; the whole text needs the union. */
const Needs = { Invisible: 1, Fold: 2, Lower: 4, Leet: 8, Strip: 16, DotLike: 32, LowerFolds: 64 } as const;

/** Dot-like symbols (see {@link NormalizedText.dotLike}); none is changed by any step. */
export const DOT_LIKE_UNITS: readonly number[] = [0x00b7, 0x2022, 0x2219, 0x22c5, 0x3002, 0xff61];

const NEEDS = buildNeeds();

function buildNeeds(): Uint8Array {
  const t = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) {
    const lower = lowerUnit(c);
    t[c] =
      (isInvisible(c) ? Needs.Invisible : 0) |
      (isFoldable(c) ? Needs.Fold : 0) |
      (lower !== c ? Needs.Lower : 0) |
      (lower !== c && !isFoldable(c) && isFoldable(lower) ? Needs.LowerFolds : 0) |
      // Judged on the unit and its lower case: leet reads the lower-cased view.
      (isStandIn(c) || isStandIn(lower) ? Needs.Leet : 0) |
      (hasDiacritic(c) || hasDiacritic(lower) ? Needs.Strip : 0);
  }
  for (const c of DOT_LIKE_UNITS) t[c]! |= Needs.DotLike;
  return t;
}

function needsOf(v: View): number {
  let needs = 0;
  for (let i = 0; i < v.length; i++) needs |= NEEDS[v.codes[i]!]!;
  return needs;
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
    readonly dotLike: boolean,
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
