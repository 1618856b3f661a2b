import { describe, expect, it } from 'vitest';
import { parseLine } from '../../../src/filters/cli/parse-line.js';

describe('parseLine', () => {
  it('reads plain text with the line number as id', () => {
    expect(parseLine('Cảm ơn báo', 7)).toEqual({ id: '7', text: 'Cảm ơn báo' });
    expect(parseLine('Cảm ơn báo\r', 7)).toEqual({ id: '7', text: 'Cảm ơn báo' });
  });

  it('reads JSON objects, numeric or missing ids included', () => {
    expect(parseLine('{"id":"c1","text":"đm"}', 1)).toEqual({ id: 'c1', text: 'đm' });
    expect(parseLine('{"id":12,"text":"đm"}', 1)).toEqual({ id: '12', text: 'đm' });
    expect(parseLine('  {"text":"đm"}', 3)).toEqual({ id: '3', text: 'đm' });
  });

  it.each([
    ['{"id": bad', 'invalid JSON'],
    ['{"id":"x"}', 'missing "text" string'],
    ['{"id":"x","text":5}', 'missing "text" string'],
    ['{"id":{},"text":"a"}', '"id" must be a string or a number'],
    ['   ', 'empty line'],
  ])('reports %s as an error', (line, error) => {
    expect(parseLine(line, 1)).toEqual({ error });
  });
});
