import { describe, expect, it } from 'vitest';
import { phoneNumbers } from '../../../src/filters/detectors/phone.js';
import { detect } from '../helpers.js';

const phones = (s: string) => detect(phoneNumbers, s).map((f) => [f.match, f.weight]);

describe('phoneNumbers', () => {
  it.each([
    ['gọi 0912345678 nhé', '0912345678'],
    ['gọi 0912 345 678 nhé', '0912 345 678'],
    ['gọi 0912.345.678 nhé', '0912.345.678'],
    ['gọi 0912-345-678 nhé', '0912-345-678'],
    ['gọi +84 912 345 678 nhé', '+84 912 345 678'],
    ['gọi 84912345678 nhé', '84912345678'],
    ['gọi O9l2 345 678 nhé', 'O9l2 345 678'],
    ['gọi 0905\u200b123\u200b456', '0905\u200b123\u200b456'],
    ['máy bàn 0233 3852 123', '0233 3852 123'],
  ])('finds the mobile or landline in %s', (text, match) => {
    expect(phones(text)).toEqual([[match, 0.5]]);
  });

  it('reports 1800/1900 business hotlines weakly', () => {
    expect(phones('tổng đài 1900 1234')).toEqual([['1900 1234', 0.2]]);
  });

  it.each([
    ['public emergency number', 'gọi 115 ngay'],
    ['anti-smuggling hotline', 'đường dây nóng 1022'],
    ['money amount', 'kinh phí 4.500.000.000 đồng'],
    ['year', 'năm 2022 lũ to'],
    ['road chainage', 'Km 15+500'],
    ['date', 'ngày 03.09.2024'],
    ['digits inside a word', 'mã abc0912345678'],
    ['too long', '09123456789999'],
  ])('ignores a %s', (_kind, text) => {
    expect(phones(text)).toEqual([]);
  });
});
