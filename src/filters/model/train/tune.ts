/**
 * `npx tsx src/filters/model/train/tune.ts [SETTINGS_JSON …]`: compares training settings by
 * 4-fold cross-validation on the training comments alone (the same out-of-fold span F1, under
 * the same clean-flagged ceiling, that picks the thresholds). No dev or test file is read: the
 * setting that wins here goes into defaults.ts, and dev only measures it afterwards.
 *
 * Each argument is a JSON object merged over DEFAULT_FIT's `token`/`comment` settings, with
 * `commentPairs` beside them, e.g.
 *   '{"token":{"positive":1.5}}' '{"token":{"l2":0.1},"comment":{"l2":0.1}}' '{"commentPairs":false}' '{"stack":false}'
 * With no argument, the defaults alone. `SEED=2` trains in another order (seeds and folds move
 * span F1 by about ±0.001: a smaller difference between settings is noise).
 */
import { createMatcher } from '../../matcher/index.js';
import { loadBuiltinLexicon } from '../../lexicons/load.js';
import { readLabelled } from '../../evaluation/labelled.js';
import { DEFAULT_FIT, DEFAULT_TRAINING_FILES, fromLabelled, weightOf } from './defaults.js';
import { buildRows } from './examples.js';
import { crossValidatedChoice, type FitOptions } from './fit.js';

type Setting = {
  token?: Partial<FitOptions['token']>;
  comment?: Partial<FitOptions['comment']>;
  commentPairs?: boolean;
  stack?: boolean;
};

const settings: Setting[] = process.argv.length > 2 ? process.argv.slice(2).map((a) => JSON.parse(a) as Setting) : [{}];
const texts = DEFAULT_TRAINING_FILES.flatMap((file) => fromLabelled(readLabelled(file), weightOf(file)));
const matcher = createMatcher(loadBuiltinLexicon().entries);
const rowsFor = new Map<boolean, ReturnType<typeof buildRows>>();
for (const setting of settings) {
  const started = performance.now();
  const commentPairs = setting.commentPairs ?? DEFAULT_FIT.commentPairs;
  if (!rowsFor.has(commentPairs)) rowsFor.set(commentPairs, buildRows(texts, matcher, commentPairs));
  const rows = rowsFor.get(commentPairs)!;
  const options: FitOptions = {
    ...DEFAULT_FIT,
    commentPairs,
    stack: setting.stack ?? DEFAULT_FIT.stack,
    token: { ...DEFAULT_FIT.token, ...setting.token },
    comment: { ...DEFAULT_FIT.comment, ...setting.comment },
    seed: Number(process.env.SEED ?? 1),
    log: (line) => {
      if (!line.startsWith('cross-validation:')) console.log(line);
    },
  };
  const { thresholds: t, figures: f } = crossValidatedChoice(texts, rows, matcher, options);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(
    `${JSON.stringify(setting)}  cv span F1 ${f.spanF1?.toFixed(4)}  recall ${f.recall.toFixed(3)}  clean flagged ${(100 * f.cleanFlagged).toFixed(1)} %` +
      `  thresholds ${t.token}/${t.best}/${t.comment}  (${seconds} s)`,
  );
}
