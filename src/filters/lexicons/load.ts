import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HINT_RULE, type LexiconEntry } from './entry.js';
import { parseAllow, parseProfanity, parseSpam } from './parse.js';

/** The built-in lexicons, read once per process: they do not change while it runs. */
export interface BuiltinLexicon {
  readonly entries: readonly LexiconEntry[];
  /** The raw file texts, hashed into the lexicon version. */
  readonly sources: readonly string[];
}

const FILES = {
  vi: 'vi.txt',
  enGenerated: 'en.bad-words.txt',
  en: 'en.txt',
  spam: 'spam.txt',
  allow: 'allow.txt',
} as const;

let cached: BuiltinLexicon | undefined;

export function loadBuiltinLexicon(): BuiltinLexicon {
  cached ??= readBuiltin();
  return cached;
}

function readBuiltin(): BuiltinLexicon {
  const read = (name: string): string => readFileSync(locate(name), 'utf8');
  const vi = read(FILES.vi);
  const enGenerated = read(FILES.enGenerated);
  const en = read(FILES.en);
  const spam = read(FILES.spam);
  const allow = read(FILES.allow);
  const entries = [
    ...parseProfanity(vi, 'profanity.vi', FILES.vi),
    ...parseProfanity(enGenerated, 'profanity.en', FILES.enGenerated),
    ...parseProfanity(en, 'profanity.en', FILES.en),
    ...parseSpam(spam, FILES.spam),
    ...parseAllow(allow, FILES.allow),
    ...HINTS.map(hintEntry),
  ];
  return { entries, sources: [vi, enGenerated, en, spam, allow, HINTS.join(' ')] };
}

/**
 * Words a detector wants to know about before it scans, found by the same trie walk at no
 * extra cost per comment: "chấm" (also "cham", "CHẤM", "ｃｈấｍ") and "dot" as a dot spelled
 * out (detectors/spelled-link.ts). Reported by no detector: they are hints, not signals.
 */
const HINTS = ['chấm', 'dot'];

function hintEntry(term: string): LexiconEntry {
  return { rule: HINT_RULE, tier: 'review', weight: 0, term, accentedOnly: false, disguised: false };
}

/**
 * The data files sit next to this module in the source tree. A compiled build
 * (dist/src/filters/lexicons) may not copy them, so fall back to the source folder.
 */
function locate(name: string): string {
  const here = fileURLToPath(new URL(`./${name}`, import.meta.url));
  if (existsSync(here)) return here;
  const fromSource = fileURLToPath(new URL(`../../../../src/filters/lexicons/${name}`, import.meta.url));
  if (existsSync(fromSource)) return fromSource;
  throw new Error(`lexicon file ${name} not found next to ${fileURLToPath(import.meta.url)}`);
}
