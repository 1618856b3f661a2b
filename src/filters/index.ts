/**
 * The comment filter: normalise → detectors → verdict. This file is the public surface the
 * moderation worker, the admin UI and the command line code against; everything else in
 * src/filters is internal.
 */

export type Tier = 'review' | 'block';
export type Action = 'pass' | 'review' | 'block';

/** Why a verdict is what it is. `start`/`end` index the evaluated content in UTF-16 units. */
export interface Reason {
  rule: string;
  tier: Tier;
  /** `content.slice(start, end)`: the words as the reader typed them. */
  match: string;
  start: number;
  end: number;
  /** Only on reasons the span model made or confirmed (`model.offensive`): its probability, 0..1. */
  confidence?: number;
}

export interface Verdict {
  action: Action;
  /** 0..1 */
  score: number;
  reasons: Reason[];
  lexiconVersion: string;
}

/** A term added by admins at run time. */
export interface CustomTerm {
  lang: 'vi' | 'en';
  term: string;
  tier: Tier;
}

export interface CustomLexicon {
  terms: CustomTerm[];
  /** Allowlisted words or phrases: a match wholly inside one is dropped. */
  allow: string[];
}

export interface FilterOptions {
  /** The site's own domains (e.g. "baoquangtri.vn"): links to them and their subdomains pass. */
  siteDomains?: string[];
  custom?: CustomLexicon;
  /**
   * The learned span model: by default the one shipped in src/filters/model/span-model.bin;
   * a path to another model file; or `false` for the rules alone.
   */
  model?: string | false;
}

export interface FilterEngine {
  /** Synchronous, pure, never throws. */
  evaluate(content: string): Verdict;
  /** Short hash of the built-in and custom lexicons and of the span model file. */
  readonly lexiconVersion: string;
  /** Recompiles and swaps atomically; bumps lexiconVersion. */
  setCustom(custom: CustomLexicon): void;
}

export { createFilterEngine } from './engine.js';
export { duplicateKey } from './fingerprint.js';
