import { describe } from 'vitest';
import { moneyOffers } from '../../../src/filters/detectors/offers.js';
import { expectAll, expectEach } from '../cases.js';
import { detect } from '../helpers.js';

const offers = (s: string) => detect(moneyOffers, s).map((f) => f.match);

describe('moneyOffers', () => {
  expectEach('finds the offers in %s', offers, [
    ['nạp 100k tặng 100k', ['nạp 100k', 'tặng 100k']],
    ['nap 50k nhan 150k', ['nap 50k', 'nhan 150k']],
    ['lương 500k/ngày', ['lương 500k']],
    ['Earn $300 a day', ['Earn $300']],
    ['thưởng 5 triệu', ['thưởng 5 triệu']],
    ['thu nhập 300-500k/ngày', ['500k/ngày']],
    ['làm ca tối 2tr/tháng', ['2tr/tháng']],
    ['đầu tư lãi 30%', ['lãi 30%']],
  ]);

  expectAll('ignores %s', offers, [], ['tăng 5%', 'nhà 100 m2', 'nạp hồ sơ 3 lần', 'năm 2022', 'tương lai 5 năm']);
});
