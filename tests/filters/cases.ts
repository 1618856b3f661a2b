/**
 * Table-driven filter tests: one `it` per row, titled like `it.each` (`%s`, `%j` take the
 * row's values in order), so a failing case names itself and the rest still run.
 */
import { expect, it } from 'vitest';
import type { Detector } from '../../src/filters/detectors/index.js';
import { matchesWithWeights } from './helpers.js';

/** For each [input, expected] row: `actual(input)` equals `expected` (deep equality). */
export function expectEach<I, O>(title: string, actual: (input: I) => O, rows: ReadonlyArray<readonly [I, O]>): void {
  it.each(rows.map(([input, expected]): [I, O] => [input, expected]))(title, (input, expected) => {
    expect(actual(input)).toEqual(expected);
  });
}

/** For each input: `actual(input)` equals the one `expected` (e.g. `[]`, or the action "pass"). */
export function expectAll<I, O>(title: string, actual: (input: I) => O, expected: O, inputs: readonly I[]): void {
  it.each(inputs.map((input): [I] => [input]))(title, (input) => {
    expect(actual(input)).toEqual(expected);
  });
}

/** For each [input, item] row: `actual(input)` contains `item`. */
export function expectEachContains<I, O>(title: string, actual: (input: I) => readonly O[], rows: ReadonlyArray<readonly [I, O]>): void {
  it.each(rows.map(([input, item]): [I, O] => [input, item]))(title, (input, item) => {
    expect(actual(input)).toContain(item);
  });
}

/** For each input: `actual(input)` finds something (a list that is not empty). */
export function expectSome<I>(title: string, actual: (input: I) => readonly unknown[], inputs: readonly I[]): void {
  it.each(inputs.map((input): [I] => [input]))(title, (input) => {
    expect(actual(input)).not.toEqual([]);
  });
}

/** For each [text, match] row: `detector` finds exactly `match` in `text`, weighing `weight`. */
export function expectFinding(
  detector: Detector,
  weight: number,
  title: string,
  rows: ReadonlyArray<readonly [text: string, match: string]>,
): void {
  expectEach(
    title,
    (text: string) => matchesWithWeights(detector, text),
    rows.map(([text, match]) => [text, [[match, weight]]] as const),
  );
}

/** For each text: `detector` finds the whole text as one match, weighing `weight`. */
export function expectWholeFinding(detector: Detector, weight: number, title: string, texts: readonly string[]): void {
  expectFinding(
    detector,
    weight,
    title,
    texts.map((text) => [text, text] as const),
  );
}
