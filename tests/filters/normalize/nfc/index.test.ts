import { describe, expect, it } from 'vitest';
import { Arena } from '../../../../src/filters/normalize/arena.js';
import { composeNfc } from '../../../../src/filters/normalize/nfc/index.js';
import { describeView } from '../../helpers.js';

describe('composeNfc', () => {
  it('keeps NFC input as it is, one unit for one unit', () => {
    const input = 'Các cháu';
    const view = describeView(composeNfc(input, new Arena()), input);
    expect(view.text).toBe('Các cháu');
    expect(view.sources).toEqual([...input]);
  });

  it('composes NFD and maps each letter to its whole cluster', () => {
    const input = 'Ca\u0301c lo\u0302\u0300n';
    const view = describeView(composeNfc(input, new Arena()), input);
    expect(view.text).toBe('Các lồn');
    expect(view.sources[1]).toBe('a\u0301');
    expect(view.sources[5]).toBe('o\u0302\u0300');
  });

  it('keeps a surrogate pair together and lone surrogates as they are', () => {
    const input = 'a😀\ud800e\u0301';
    const view = composeNfc(input, new Arena());
    expect(String.fromCharCode(...view.codes)).toBe(input.normalize('NFC'));
    expect(describeView(view, input).sources.slice(1, 4)).toEqual(['😀', '😀', '\ud800']);
  });
});

describe('composeNfc on characters NFC lengthens', () => {
  it('keeps every unit, each mapped to its source', () => {
    const input = 'x\u0958\u0344y\u0301';
    const view = composeNfc(input, new Arena());
    expect(String.fromCharCode(...view.codes)).toBe(input.normalize('NFC'));
    for (let i = 0; i < view.length; i++) expect(view.end[i]).toBeGreaterThan(view.start[i]!);
  });
});

describe('composeNfc fast path', () => {
  it('takes emoji and variation selectors as NFC without changing them', () => {
    const input = 'Hay quá ❤️👍🏻 😡';
    const view = composeNfc(input, new Arena());
    expect(String.fromCharCode(...view.codes)).toBe(input);
    expect(describeView(view, input).sources).toEqual(input.split(''));
  });

  it('does not take CJK tone marks as NFC: they are reordered', () => {
    const input = 'a\u302b\u302a';
    const view = composeNfc(input, new Arena());
    expect(String.fromCharCode(...view.codes)).toBe(input.normalize('NFC'));
  });
});
