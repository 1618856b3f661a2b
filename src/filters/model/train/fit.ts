import { runDetectors, type Finding } from '../../detectors/index.js';
import type { LabelledComment } from '../../evaluation/labelled.js';
import { FigureCounter, type Figures } from '../../evaluation/figures.js';
import type { Matcher } from '../../matcher/index.js';
import { normalize, type NormalizedText } from '../../normalize/index.js';
import { compose } from '../../verdict/compose.js';
import { withModel } from '../../verdict/model-findings.js';
import { quantise, type SpanModelData, type Thresholds } from '../model-file.js';
import { SpanModel, detachScores, type CommentScores } from '../span-model.js';
import { buildRows, type TrainingRows, type TrainingText } from './examples.js';
import { trainLogistic, type TrainOptions } from './logistic.js';
import { stacked, trainStack, type StackExample } from './stack.js';
import type { StackWeights } from '../stack.js';

export interface FitOptions {
  readonly bits: number;
  readonly token: Omit<TrainOptions, 'bits' | 'seed'>;
  readonly comment: Omit<TrainOptions, 'bits' | 'seed'>;
  readonly seed: number;
  /** Folds of the cross-validation that picks the thresholds. */
  readonly folds: number;
  /** Highest share of clean comments the rules and model together may flag (cross-validated). */
  readonly maxCleanFlagged: number;
  readonly siteDomains: readonly string[];
  /** Whether the comment table reads the word pairs too (see model-file.ts `commentPairs`). */
  readonly commentPairs: boolean;
  /** Whether a second pass relabels tokens from their neighbours' probabilities (model/stack.ts). */
  readonly stack: boolean;
  readonly log: (line: string) => void;
}

export interface Fitted {
  readonly model: SpanModelData;
  /** Out-of-fold figures of the chosen thresholds: an estimate on comments the model never saw. */
  readonly crossValidated: Figures;
}

/**
 * Trains the token and comment tables, then picks the thresholds by cross-validation on the
 * training comments alone: each fold's model scores the comments it did not see, the rules'
 * findings are added exactly as the engine does, and the thresholds with the best span F1
 * under the clean-flagged ceiling win. Nothing of a dev or test split is used.
 */
export function fitSpanModel(texts: readonly TrainingText[], matcher: Matcher, options: FitOptions): Fitted {
  const rows = buildRows(texts, matcher, options.commentPairs);
  options.log(`features: ${rows.tokens.size} labelled tokens in ${texts.length} comments, 2^${options.bits} slots a table`);
  const { thresholds, figures, stack } = crossValidatedChoice(texts, rows, matcher, options);
  const token = trainLogistic(rows.tokens, { ...options.token, bits: options.bits, seed: options.seed });
  const comment = trainLogistic(rows.comments, { ...options.comment, bits: options.bits, seed: options.seed + 1 });
  return {
    model: {
      bits: options.bits,
      token: quantise(token.weights, token.bias),
      comment: quantise(comment.weights, comment.bias),
      commentPairs: options.commentPairs,
      stack,
      thresholds,
    },
    crossValidated: figures,
  };
}

/**
 * The thresholds cross-validation picks on the training comments, with their out-of-fold
 * figures; also what `tune.ts` compares training settings by. With `options.stack`, also the
 * second pass, trained on every comment's out-of-fold first-pass scores; its figures come
 * from second passes trained on the other folds' comments alone.
 */
export function crossValidatedChoice(
  texts: readonly TrainingText[],
  rows: TrainingRows,
  matcher: Matcher,
  options: FitOptions,
): { thresholds: Thresholds; figures: Figures; stack: StackWeights | null } {
  const heldOut = crossValidate(texts, rows, matcher, options);
  if (!options.stack) return { ...chooseThresholds(heldOut, options), stack: null };
  const examples = heldOut.map((h) => stackExample(h, texts[Number(h.labelled.id)]!));
  const seed = options.seed + 2;
  const secondPass: HeldOut[] = [];
  for (let fold = 0; fold < options.folds; fold++) {
    const inFold = (h: HeldOut): boolean => Number(h.labelled.id) % options.folds === fold;
    const stack = trainStack(
      examples.filter((_, i) => !inFold(heldOut[i]!)),
      seed,
    );
    for (const h of heldOut) if (inFold(h)) secondPass.push({ ...h, scores: stacked(h.scores, stack) });
  }
  return { ...chooseThresholds(secondPass, options), stack: trainStack(examples, seed) };
}

function stackExample(h: HeldOut, example: TrainingText): StackExample {
  const { tokens } = h.scores;
  const labels = new Uint8Array(tokens.count);
  for (let t = 0; t < tokens.count; t++) {
    let inside = 0;
    for (let u = tokens.start[t]!; u < tokens.end[t]!; u++) inside += example.gold[u] ?? 0;
    const offensive = inside * 2 > tokens.end[t]! - tokens.start[t]!;
    labels[t] = offensive ? 1 : example.labelled === 'spans' ? 2 : 0;
  }
  return { scores: h.scores, labels, weight: example.weight };
}

/** A training comment as a fold's model saw it without having learnt from it. */
interface HeldOut {
  readonly labelled: LabelledComment;
  /** From the newsroom's own domain (weight > 1). */
  readonly site: boolean;
  readonly text: NormalizedText;
  readonly findings: readonly Finding[];
  readonly scores: CommentScores;
}

function crossValidate(texts: readonly TrainingText[], rows: TrainingRows, matcher: Matcher, options: FitOptions): HeldOut[] {
  const out: HeldOut[] = [];
  const k = options.folds;
  for (let fold = 0; fold < k; fold++) {
    const use = (c: number): boolean => c % k !== fold;
    const token = trainLogistic(rows.tokens, { ...options.token, bits: options.bits, seed: options.seed }, use);
    const comment = trainLogistic(rows.comments, { ...options.comment, bits: options.bits, seed: options.seed + 1 }, use);
    const model = new SpanModel({
      bits: options.bits,
      token: quantise(token.weights, token.bias),
      comment: quantise(comment.weights, comment.bias),
      commentPairs: options.commentPairs,
      thresholds: { token: 1, best: 1, comment: 1 },
    });
    for (let c = fold; c < texts.length; c += k) {
      // Cross-validation folds are c mod k (see `use` above and crossValidatedChoice).
      const example = texts[c]!;
      const text = normalize(example.text);
      const hits = matcher.find(text);
      const findings = runDetectors(text, { hits, siteDomains: options.siteDomains });
      out.push({
        labelled: labelledOf(example, c),
        site: example.weight > 1,
        text,
        findings,
        scores: detachScores(model.firstPass(text, hits)),
      });
    }
    options.log(`cross-validation: fold ${fold + 1}/${k} done`);
  }
  return out;
}

function labelledOf(example: TrainingText, c: number): LabelledComment {
  return { id: String(c), text: example.text, gold: example.gold, offensive: example.gold.includes(1) };
}

const GRID = {
  token: [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6],
  best: [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85],
  comment: [0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7],
};

function chooseThresholds(heldOut: readonly HeldOut[], options: FitOptions): { thresholds: Thresholds; figures: Figures } {
  let best: { thresholds: Thresholds; figures: Figures } | null = null;
  let fallback: { thresholds: Thresholds; figures: Figures } | null = null;
  const site = heldOut.filter((h) => h.site);
  for (const token of GRID.token)
    for (const bestToken of GRID.best) {
      if (bestToken < token) continue;
      for (const comment of GRID.comment) {
        const thresholds = { token, best: bestToken, comment };
        const figures = measure(heldOut, thresholds);
        const f1 = figures.spanF1 ?? 0;
        if (figures.cleanFlagged <= options.maxCleanFlagged && (!best || f1 > (best.figures.spanF1 ?? 0))) best = { thresholds, figures };
        if (!fallback || figures.cleanFlagged < fallback.figures.cleanFlagged) fallback = { thresholds, figures };
      }
    }
  const chosen = best ?? fallback!;
  if (site.length > 0) {
    const publicOnly = measure(
      heldOut.filter((h) => !h.site),
      chosen.thresholds,
    );
    const own = measure(site, chosen.thresholds);
    options.log(
      `  public data alone: span F1 ${publicOnly.spanF1?.toFixed(4)}, clean flagged ${(100 * publicOnly.cleanFlagged).toFixed(1)} %; ` +
        `the newsroom's own: span F1 ${own.spanF1?.toFixed(4)}, clean flagged ${(100 * own.cleanFlagged).toFixed(1)} %`,
    );
  }
  options.log(
    `thresholds: token ${chosen.thresholds.token}, best token ${chosen.thresholds.best}, comment ${chosen.thresholds.comment}` +
      (best ? '' : ` (no setting kept clean flags under ${options.maxCleanFlagged}: the fewest flags won)`),
  );
  return chosen;
}

function measure(heldOut: readonly HeldOut[], thresholds: Thresholds): Figures {
  const counter = new FigureCounter();
  for (const h of heldOut) {
    const findings = withModel(h.findings, h.scores, h.text.input, thresholds);
    counter.add(h.labelled, compose(findings, h.text.input, ''));
  }
  return counter.figures();
}
