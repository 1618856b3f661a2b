import { describe, expect, it } from 'vitest';
import { normalize, viewText } from '../../../../src/filters/normalize/index.js';

describe('lowerCase (through normalize)', () => {
  it('lower-cases Vietnamese capitals, đ included', () => {
    expect(viewText(normalize('ĐỊT MẸ Ơi').plain)).toBe('địt mẹ ơi');
  });

  it('keeps the original case in the cased view', () => {
    expect(viewText(normalize('ĐỊT').cased)).toBe('ĐỊT');
  });

  it('leaves a unit whose lower case is longer (İ) so offsets stay aligned', () => {
    const t = normalize('İa');
    expect(t.plain.length).toBe(2);
  });
});
