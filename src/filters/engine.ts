import { createHash } from 'node:crypto';
import type { CustomLexicon, FilterEngine, FilterOptions, Verdict } from './index.js';
import { DETECTORS, type DetectorContext, type Finding } from './detectors/index.js';
import { PROFANITY_WEIGHT, type LexiconEntry } from './lexicons/entry.js';
import { loadBuiltinLexicon } from './lexicons/load.js';
import { allowEntry } from './lexicons/parse.js';
import { createMatcher, type Matcher } from './matcher/index.js';
import { Arena, normalize } from './normalize/index.js';
import { compose } from './verdict/compose.js';

/** Everything `evaluate` needs that depends on the lexicons; replaced as one object. */
interface Compiled {
  readonly matcher: Matcher;
  readonly version: string;
}

/**
 * Builds an engine. Compiles the lexicons once (well under 200 ms); `setCustom` compiles the
 * new set aside and then swaps one reference, so a concurrent `evaluate` sees either the old
 * lexicons or the new ones, never a mix.
 */
export function createFilterEngine(options: FilterOptions = {}): FilterEngine {
  const siteDomains = Object.freeze([...(options.siteDomains ?? [])].map((d) => d.trim().toLowerCase()));
  let compiled = compile(options.custom);
  // Scratch memory for normalisation, reused by every evaluate (synchronous, so never shared).
  const arena = new Arena(64 * 1024);
  return {
    evaluate: (content) => evaluateSafely(compiled, siteDomains, arena, content),
    get lexiconVersion() {
      return compiled.version;
    },
    setCustom(custom) {
      compiled = compile(custom);
    },
  };
}

function compile(custom: CustomLexicon | undefined): Compiled {
  const builtin = loadBuiltinLexicon();
  const entries = [...builtin.entries, ...customEntries(custom)];
  const version = createHash('sha256')
    .update(builtin.sources.join('\u0000'))
    .update(JSON.stringify({ terms: custom?.terms ?? [], allow: custom?.allow ?? [] }))
    .digest('hex')
    .slice(0, 12);
  return { matcher: createMatcher(entries), version };
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
    const findings: Finding[] = [];
    for (let d = 0; d < DETECTORS.length; d++) {
      const found = DETECTORS[d]!(text, ctx);
      for (let i = 0; i < found.length; i++) findings.push(found[i]!);
    }
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
