import { describe, expect, it } from 'vitest';
import { Flag, normalize } from '../../../../src/filters/normalize/index.js';
import { expectEach } from '../../cases.js';
import { accentedText } from '../../helpers.js';

describe('joinSeparated (through normalize)', () => {
  expectEach('joins %s', accentedText, [
    ['l.o.n', 'lon'],
    ['đ m bọn', 'đm bọn'],
    ['c l g t, xã', 'clgt, xã'],
    ['c.ặ.c', 'cặc'],
    ['d i t me', 'dit me'],
    ['n h à c á i', 'nhàcái'],
    ['Đ.é.o ai', 'đéo ai'],
    ['l ồ n', 'lồn'],
  ]);

  expectEach(
    'leaves %s as it is',
    accentedText,
    ['check-in', 'e xin', 'ko bik bao h', 'a, b, c'].map((s) => [s, s]),
  );

  it('joins abbreviations into innocent letters ("q.l 9", "đ/c")', () => {
    expect(accentedText('q.l 9')).toBe('ql 9');
    expect(accentedText('đ/c trưởng')).toBe('đc trưởng');
  });

  it('flags joined letters and keeps their own offsets', () => {
    const input = 'l.o.n';
    const t = normalize(input);
    expect(t.accented.flags[0]! & Flag.Joined).toBeTruthy();
    expect([t.accented.start[2], t.accented.end[2]]).toEqual([4, 5]);
  });
});

describe('joinSeparated with leet digits', () => {
  it('reads a lone leet digit inside a run of single letters', () => {
    expect(accentedText('l.0.n')).toBe('lon');
    expect(accentedText('đ . 1 . t')).toBe('đit');
  });

  it('leaves numbers and runs ending on a number alone', () => {
    expect(accentedText('1 . 2 . 3')).toBe('1 . 2 . 3');
    expect(accentedText('0 9 1 2')).toBe('0 9 1 2');
    expect(accentedText('q.l 9')).toBe('ql 9');
  });
});
