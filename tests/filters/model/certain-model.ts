import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeModel, quantise } from '../../../src/filters/model/model-file.js';
import { STACK_SLOTS } from '../../../src/filters/model/stack.js';

/**
 * A model file whose every token is offensive with probability ≈ 1: the worst case for "never
 * blocks alone". With `stack`, a second pass that is as sure (its bias alone), so the
 * composition is tested through both passes.
 */
export function certainModelFile(stack = false): string {
  const slots = 1 << 8;
  const weights = new Float32Array(slots);
  const file = join(mkdtempSync(join(tmpdir(), 'span-model-')), 'certain.bin');
  writeFileSync(
    file,
    encodeModel({
      bits: 8,
      token: quantise(weights, 20),
      comment: quantise(weights, 20),
      commentPairs: true,
      stack: stack ? { weights: new Float32Array(STACK_SLOTS), bias: 20 } : null,
      thresholds: { token: 0.5, best: 0.5, comment: 0.5 },
    }),
  );
  return file;
}
