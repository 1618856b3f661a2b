import { codePointUnits } from './labelled.js';

/**
 * Span F1 of SemEval-2021 Task 5, as the ViHOS paper scores span detection: per comment, the
 * F1 of the predicted and gold sets of character (code point) positions; 1 when both are
 * empty, 0 when only one is; averaged over comments.
 */
export function spanF1(text: string, gold: Uint8Array, predicted: Uint8Array): number {
  let g = 0;
  let p = 0;
  let both = 0;
  for (const u of codePointUnits(text)) {
    const inGold = gold[u] === 1;
    const inPred = predicted[u] === 1;
    if (inGold) g++;
    if (inPred) p++;
    if (inGold && inPred) both++;
  }
  if (g === 0 && p === 0) return 1;
  if (g === 0 || p === 0) return 0;
  const precision = both / p;
  const recall = both / g;
  return both === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** Mask over UTF-16 units of `length` from [start, end) spans. */
export function spansMask(length: number, spans: Iterable<{ start: number; end: number }>): Uint8Array {
  const mask = new Uint8Array(length);
  for (const s of spans) mask.fill(1, Math.max(0, s.start), Math.min(length, s.end));
  return mask;
}
