/**
 * Text that is empty or deceptive (API.md, POST /v1/comments): content or a name made only of
 * invisible characters is 400 validation_failed naming the field; bidi controls are removed
 * from names and from content; invalid UTF-8 in a body is 400 invalid_json. Against a real
 * service (Redis, PostgreSQL, the worker storing what was accepted).
 */
import { describe, expect, it } from 'vitest';
import { validComment } from '../support/comments.js';
import { useTestService } from '../support/hooks.js';
import { waitFor } from '../support/wait.js';

/** Every invisible character the contract names, and a few of their relatives. */
const INVISIBLE = {
  'zero-width space U+200B': '\u200b',
  'braille blank U+2800': '\u2800',
  'hangul filler U+3164': '\u3164',
  'byte order mark U+FEFF': '\ufeff',
  'soft hyphen U+00AD': '\u00ad',
  'halfwidth hangul filler U+FFA0': '\uffa0',
  'word joiner U+2060': '\u2060',
  'zero-width joiner U+200D': '\u200d',
  'right-to-left override U+202E': '\u202e',
  'a mix with spaces and line breaks': ' \u200b\u2800 \n\u3164\ufeff\u00ad\u200e\u2066 ',
};

/** Bidi controls: embeddings and overrides, isolates, marks. */
const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f'];

describe('comment text that is empty or deceptive', () => {
  const app = useTestService({ engine: 'postgres' });

  const accepted = async (overrides: Record<string, unknown>) => {
    const res = await app.svc.post('/v1/comments', await validComment(app.svc, overrides));
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    return waitFor(() => app.svc.services.comments.findById(id));
  };

  /** Each required text field filled with only one kind of invisible character (a few of them). */
  const invisibleOnly = (
    [
      ['content', 3],
      ['authorName', 2],
    ] as const
  ).flatMap(([field, times]) => Object.entries(INVISIBLE).map(([kind, text]) => ({ field, kind, value: text.repeat(times) })));

  it.each(invisibleOnly)('$field of only $kind is 400 validation_failed {$field: required}', async ({ field, value }) => {
    const res = await app.svc.post('/v1/comments', await validComment(app.svc, { [field]: value }));
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details.fields).toEqual({ [field]: 'required' });
  });

  it('invisible and bidi-control characters are removed from names (no look-alike of another reader)', async () => {
    const stored = await accepted({ authorName: `\u202eNguyễn\u200b Vă\u00adn\u2066 An\u2800\u200f` });
    expect(stored.authorName).toBe('Nguyễn Văn An');
  });

  it('a name counts its length after the invisible characters are gone', async () => {
    const stored = await accepted({ authorName: `${'ă'.repeat(80)}${'\u200b'.repeat(10)}` });
    expect(stored.authorName).toBe('ă'.repeat(80));
  });

  it('bidi controls are removed from content, so they cannot reorder the page around it', async () => {
    for (const control of BIDI) {
      const stored = await accepted({ content: `Xem tệp ${control}gnp.exe nhé ${Date.now()} ${control}` });
      expect(stored.content).not.toMatch(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
      expect(stored.content).toMatch(/^Xem tệp gnp\.exe nhé \d+$/);
    }
  });

  it('content keeps the invisible characters that belong to its visible text (emoji joiners, selectors)', async () => {
    const content = `Cả nhà 👨‍👩‍👧 đều thích ❤️ ${Date.now()}`;
    const stored = await accepted({ content });
    expect(stored.content).toBe(content);
  });

  describe('invalid UTF-8 in a body is 400 invalid_json', () => {
    const post = (bytes: Uint8Array<ArrayBuffer>) =>
      app.svc.fetch('/v1/comments', { method: 'POST', headers: { 'content-type': 'application/json' }, body: bytes });
    const encode = (text: string) => new TextEncoder().encode(text);
    const withBytes = async (bytes: number[]) => {
      const body = await validComment(app.svc, { content: 'BYTES' });
      const [before, after] = JSON.stringify(body).split('BYTES');
      return new Uint8Array([...encode(before!), ...encode('Hay '), ...bytes, ...encode(after!)]);
    };

    it.each([
      ['a lone continuation byte', [0x80]],
      ['a byte that never appears in UTF-8', [0xff]],
      ['a truncated sequence', [0xe1, 0xba]],
      ['an overlong encoding of "/"', [0xc0, 0xaf]],
      ['an encoded surrogate (CESU-8)', [0xed, 0xa0, 0x80]],
      ['Latin-1 "ữ" typed by an old client', [0xfb]],
    ])('%s', async (_name, bytes) => {
      const res = await post(await withBytes(bytes));
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('invalid_json');
    });

    it('valid UTF-8, with or without a byte order mark, is read as before', async () => {
      const body = await validComment(app.svc, { content: `Đúng UTF-8: tiếng Việt ổn ${Date.now()}` });
      expect((await post(encode(JSON.stringify(body)))).status).toBe(202);
      const withBom = await validComment(app.svc);
      expect((await post(new Uint8Array([0xef, 0xbb, 0xbf, ...encode(JSON.stringify(withBom))]))).status).toBe(202);
    });
  });
});
