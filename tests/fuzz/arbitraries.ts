/** fast-check generators for hostile request bodies and strings. */
import fc from 'fast-check';

const SQL = ["' OR '1'='1", "'; DROP TABLE comments; --", '" OR ""="', '1; SELECT pg_sleep(5)--', "\\'; --", '$$; DROP TABLE x; $$'];
const CONTROL = ['\u0000', '\u0007', '\b', '\u001b[31m', '\r\n', '\u2028', '\u202e', '\ufeff', '\ud800', '\udfff', '\u200b'];

/** Strings a reader should never send: control characters, lone surrogates, huge, SQL, markup. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.array(fc.constantFrom(...CONTROL), { maxLength: 20 }).map((parts) => parts.join('')),
  fc.constantFrom(...SQL, '<script>alert(1)</script>', '../../etc/passwd', '%00', 'null', '__proto__', 'constructor'),
  fc.tuple(fc.constantFrom('a', 'ế', '😀', '\u0000'), fc.constantFrom(201, 5_001, 40_000)).map(([c, n]) => c.repeat(n)),
);

/** Any value of any type where a string is expected. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 5 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
);

const commentFields = [
  'articleId',
  'parentId',
  'authorName',
  'authorEmail',
  'content',
  'captchaId',
  'captchaAnswer',
  'website',
  'ids',
  'action',
  'reason',
  'force',
  'email',
  'password',
  'term',
  'tier',
  'role',
  'ip',
  'note',
  'expiresAt',
];

/** Objects shaped like our bodies, with hostile values, and prototype-pollution keys. */
const shapedObject = fc.dictionary(fc.oneof(fc.constantFrom(...commentFields, '__proto__', 'constructor'), hostileString), hostileValue, {
  maxKeys: 10,
});

const deepNesting = fc
  .tuple(fc.integer({ min: 50, max: 20_000 }), fc.boolean())
  .map(([depth, arrays]) => (arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)));

/** Request bodies: text or raw bytes (invalid UTF-8 included). */
export const jsonBody: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  { weight: 4, arbitrary: shapedObject.map((o) => JSON.stringify(o)) },
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.uint8Array({ maxLength: 2_000 }),
  fc.constantFrom(
    new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
    new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]),
  ),
  deepNesting,
  fc.string({ maxLength: 100 }).map((s) => `{"content": "${s}`), // truncated
  fc.constantFrom('', ' ', 'null', '[]', '"x"', '1e309', '{"a":1,"a":2}', 'x'.repeat(40_000)),
);
