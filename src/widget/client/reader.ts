/**
 * The reader as the API knows them without an account: an opaque random id (API.md: 16–64
 * characters of [A-Za-z0-9_-]) kept in localStorage, the comments they liked, and the name
 * and email of their last successful post. Nothing here is a cookie or leaves the browser
 * except the id, with a like or a report.
 */
import { newIdempotencyKey } from './api.js';
import { readStored, readStoredJson, writeStored } from './storage.js';

const ID_KEY = 'bl-reader';
const LIKED_KEY = 'bl-liked';
const AUTHOR_KEY = 'bl-author';
const READER_ID = /^[A-Za-z0-9_-]{16,64}$/;
/** Enough to remember a reader's likes for a long time without growing without end. */
const LIKED_MAX = 500;

export interface Author {
  name: string;
  email: string;
}

export interface Reader {
  id: string;
  liked(commentId: string): boolean;
  setLiked(commentId: string, liked: boolean): void;
  author(): Author;
  rememberAuthor(author: Author): void;
}

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');
const isAuthor = (value: unknown): value is Author =>
  typeof value === 'object' && value !== null && typeof (value as Author).name === 'string' && typeof (value as Author).email === 'string';

function readerId(): string {
  const stored = readStored(ID_KEY);
  if (stored && READER_ID.test(stored)) return stored;
  // A UUID (36 characters of hex and -) or 32 hex digits: both within the contract's alphabet.
  const id = newIdempotencyKey();
  writeStored(ID_KEY, id);
  return id;
}

export function createReader(): Reader {
  const id = readerId();
  return {
    id,
    liked: (commentId) => readStoredJson(LIKED_KEY, [], isStringArray).indexOf(commentId) >= 0,
    setLiked(commentId, liked) {
      const ids = readStoredJson(LIKED_KEY, [], isStringArray).filter((other) => other !== commentId);
      if (liked) ids.push(commentId);
      writeStored(LIKED_KEY, JSON.stringify(ids.slice(-LIKED_MAX)));
    },
    author: () => readStoredJson(AUTHOR_KEY, { name: '', email: '' }, isAuthor),
    rememberAuthor: (author) => writeStored(AUTHOR_KEY, JSON.stringify(author)),
  };
}
