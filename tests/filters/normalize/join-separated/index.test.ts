import { describe, expect, it } from 'vitest';
import { Flag, normalize, viewText } from '../../../../src/filters/normalize/index.js';

const accented = (s: string) => viewText(normalize(s).accented);

describe('joinSeparated (through normalize)', () => {
  it.each([
    ['l.o.n', 'lon'],
    ['đ m bọn', 'đm bọn'],
    ['c l g t, xã', 'clgt, xã'],
    ['c.ặ.c', 'cặc'],
    ['d i t me', 'dit me'],
    ['n h à c á i', 'nhàcái'],
    ['Đ.é.o ai', 'đéo ai'],
    ['l ồ n', 'lồn'],
  ])('joins %s', (input, expected) => {
    expect(accented(input)).toBe(expected);
  });

  it.each([['check-in'], ['e xin'], ['ko bik bao h'], ['a, b, c']])('leaves %s as it is', (input) => {
    expect(accented(input)).toBe(input);
  });

  it('joins abbreviations into innocent letters ("q.l 9", "đ/c")', () => {
    expect(accented('q.l 9')).toBe('ql 9');
    expect(accented('đ/c trưởng')).toBe('đc trưởng');
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
    expect(viewText(normalize('l.0.n').accented)).toBe('lon');
    expect(viewText(normalize('đ . 1 . t').accented)).toBe('đit');
  });

  it('leaves numbers and runs ending on a number alone', () => {
    expect(viewText(normalize('1 . 2 . 3').accented)).toBe('1 . 2 . 3');
    expect(viewText(normalize('0 9 1 2').accented)).toBe('0 9 1 2');
    expect(viewText(normalize('q.l 9').accented)).toBe('ql 9');
  });
});
