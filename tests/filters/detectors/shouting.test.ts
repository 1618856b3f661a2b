import { describe, expect, it } from 'vitest';
import { shouting } from '../../../src/filters/detectors/shouting.js';
import { detect } from '../helpers.js';

describe('shouting', () => {
  it('flags a comment written mostly in capitals, Vietnamese capitals included', () => {
    const f = detect(shouting, 'NHÀ CÁI UY TÍN SỐ MỘT, NẠP ĐẦU TẶNG NGAY');
    expect(f).toHaveLength(1);
    expect(f[0]!.weight).toBeLessThan(0.5);
  });

  it('ignores short capitals and ordinary case', () => {
    expect(detect(shouting, 'U23 VIỆT NAM!')).toEqual([]);
    expect(detect(shouting, 'Đội nhà đá rất hay, xứng đáng chiến thắng.')).toEqual([]);
  });
});
