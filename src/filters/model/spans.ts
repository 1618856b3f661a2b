import type { Thresholds } from './model-file.js';
import type { Tokens } from './tokens.js';

/** A run of offensive tokens, in input UTF-16 offsets, with the model's confidence. */
export interface ModelSpan {
  readonly start: number;
  readonly end: number;
  /** Highest token probability inside the span. */
  readonly confidence: number;
}

/** The model's view of one comment (valid until the model scores the next one). */
export interface CommentScores {
  readonly tokens: Tokens;
  /** Per token: probability that it is part of an offensive span. */
  readonly probability: Float32Array;
  /** Probability that the comment holds anything offensive at all. */
  readonly comment: number;
}

/**
 * How the span model's token probabilities become spans (span-model.ts scores them).
 *
 * Tokens at or above `token` become spans when the comment passes both gates: its best token
 * reaches `best` and the comment model reaches `comment`. Two gates because a single
 * borderline token in a long clean comment is the commonest false alarm. Neighbouring
 * offensive tokens separated only by spaces form one span ("đồ ăn bám").
 */
export function spansOf(scores: CommentScores, input: string, at: Pick<Thresholds, 'token' | 'best' | 'comment'>): ModelSpan[] {
  const { tokens, probability } = scores;
  if (scores.comment < at.comment) return [];
  let best = 0;
  for (let t = 0; t < tokens.count; t++) if (probability[t]! > best) best = probability[t]!;
  if (best < at.best) return [];
  const spans: ModelSpan[] = [];
  // No closure for "close the open span" here: under tsx a named closure costs a helper call
  // each time it is created, and this runs for every comment past the gates.
  let open = -1;
  let confidence = 0;
  for (let t = 0; t < tokens.count; t++) {
    if (probability[t]! < at.token) {
      if (open >= 0) spans.push({ start: tokens.start[open]!, end: tokens.end[t - 1]!, confidence });
      open = -1;
      continue;
    }
    if (open >= 0 && !onlySpaces(input, tokens.end[t - 1]!, tokens.start[t]!)) {
      spans.push({ start: tokens.start[open]!, end: tokens.end[t - 1]!, confidence });
      open = -1;
    }
    if (open < 0) {
      open = t;
      confidence = 0;
    }
    confidence = Math.max(confidence, probability[t]!);
  }
  if (open >= 0) spans.push({ start: tokens.start[open]!, end: tokens.end[tokens.count - 1]!, confidence });
  return spans;
}

function onlySpaces(input: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = input.charCodeAt(i);
    if (c !== 0x20 && c !== 0xa0 && c !== 0x09) return false;
  }
  return true;
}
