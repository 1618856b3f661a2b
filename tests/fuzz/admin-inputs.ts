/**
 * What the admin fuzzer (./admin.test.ts) sends: hostile values shaped like our fields, forged
 * cursors and dates, queries, JSON and form bodies, wrong media types.
 */
import fc from 'fast-check';
import { hostileString, hostileValue, jsonBody } from './arbitraries.js';

const ADMIN_FIELDS = [
  'reason',
  'force',
  'ids',
  'action',
  'kind',
  'lang',
  'term',
  'tier',
  'email',
  'ip',
  'durationDays',
  'displayName',
  'role',
  'password',
  'currentPassword',
  'content',
  'next',
  'closed',
  'notice',
  'title',
  'data',
  'delay',
  'priority',
  'name',
  'options',
  'concurrency',
  'max',
  'duration',
];
/** Query parameters the admin routes and pages read. */
const QUERY_KEYS = [
  'status',
  'articleId',
  'q',
  'limit',
  'cursor',
  'before',
  'kind',
  'email',
  'ip',
  'tab',
  'article',
  'rule',
  'lang',
  'next',
  'expired',
  'out',
  'page',
  'jobsPerPage',
  'status[]',
  'id',
];

/** Texts that reach the database or a header: lone surrogates, NUL, CR/LF, bidi controls. */
export const nastyText = fc.oneof(
  { weight: 2, arbitrary: hostileString },
  fc.constantFrom(
    '\ud800',
    'a\udfffb',
    '\udc00\ud800',
    '\u0000',
    'x\r\nSet-Cookie: a=b',
    '\u202e',
    '/admin/\r\n',
    '%',
    '%E0%A4%A',
    '%0d%0a',
    '\\ud800',
  ),
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.string({ maxLength: 10 }), fc.constantFrom('\ud800', '\udfff', '\u0000', '\r\n', '%'), fc.string({ maxLength: 10 }))
      .map((parts) => parts.join('')),
  },
);

/** Numbers as text, in and out of every range a column or a JavaScript number holds. */
export const numberText = fc.oneof(
  fc.integer().map(String),
  fc.constantFrom(
    '0',
    '-1',
    '1e20',
    '1e309',
    '-1e309',
    'NaN',
    'Infinity',
    '9007199254740993',
    '9223372036854775808',
    '99999999999999999999',
    '1.5',
    '0x10',
    ' 7',
    '7 ',
    '',
    '00000000001',
  ),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
);

/** Times shaped like ISO 8601 with impossible parts (31 February, year 0, hour 24, 5-digit years). */
export const timeText = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      fc.integer({ min: 0, max: 25 }),
      fc.integer({ min: 0, max: 61 }),
    )
    .map(
      ([y, mo, d, h, mi]) =>
        `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:00.000Z`,
    ),
  fc.constantFrom(
    '+275760-09-13T00:00:00.000Z',
    '-000001-01-01T00:00:00.000Z',
    '2026-02-29T00:00:00.000Z',
    '2024-02-29T00:00:00.000Z',
    '2026-02-31T00:00:00.000Z',
    '0000-01-01T00:00:00.000Z',
  ),
);

/** Cursors as the API and the pages encode them, with forged contents. */
export const forgedCursor = fc
  .tuple(
    fc.oneof({ weight: 3, arbitrary: timeText }, nastyText, fc.integer()),
    fc.oneof({ weight: 3, arbitrary: fc.constant('x') }, nastyText, fc.integer(), fc.constant(null)),
    fc.boolean(),
  )
  .map(([time, id, asObject]) => Buffer.from(JSON.stringify(asObject ? { createdAt: time, id } : [time, id])).toString('base64url'));

/** Any value where a field expects one type: hostile text, odd numbers, wrong types. */
const anyValue = fc.oneof(
  { weight: 3, arbitrary: nastyText },
  numberText,
  numberText.map(Number),
  timeText,
  hostileValue,
  fc.array(nastyText, { maxLength: 5 }),
);

/** `valid` with some fields replaced by hostile values, some dropped, an unknown one added. */
export function mutated(valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<string> {
  return fc
    .tuple(valid, fc.array(fc.tuple(fc.nat(), anyValue), { minLength: 1, maxLength: 3 }), fc.boolean())
    .map(([body, changes, drop]) => {
      const out: Record<string, unknown> = { ...body };
      const keys = Object.keys(out);
      for (const [i, value] of changes) {
        const key = keys[i % keys.length];
        if (drop && i % 5 === 0) delete out[key];
        else out[key] = value;
      }
      return JSON.stringify(out);
    });
}

export const queueNames = fc.constantFrom('moderation', 'publish', 'maintenance');
export const queueStatus = fc.constantFrom(
  'latest',
  'active',
  'waiting',
  'completed',
  'failed',
  'delayed',
  'paused',
  'prioritized',
  'waiting-children',
);

/** A request shaped for the route: its own body fields, queries and ids, some of them hostile. */
export interface Shape {
  params: fc.Arbitrary<string>;
  query: fc.Arbitrary<Record<string, string>>;
  json: fc.Arbitrary<string | Uint8Array>;
}

export function queryOf(fields: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<Record<string, string>> {
  const entries = Object.entries(fields).map(
    ([key, value]) => [key, fc.oneof({ weight: 2, arbitrary: value }, nastyText, numberText)] as const,
  );
  return fc.record(Object.fromEntries(entries), { requiredKeys: [] }) as fc.Arbitrary<Record<string, string>>;
}

export const genericQuery = fc.dictionary(fc.constantFrom(...QUERY_KEYS), fc.oneof(nastyText, numberText, timeText, forgedCursor), {
  maxKeys: 4,
});
export const genericJson: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.dictionary(fc.constantFrom(...ADMIN_FIELDS), anyValue, { maxKeys: 6 }).map((o) => JSON.stringify(o)),
  },
  jsonBody,
);
/** Form bodies for the login page and plain HTML forms. */
export const formBody = fc
  .record(
    {
      email: fc.oneof(fc.constant('admin@example.vn'), nastyText),
      password: fc.oneof(fc.constant('sai-mat-khau'), nastyText),
      next: fc.oneof(
        fc.constantFrom('/admin/queue', '/admin/audit?kind=ban.', '/admin/../v1/counts', '//evil.example', '/admin/\\evil'),
        nastyText,
      ),
      _csrf: nastyText,
    },
    { requiredKeys: [] },
  )
  .map((o) => new URLSearchParams(o as Record<string, string>).toString());

export const otherType = fc.constantFrom(
  'application/json; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'text/plain',
  '',
  'application/json; charset=latin1',
);
