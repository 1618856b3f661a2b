import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readLabelled } from '../../../src/filters/evaluation/labelled.js';
import { loadBuiltinLexicon } from '../../../src/filters/lexicons/load.js';
import { createMatcher } from '../../../src/filters/matcher/index.js';
import { locateBuiltin } from '../../../src/filters/model/load.js';
import { encodeModel } from '../../../src/filters/model/model-file.js';
import { DEFAULT_FIT, DEFAULT_TRAINING_FILES, fromLabelled, weightOf } from '../../../src/filters/model/train/defaults.js';
import { fitSpanModel } from '../../../src/filters/model/train/fit.js';

/**
 * The committed weights are exactly what `npm run train:filter` writes from the committed data
 * and lexicons. Lexicon hits are features: when this fails after a lexicon change, retrain
 * (`npm run train:filter`) and commit src/filters/model/span-model.bin with the new figures.
 */
describe('the committed span model', () => {
  it('is reproduced byte for byte by the training script', { timeout: 600_000 }, () => {
    const texts = DEFAULT_TRAINING_FILES.flatMap((file) => fromLabelled(readLabelled(file), weightOf(file)));
    const fitted = fitSpanModel(texts, createMatcher(loadBuiltinLexicon().entries), { ...DEFAULT_FIT, seed: 1, log: () => {} });
    const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    expect(digest(encodeModel(fitted.model)), 'retrain with `npm run train:filter`').toBe(digest(readFileSync(locateBuiltin())));
  });
});
