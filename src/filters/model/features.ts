import type { NormalizedText } from '../normalize/index.js';
import type { LexiconHit } from '../matcher/index.js';
import { finish, mix } from './hash.js';
import type { Tokens } from './tokens.js';

/**
 * The span model's features of one token, as hashes (see hash.ts): the syllable as typed and
 * without marks, its neighbours (±2), bigrams and a trigram, character n-grams of the
 * unmarked form (teencode and elongations share n-grams with the words they disguise), its
 * shape, and whether the rules' lexicons hit it or its neighbours.
 *
 * Template ids are part of the model file's meaning: changing one means retraining.
 */
const T = {
  Word: 2,
  Bare: 3,
  PrevWord: 4,
  NextWord: 5,
  PrevBare: 6,
  NextBare: 7,
  Prev2Bare: 8,
  Next2Bare: 9,
  BigramBareLeft: 10,
  BigramBareRight: 11,
  TrigramBare: 14,
  Shape: 15,
  Lexicon: 16,
  PrevLexicon: 17,
  NextLexicon: 18,
  CommentLexicon: 19,
  Gram3: 20,
  First: 22,
  ShapeBare: 23,
  TrigramBareLeft: 24,
  TrigramBareRight: 25,
  Prev2Word: 26,
  Next2Word: 27,
  SkipBare: 28,
} as const;

/** Lexicon evidence on a token; the codes are feature values. */
export const Lex = { None: 0, ProfanityReview: 1, ProfanityBlock: 2, Spam: 3 } as const;

/** More than any token produces: 18 fixed templates plus the 3-grams of a word of 64 units. */
export const MAX_FEATURES = 96;
const MAX_GRAM_UNITS = 64;
/** Word boundary marker for n-grams ("<ngu>"). */
const BOUNDARY = 0x3c;

/** Per-token lexicon codes: the strongest hit overlapping each token; and any for the comment. */
export function lexiconCodes(tokens: Tokens, hits: readonly LexiconHit[]): { codes: Uint8Array; any: number } {
  const codes = new Uint8Array(tokens.count);
  return { codes, any: lexiconCodesInto(tokens, hits, codes) };
}

/**
 * {@link lexiconCodes} into reused memory (`codes.length ≥ tokens.count`); returns the
 * comment's strongest profanity code.
 */
export function lexiconCodesInto(tokens: Tokens, hits: readonly LexiconHit[], codes: Uint8Array): number {
  codes.fill(0, 0, tokens.count);
  let any = 0;
  let first = 0;
  for (const h of hits) {
    const rule = h.entry.rule;
    const code = rule.startsWith('profanity.')
      ? h.entry.tier === 'block'
        ? Lex.ProfanityBlock
        : Lex.ProfanityReview
      : rule.startsWith('spam.')
        ? Lex.Spam
        : Lex.None;
    if (code === Lex.None) continue;
    if (code !== Lex.Spam && code > any) any = code;
    // Hits come sorted by start and tokens by position: the first token a hit can touch only
    // moves right, so a flood of hits costs linear time.
    while (first < tokens.count && tokens.end[first]! <= h.start) first++;
    for (let t = first; t < tokens.count && tokens.start[t]! < h.end; t++) {
      if (code > codes[t]!) codes[t] = code;
    }
  }
  return any;
}

/**
 * Writes the features of token `t` into `out` (finished 32-bit hashes) and returns how many.
 * Slot = hash & mask; the top bit gives the sign (signed hashing halves collision bias).
 *
 * Grouped by what they depend on, so inference can cache all but the last group per
 * distinct word (see span-model.ts): the word alone; the word as a neighbour of another
 * (previous, next, two before, two after); and the token in its place (word pairs and
 * triples, lexicon evidence).
 */
export function tokenFeatures(text: NormalizedText, tokens: Tokens, lex: Uint8Array, lexAny: number, t: number, out: Int32Array): number {
  return placeFeatures(tokens, lex, lexAny, t, out, wordAndNeighbours(text, tokens, t, out));
}

/**
 * The features of the word and its neighbours (the first group of {@link tokenFeatures}); the
 * word pairs and triple follow them, at [k, k + PAIR_FEATURES).
 */
export function wordAndNeighbours(text: NormalizedText, tokens: Tokens, t: number, out: Int32Array): number {
  const n = tokens.count;
  const wa = tokens.hashAccented;
  const ws = tokens.hashStripped;
  let k = wordFeatures(text, tokens, t, out, 0);
  k = asNeighbour(Neighbour.Previous, t > 0 ? wa[t - 1]! : EDGE, t > 0 ? ws[t - 1]! : EDGE, out, k);
  k = asNeighbour(Neighbour.Next, t + 1 < n ? wa[t + 1]! : EDGE, t + 1 < n ? ws[t + 1]! : EDGE, out, k);
  k = asNeighbour(Neighbour.TwoBefore, t > 1 ? wa[t - 2]! : EDGE, t > 1 ? ws[t - 2]! : EDGE, out, k);
  return asNeighbour(Neighbour.TwoAfter, t + 2 < n ? wa[t + 2]! : EDGE, t + 2 < n ? ws[t + 2]! : EDGE, out, k);
}

/** How many features {@link pairFeatures} writes. */
export const PAIR_FEATURES = 3;

/** Features that depend on the token alone: its forms, shape and character 3-grams. */
export function wordFeatures(text: NormalizedText, tokens: Tokens, t: number, out: Int32Array, k: number): number {
  const s0 = tokens.hashStripped[t]!;
  const shape = tokens.shape[t]!;
  out[k++] = finish(mix(T.Word, tokens.hashAccented[t]!));
  out[k++] = finish(mix(T.Bare, s0));
  out[k++] = finish(mix(T.Shape, shape));
  out[k++] = finish(mix(mix(T.ShapeBare, shape), s0));
  return grams(text.stripped.codes, tokens.viewStart[t]!, tokens.viewEnd[t]!, out, k);
}

/** Where a neighbour stands relative to the token being labelled. */
export const Neighbour = { Previous: 0, Next: 1, TwoBefore: 2, TwoAfter: 3 } as const;
export type Neighbour = (typeof Neighbour)[keyof typeof Neighbour];

/** Hash standing in for a missing neighbour at either edge of the comment. */
export const EDGE = 0x2f2f2f2f;

/**
 * Features a token gets from one neighbour, which depend on the neighbour's forms alone
 * (`accented`/`stripped` hashes, or {@link EDGE} for none).
 */
export function asNeighbour(role: Neighbour, accented: number, stripped: number, out: Int32Array, k: number): number {
  switch (role) {
    case Neighbour.Previous:
      out[k++] = finish(mix(T.PrevWord, accented));
      out[k++] = finish(mix(T.PrevBare, stripped));
      break;
    case Neighbour.Next:
      out[k++] = finish(mix(T.NextWord, accented));
      out[k++] = finish(mix(T.NextBare, stripped));
      break;
    case Neighbour.TwoBefore:
      out[k++] = finish(mix(T.Prev2Bare, stripped));
      break;
    case Neighbour.TwoAfter:
      out[k++] = finish(mix(T.Next2Bare, stripped));
      break;
  }
  return k;
}

/** Features of the token in its place: word pairs and triple, then its evidence. */
export function placeFeatures(tokens: Tokens, lex: Uint8Array, lexAny: number, t: number, out: Int32Array, k: number): number {
  const n = tokens.count;
  k = pairFeatures(tokens, t, out, k);
  out[k++] = evidenceFeature(Evidence.Lexicon, lex[t]!);
  out[k++] = evidenceFeature(Evidence.PrevLexicon, t > 0 ? lex[t - 1]! : NO_TOKEN);
  out[k++] = evidenceFeature(Evidence.NextLexicon, t + 1 < n ? lex[t + 1]! : NO_TOKEN);
  out[k++] = evidenceFeature(Evidence.CommentLexicon, lexAny * 16 + lex[t]!);
  if (t === 0) out[k++] = evidenceFeature(Evidence.First, tokens.shape[t]!);
  return k;
}

/** The unmarked word pairs and triple around token t. */
export function pairFeatures(tokens: Tokens, t: number, out: Int32Array, k: number): number {
  const n = tokens.count;
  const ws = tokens.hashStripped;
  const s0 = ws[t]!;
  const sPrev = t > 0 ? ws[t - 1]! : EDGE;
  const sNext = t + 1 < n ? ws[t + 1]! : EDGE;
  out[k++] = finish(mix(mix(T.BigramBareLeft, sPrev), s0));
  out[k++] = finish(mix(mix(T.BigramBareRight, s0), sNext));
  out[k++] = finish(mix(mix(mix(T.TrigramBare, sPrev), s0), sNext));
  return k;
}

/**
 * Features with a small integer value (a lexicon code, a shape): few enough that inference
 * tabulates their weights once (see span-model.ts).
 */
export const Evidence = {
  Lexicon: T.Lexicon,
  PrevLexicon: T.PrevLexicon,
  NextLexicon: T.NextLexicon,
  /** Value: the comment's strongest profanity code × 16 + the token's code. */
  CommentLexicon: T.CommentLexicon,
  /** Value: the first token's shape bits. */
  First: T.First,
} as const;

/** Lexicon code of a neighbour that does not exist. */
export const NO_TOKEN = 9;

export function evidenceFeature(kind: number, value: number): number {
  return finish(mix(kind, value));
}

/** Character 3-grams of the unmarked token with boundary markers ("<ng", "ngu", "gu>"). */
function grams(codes: Uint16Array, from: number, to: number, out: Int32Array, k: number): number {
  const len = Math.min(to - from, MAX_GRAM_UNITS);
  if (len < 2) return k;
  let a = BOUNDARY;
  let b = codes[from]!;
  for (let i = 1; i <= len; i++) {
    const c = i < len ? codes[from + i]! : BOUNDARY;
    out[k++] = finish(mix(mix(mix(T.Gram3, a), b), c));
    a = b;
    b = c;
  }
  return k;
}
