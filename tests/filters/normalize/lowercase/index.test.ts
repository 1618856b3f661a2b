import { describe, expect, it } from 'vitest';
import { normalize } from '../../../../src/filters/normalize/index.js';
import { viewOf } from '../../helpers.js';

describe('lowerCase (through normalize)', () => {
  it('lower-cases Vietnamese capitals, đ included', () => {
    expect(viewOf('plain', 'ĐỊT MẸ Ơi')).toBe('địt mẹ ơi');
  });

  it('keeps the original case in the cased view', () => {
    expect(viewOf('cased', 'ĐỊT')).toBe('ĐỊT');
  });

  it('leaves a unit whose lower case is longer (İ) so offsets stay aligned', () => {
    const t = normalize('İa');
    expect(t.plain.length).toBe(2);
  });
});
