import type { Verdict } from '../index.js';
import type { LabelledComment } from './labelled.js';
import { spanF1, spansMask } from './span-f1.js';

/** What a newsroom and the ViHOS paper each want to know about a filter, on labelled comments. */
export interface Figures {
  readonly comments: number;
  readonly offensive: number;
  readonly clean: number;
  /**
   * Mean span F1 (SemEval-2021 Task 5) over comments with gold spans, null without them. The
   * predicted spans are the reasons of offensive kinds (profanity.*, model.*): what ViHOS
   * annotates. Spam reasons (a phone, a link, shouting) mark something else.
   */
  readonly spanF1: number | null;
  /** The same with every reason's span counted, spam included. */
  readonly spanF1AllReasons: number | null;
  /** Share of offensive comments the filter flags (review or block). */
  readonly recall: number;
  /** Share of clean comments the filter flags. */
  readonly cleanFlagged: number;
  /** Clean comments blocked (should be none). */
  readonly cleanBlocked: number;
  readonly blocked: number;
  /** Share of blocked comments that are offensive; null when nothing is blocked. */
  readonly blockPrecision: number | null;
  /** Corpus only: share of `block`-tier comments that are blocked. */
  readonly blockTierRecall: number | null;
}

/** Adds up verdicts against labels; one per evaluation or cross-validation run. */
export class FigureCounter {
  private offensive = 0;
  private clean = 0;
  private f1Sum = 0;
  private f1AllSum = 0;
  private f1Count = 0;
  private flaggedOffensive = 0;
  private flaggedClean = 0;
  private blocked = 0;
  private blockedOffensive = 0;
  private blockTier = 0;
  private blockTierBlocked = 0;

  add(comment: LabelledComment, verdict: Pick<Verdict, 'action' | 'reasons'>): void {
    const flagged = verdict.action !== 'pass';
    const blocked = verdict.action === 'block';
    if (comment.offensive) {
      this.offensive++;
      if (flagged) this.flaggedOffensive++;
    } else {
      this.clean++;
      if (flagged) this.flaggedClean++;
    }
    if (blocked) {
      this.blocked++;
      if (comment.offensive) this.blockedOffensive++;
    }
    if (comment.tier === 'block') {
      this.blockTier++;
      if (blocked) this.blockTierBlocked++;
    }
    if (comment.gold) {
      this.f1Count++;
      const offensive = verdict.reasons.filter(isOffensiveReason);
      this.f1Sum += spanF1(comment.text, comment.gold, spansMask(comment.text.length, offensive));
      this.f1AllSum += spanF1(comment.text, comment.gold, spansMask(comment.text.length, verdict.reasons));
    }
  }

  figures(): Figures {
    return {
      comments: this.offensive + this.clean,
      offensive: this.offensive,
      clean: this.clean,
      spanF1: this.f1Count ? this.f1Sum / this.f1Count : null,
      spanF1AllReasons: this.f1Count ? this.f1AllSum / this.f1Count : null,
      recall: ratio(this.flaggedOffensive, this.offensive),
      cleanFlagged: ratio(this.flaggedClean, this.clean),
      cleanBlocked: this.blocked - this.blockedOffensive,
      blocked: this.blocked,
      blockPrecision: this.blocked ? this.blockedOffensive / this.blocked : null,
      blockTierRecall: this.blockTier ? this.blockTierBlocked / this.blockTier : null,
    };
  }
}

/** Reasons of the kinds ViHOS annotates: profanity, insults, hate (rules or model). */
export function isOffensiveReason(r: { rule: string }): boolean {
  return r.rule.startsWith('profanity.') || r.rule.startsWith('model.');
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/** One line per figure, for people. */
export function formatFigures(f: Figures): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
  const lines = [
    `comments            ${f.comments} (${f.offensive} offensive or spam, ${f.clean} clean)`,
    f.spanF1 === null
      ? null
      : `span F1             ${f.spanF1.toFixed(4)}   (ViHOS / SemEval-2021 Task 5, mean over comments; offensive reasons)`,
    f.spanF1AllReasons === null
      ? null
      : `span F1, all        ${f.spanF1AllReasons.toFixed(4)}   (every reason's span, spam reasons included)`,
    `recall              ${f.recall.toFixed(4)}   (offensive comments flagged)`,
    `clean flagged       ${pct(f.cleanFlagged)}   (${f.cleanBlocked} clean blocked)`,
    `block precision     ${f.blockPrecision === null ? 'n/a (nothing blocked)' : f.blockPrecision.toFixed(4)}   (${f.blocked} blocked)`,
    f.blockTierRecall === null ? null : `block-tier recall   ${f.blockTierRecall.toFixed(4)}`,
  ];
  return lines.filter((l) => l !== null).join('\n');
}
