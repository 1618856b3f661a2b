import { describe, expect, it } from 'vitest';
import { phoneNumbers } from '../../../src/filters/detectors/phone.js';
import { expectAll, expectFinding } from '../cases.js';
import { matchesWithWeights } from '../helpers.js';

const phones = (s: string) => matchesWithWeights(phoneNumbers, s);

describe('phoneNumbers', () => {
  expectFinding(phoneNumbers, 0.5, 'finds the mobile or landline in %s', [
    ['gọi 0912345678 nhé', '0912345678'],
    ['gọi 0912 345 678 nhé', '0912 345 678'],
    ['gọi 0912.345.678 nhé', '0912.345.678'],
    ['gọi 0912-345-678 nhé', '0912-345-678'],
    ['gọi +84 912 345 678 nhé', '+84 912 345 678'],
    ['gọi 84912345678 nhé', '84912345678'],
    ['gọi O9l2 345 678 nhé', 'O9l2 345 678'],
    ['gọi 0905\u200b123\u200b456', '0905\u200b123\u200b456'],
    ['máy bàn 0233 3852 123', '0233 3852 123'],
  ]);

  it('reports 1800/1900 business hotlines weakly', () => {
    expect(phones('tổng đài 1900 1234')).toEqual([['1900 1234', 0.2]]);
  });

  expectAll(
    'ignores %j',
    phones,
    [],
    [
      'gọi 115 ngay', // a public emergency number
      'đường dây nóng 1022', // an anti-smuggling hotline
      'kinh phí 4.500.000.000 đồng', // a money amount
      'năm 2022 lũ to', // a year
      'Km 15+500', // a road chainage
      'ngày 03.09.2024', // a date
      'mã abc0912345678', // digits inside a word
      '09123456789999', // too long
    ],
  );
});
