import { describe, expect, it } from 'vitest';
import { Arena } from '../../../../src/filters/normalize/arena.js';
import { removeInvisible } from '../../../../src/filters/normalize/invisible/index.js';
import { composeNfc } from '../../../../src/filters/normalize/nfc/index.js';
import { Flag } from '../../../../src/filters/normalize/view.js';
import { describeView } from '../../helpers.js';

const run = (input: string) => {
  const arena = new Arena();
  return removeInvisible(composeNfc(input, arena), arena);
};

describe('removeInvisible', () => {
  it.each([
    ['zero-width space', 'l\u200bồn'],
    ['zero-width non-joiner', 'l\u200cồn'],
    ['word joiner', 'l\u2060ồn'],
    ['soft hyphen', 'l\u00adồn'],
    ['bidi override', 'l\u202eồn'],
    ['byte order mark', 'l\ufeffồn'],
  ])('drops a %s', (_name, input) => {
    const view = run(input);
    expect(describeView(view, input).text).toBe('lồn');
    expect(view.flags[1]! & Flag.Invisible).toBeTruthy();
  });

  it('leaves visible text alone (same view back)', () => {
    const arena = new Arena();
    const view = composeNfc('Cảm ơn', arena);
    expect(removeInvisible(view, arena)).toBe(view);
  });
});
