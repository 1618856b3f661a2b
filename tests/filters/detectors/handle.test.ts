import { describe, expect, it } from 'vitest';
import { handles } from '../../../src/filters/detectors/handle.js';
import { detect } from '../helpers.js';

describe('handles', () => {
  it('finds a messaging handle', () => {
    expect(detect(handles, 'join group Telegram @soikeo88vip nhé').map((f) => f.match)).toEqual(['@soikeo88vip']);
  });

  it('ignores e-mail addresses and a lone @', () => {
    expect(detect(handles, 'gửi về toasoan@baoquangtri.vn @ ok @ab')).toEqual([]);
  });
});
