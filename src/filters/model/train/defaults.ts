import type { LabelledComment } from '../../evaluation/labelled.js';
import type { TrainingComment } from '../decisions.js';
import type { TrainingText } from './examples.js';
import type { FitOptions } from './fit.js';

/**
 * The training settings, chosen by cross-validation on ViHOS train (see src/filters/README.md,
 * "The span model"): 2^20 slots a table (2^18 lost about 1.5 points of span F1 to collisions),
 * AdaGrad, 5 epochs over the tokens.
 */
export const DEFAULT_FIT: Omit<FitOptions, 'seed' | 'log'> = {
  bits: 20,
  token: { epochs: 5, rate: 0.1, l2: 0 },
  comment: { epochs: 5, rate: 0.05, l2: 0 },
  folds: 4,
  maxCleanFlagged: 0.04,
  siteDomains: [],
  commentPairs: true,
  stack: true,
};

/** What `npm run train:filter` learns from unless told otherwise (paths from the repository root). */
export const DEFAULT_TRAINING_FILES = ['datasets/vihos/train.csv', 'datasets/news-vi/comments.txt'];

/** A site's own decisions count double: they are the readers the model will meet. */
const DECISION_WEIGHT = 2;

/**
 * Our news-domain comments count three times: ViHOS is social media, where "lũ", "con lợn" or
 * "chó cắn" are rarely a flood, a farm or a dog; in a provincial paper they usually are.
 */
export function weightOf(file: string): number {
  return file.endsWith('.txt') ? 3 : 1;
}

export function fromLabelled(comments: readonly LabelledComment[], weight = 1): TrainingText[] {
  return comments.filter((c) => c.gold !== null).map((c) => ({ text: c.text, gold: c.gold!, labelled: 'all' as const, weight }));
}

export function fromDecisions(examples: readonly TrainingComment[]): TrainingText[] {
  return examples.map((e) => {
    const gold = new Uint8Array(e.text.length);
    for (const [start, end] of e.spans) gold.fill(1, start, end);
    return { text: e.text, gold, labelled: e.labelled, weight: DECISION_WEIGHT };
  });
}
