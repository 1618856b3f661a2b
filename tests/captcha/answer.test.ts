import { describe, expect, it } from 'vitest';
import { ANSWER_ALPHABET, ANSWER_LENGTH, answersMatch, canonicalAnswer, randomAnswer } from '../../src/captcha/answer.js';
import { isCaptchaId, newCaptchaId } from '../../src/captcha/ids.js';

describe('captcha answers', () => {
  it('never use characters a reader can confuse', () => {
    for (const ambiguous of ['0', 'O', 'o', '1', 'l', 'I', 'i']) expect(ANSWER_ALPHABET).not.toContain(ambiguous);
  });

  it('draw every character of the alphabet and nothing else', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      const answer = randomAnswer();
      expect(answer).toHaveLength(ANSWER_LENGTH);
      for (const ch of answer) seen.add(ch);
    }
    expect([...seen].sort().join('')).toBe([...ANSWER_ALPHABET].sort().join(''));
  });

  it('compare case-insensitively, ignoring surrounding spaces', () => {
    expect(answersMatch('ab3kd', 'AB3KD')).toBe(true);
    expect(answersMatch('AB3KD', ' ab3kd\n')).toBe(true);
    expect(canonicalAnswer(' AbC ')).toBe('abc');
  });

  it('refuse a different, shorter, longer or empty answer', () => {
    expect(answersMatch('ab3kd', 'ab3ke')).toBe(false);
    expect(answersMatch('ab3kd', 'ab3k')).toBe(false);
    expect(answersMatch('ab3kd', 'ab3kdd')).toBe(false);
    expect(answersMatch('ab3kd', '')).toBe(false);
    expect(answersMatch('ab3kd', 'ab 3kd')).toBe(false);
  });
});

describe('captcha ids', () => {
  it('are 24 base64url characters, all different', () => {
    const ids = new Set(Array.from({ length: 1_000 }, () => newCaptchaId()));
    expect(ids.size).toBe(1_000);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(isCaptchaId(id)).toBe(true);
    }
  });

  it('reject anything we could not have issued', () => {
    for (const bad of ['', 'short', 'A'.repeat(23), 'A'.repeat(25), `${'A'.repeat(23)}=`, `${'A'.repeat(23)}/`, '../../etc/passwd']) {
      expect(isCaptchaId(bad)).toBe(false);
    }
  });
});
