import type { Tier } from '../index.js';
import { ALLOW_RULE, PROFANITY_WEIGHT, type LexiconEntry } from './entry.js';

/**
 * Parsers for the three data-file formats (see the header of each file). Comment lines start
 * with "#"; blank lines are ignored. A malformed line throws with its line number: lexicon
 * files are ours, and a typo should fail at start, not silently drop a term.
 */

/** `<tier> <term> [@flags]` → profanity entries for `rule`. */
export function parseProfanity(text: string, rule: string, file: string): LexiconEntry[] {
  return dataLines(text, file).map(({ fields, flags, where }) => {
    const [tier, ...term] = fields;
    if (!isTier(tier) || term.length === 0) throw new Error(`${where}: expected "<tier> <term>"`);
    return entry(rule, tier, PROFANITY_WEIGHT[tier], term.join(' '), flags);
  });
}

/** `<category> <weight> <term> [@flags]` → spam entries, rule "spam.<category>", tier review. */
export function parseSpam(text: string, file: string): LexiconEntry[] {
  return dataLines(text, file).map(({ fields, flags, where }) => {
    const [category, weightText, ...term] = fields;
    const weight = Number(weightText);
    if (!category || !(weight > 0 && weight <= 1) || term.length === 0) {
      throw new Error(`${where}: expected "<category> <weight 0..1> <term>"`);
    }
    return entry(`spam.${category}`, 'review', weight, term.join(' '), flags);
  });
}

/** One allowed word or phrase a line. */
export function parseAllow(text: string, file: string): LexiconEntry[] {
  return dataLines(text, file).map(({ fields }) => allowEntry(fields.join(' ')));
}

export function allowEntry(phrase: string): LexiconEntry {
  return entry(ALLOW_RULE, 'review', 0, phrase, []);
}

function entry(rule: string, tier: Tier, weight: number, term: string, flags: string[]): LexiconEntry {
  const accentedOnly = flags.includes('@accented');
  return { rule, tier, weight, term, accentedOnly, disguised: accentedOnly && flags.includes('@disguised') };
}

function isTier(s: string | undefined): s is Tier {
  return s === 'block' || s === 'review';
}

interface DataLine {
  fields: string[];
  flags: string[];
  where: string;
}

function dataLines(text: string, file: string): DataLine[] {
  const out: DataLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const words = line.split(/\s+/);
    const flags = words.filter((w) => w.startsWith('@') && w.length > 1 && /^@[a-z]+$/.test(w));
    const fields = words.filter((w) => !flags.includes(w));
    out.push({ fields, flags, where: `${file}:${i + 1}` });
  });
  return out;
}
