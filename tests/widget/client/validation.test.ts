import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../src/widget/client/i18n/index.js';
import { reportedFields, serverFieldErrors, validateForm } from '../../../src/widget/client/validation.js';

const vi = MESSAGES.vi;
const valid = { authorName: 'Lê Thị Hoa', authorEmail: '', content: 'Cảm ơn bài viết.', captchaAnswer: 'ab12' };

describe('validateForm', () => {
  it('accepts a complete form, email being optional', () => {
    expect(validateForm(valid, vi)).toEqual({});
    expect(validateForm({ ...valid, authorEmail: 'hoa@example.vn' }, vi)).toEqual({});
  });

  it('names every missing field, with whitespace-only counting as missing', () => {
    expect(validateForm({ authorName: '  ', authorEmail: '', content: '\n\n', captchaAnswer: ' ' }, vi)).toEqual({
      authorName: vi.nameRequired,
      content: vi.contentRequired,
      captchaAnswer: vi.captchaRequired,
    });
  });

  it('counts characters as readers do: 5,000 emoji fit, 5,001 letters do not', () => {
    expect(validateForm({ ...valid, content: '😀'.repeat(5000) }, vi)).toEqual({});
    expect(validateForm({ ...valid, content: 'a'.repeat(5001) }, vi).content).toBe(vi.contentTooLong);
    expect(validateForm({ ...valid, authorName: 'Ă'.repeat(81) }, vi).authorName).toBe(vi.nameTooLong);
  });

  it('counts NFD-typed Vietnamese the way the server does (after NFC)', () => {
    const decomposed = 'ế'.normalize('NFD'); // 3 code points before NFC, 1 after
    expect(decomposed.length).toBe(3);
    expect(validateForm({ ...valid, authorName: decomposed.repeat(80) }, vi)).toEqual({});
  });

  it('flags only an obviously broken email', () => {
    expect(validateForm({ ...valid, authorEmail: 'hoa at example.vn' }, vi).authorEmail).toBe(vi.emailInvalid);
  });
});

describe('serverFieldErrors', () => {
  it('maps the API reasons onto the inputs, in the widget language', () => {
    const fields = { authorName: 'too_long', authorEmail: 'invalid', content: 'required', captchaAnswer: 'required' };
    expect(serverFieldErrors(fields, vi)).toEqual({
      errors: {
        authorName: vi.nameTooLong,
        authorEmail: vi.emailInvalid,
        content: vi.contentRequired,
        captchaAnswer: vi.captchaRequired,
      },
      unmatched: [],
    });
    expect(serverFieldErrors({ content: 'invalid_characters' }, MESSAGES.en).errors.content).toBe(MESSAGES.en.invalidCharacters);
  });

  it('reports fields the form has no input for, so the caller can say something general', () => {
    expect(serverFieldErrors({ articleId: 'invalid', captchaId: 'required' }, vi)).toEqual({
      errors: { captchaAnswer: vi.captchaRequired },
      unmatched: ['articleId'],
    });
  });

  it('tolerates a list of names and ignores junk', () => {
    expect(reportedFields(['content', 3])).toEqual([['content', 'invalid']]);
    expect(reportedFields(null)).toEqual([]);
    expect(reportedFields('content')).toEqual([]);
  });
});
