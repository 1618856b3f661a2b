import { createHash } from 'node:crypto';
import type { CustomLexicon, FilterEngine, FilterOptions, Verdict } from './index.js';
import { runDetectors, type DetectorContext, type Finding } from './detectors/index.js';
import { PROFANITY_WEIGHT, type LexiconEntry } from './lexicons/entry.js';
import { loadBuiltinLexicon } from './lexicons/load.js';
import { allowEntry } from './lexicons/parse.js';
import { createMatcher, type Matcher } from './matcher/index.js';
import { Arena, normalize } from './normalize/index.js';
import { compose } from './verdict/compose.js';
import { withModel } from './verdict/model-findings.js';
import { loadSpanModel } from './model/load.js';
import type { SpanModel } from './model/span-model.js';

/** Everything `evaluate` needs that depends on the lexicons; replaced as one object. */
interface Compiled {
  readonly matcher: Matcher;
  readonly version: string;
  /** The learned span model, or null for the rules alone. Loaded once; never changes. */
  readonly model: SpanModel | null;
}

/**
 * Builds an engine. Compiles the lexicons once (well under 200 ms); `setCustom` compiles the
 * new set aside and then swaps one reference, so a concurrent `evaluate` sees either the old
 * lexicons or the new ones, never a mix.
 */
export function createFilterEngine(options: FilterOptions = {}): FilterEngine {
  const siteDomains = Object.freeze([...(options.siteDomains ?? [])].map((d) => d.trim().toLowerCase()));
  // A missing or corrupt model file stops the start with its reason, like a bad lexicon file.
  const model = options.model === false ? null : loadSpanModel(options.model);
  let compiled = compile(options.custom, model);
  // Scratch memory for normalisation, reused by every evaluate (synchronous, so never shared).
  const arena = new Arena(64 * 1024);
  return {
    evaluate: (content) => evaluateSafely(compiled, siteDomains, arena, content),
    get lexiconVersion() {
      return compiled.version;
    },
    setCustom(custom) {
      compiled = compile(custom, model);
    },
  };
}

function compile(custom: CustomLexicon | undefined, model: { model: SpanModel; version: string } | null): Compiled {
  const builtin = loadBuiltinLexicon();
  const entries = [...builtin.entries, ...customEntries(custom)];
  const version = createHash('sha256')
    .update(builtin.sources.join('\u0000'))
    .update(JSON.stringify({ terms: custom?.terms ?? [], allow: custom?.allow ?? [] }))
    .update(model ? model.version : 'no model')
    .digest('hex')
    .slice(0, 12);
  return { matcher: createMatcher(entries), version, model: model?.model ?? null };
}

/**
 * Admin terms match with and without diacritics; typed marks must still agree with the
 * term's (see matcher/accept.ts), so "đần" added by an admin does not catch "dân".
 */
function customEntries(custom: CustomLexicon | undefined): LexiconEntry[] {
  if (!custom) return [];
  const terms = custom.terms
    .filter((t) => typeof t.term === 'string' && t.term.trim() !== '')
    .map((t) => ({
      rule: `profanity.${t.lang === 'en' ? 'en' : 'vi'}`,
      tier: t.tier === 'block' ? ('block' as const) : ('review' as const),
      weight: PROFANITY_WEIGHT[t.tier === 'block' ? 'block' : 'review'],
      term: t.term,
      accentedOnly: false,
      disguised: false,
    }));
  const allow = custom.allow.filter((a) => typeof a === 'string' && a.trim() !== '').map(allowEntry);
  return [...terms, ...allow];
}

function evaluateSafely(compiled: Compiled, siteDomains: readonly string[], arena: Arena, content: string): Verdict {
  const input = typeof content === 'string' ? content : String(content ?? '');
  try {
    arena.reset();
    const text = normalize(input, arena);
    const ctx: DetectorContext = { hits: compiled.matcher.find(text), siteDomains };
    let findings: Finding[] = runDetectors(text, ctx);
    const { model } = compiled;
    if (model) findings = withModel(findings, model.score(text, ctx.hits, model.thresholds.comment), input, model.thresholds);
    return compose(findings, input, compiled.version);
  } catch {
    // Never throw into the worker: an engine fault sends the comment to a person.
    return {
      action: 'review',
      score: 0.5,
      reasons: [{ rule: 'engine.error', tier: 'review', match: '', start: 0, end: 0 }],
      lexiconVersion: compiled.version,
    };
  }
}
