import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeModel, quantise } from '../../../src/filters/model/model-file.js';

/** A model file whose every token is offensive with probability ≈ 1: the worst case for "never blocks alone". */
export function certainModelFile(): string {
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
      thresholds: { token: 0.5, best: 0.5, comment: 0.5 },
    }),
  );
  return file;
}
