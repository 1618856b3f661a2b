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

/** A view's text, and the input slice behind each unit, for asserting offset maps. */
export function describeView(view: View, input: string) {
  const sources: string[] = [];
  for (let i = 0; i < view.length; i++) sources.push(input.slice(view.start[i], view.end[i]));
  return { text: viewText(view), sources };
}
