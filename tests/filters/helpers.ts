import type { Detector, Finding } from '../../src/filters/detectors/index.js';
import { loadBuiltinLexicon } from '../../src/filters/lexicons/load.js';
import { createMatcher } from '../../src/filters/matcher/index.js';
import { normalize, viewText, type View } from '../../src/filters/normalize/index.js';

/** The built-in matcher, compiled once for all tests of a file. */
export const builtinMatcher = createMatcher(loadBuiltinLexicon().entries);

/** Runs one detector on `content` the way the engine does; returns findings with their text. */
export function detect(detector: Detector, content: string, siteDomains: string[] = []) {
  const text = normalize(content);
  const findings = detector(text, { hits: builtinMatcher.find(text), siteDomains });
  return findings.map((f: Finding) => ({ ...f, match: content.slice(f.start, f.end) }));
}

/** A detector's findings in `content` as [match, weight] pairs. */
export function matchesWithWeights(detector: Detector, content: string, siteDomains: string[] = []): Array<[string, number]> {
  return detect(detector, content, siteDomains).map((f) => [f.match, f.weight]);
}

/** The text of one view of `content` after normalisation, e.g. `viewOf('plain', 'ĐỊT')` is "địt". */
export function viewOf(view: 'cased' | 'plain' | 'accented' | 'stripped', content: string): string {
  return viewText(normalize(content)[view]);
}

/** The view the exact terms are matched on: leet read, letters joined, repeats shortened. */
export const accentedText = (content: string) => viewOf('accented', content);

/** A view's text, and the input slice behind each unit, for asserting offset maps. */
export function describeView(view: View, input: string) {
  const sources: string[] = [];
  for (let i = 0; i < view.length; i++) sources.push(input.slice(view.start[i], view.end[i]));
  return { text: viewText(view), sources };
}
