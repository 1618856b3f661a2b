/**
 * Idempotency-Key support for submissions: the answer kept for a key (the middleware keeps
 * only a 202) stays in Redis for 24 hours and is given again, unchanged, to every later
 * request with that key and the same body. Each entry carries a fingerprint of the body it
 * answers; a request with the key and another body is told so (`mismatch`, 422) rather than
 * handed an answer to a different request.
 *
 * Two requests with the same key may arrive at once (a double click, a retry racing the
 * original). The first one `SET NX`es a short-lived "processing" marker and does the work;
 * the others poll briefly (0.8 s) for its answer. The marker carries a random token so only its owner
 * can replace it with the answer or release it, and it expires on its own (15 s) if the owner
 * dies, so a key is never locked for a whole day.
 */
import { hash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { RedisKeys } from '../store/keys.js';
import { honeypotFilled, type CommentSubmission } from './submission.js';

/** An HTTP answer as it will be replayed. */
export interface StoredAnswer {
  status: number;
  body: unknown;
}

export type IdempotencyOutcome =
  /** This request owns the key: do the work, then complete() or release(). */
  | { kind: 'claimed'; token: string }
  /** An earlier request with this key already answered: give that answer again. */
  | { kind: 'replay'; answer: StoredAnswer }
  /** Another request with this key is still being handled after waiting. */
  | { kind: 'busy' }
  /** The key is held (in flight or answered) for a request with another body. */
  | { kind: 'mismatch' };

/** `fp`: the fingerprint of the body the key was first used with. */
type Entry = { state: 'processing'; token: string; fp: string } | { state: 'done'; answer: StoredAnswer; fp: string };

/**
 * What a submission asks to create, as a fingerprint for the Idempotency-Key: article, parent,
 * name, email, content (after the field rules: NFC, trim, invisible characters of names gone)
 * and whether the honeypot was filled. Not the captcha: a retry may come with a fresh one, and
 * a replay creates nothing, so it needs none.
 */
export function submissionFingerprint(input: CommentSubmission): string {
  const fields = [
    input.articleId,
    input.parentId ?? null,
    input.authorName,
    input.authorEmail ?? null,
    input.content,
    honeypotFilled(input.website),
  ];
  return hash('sha256', JSON.stringify(fields), 'base64url'); // one-shot: see duplicateHash
}

export interface IdempotencyOptions {
  answerTtlSeconds?: number;
  markerTtlSeconds?: number;
  /** How long a second request with the same key waits for the first one's answer. */
  waitMs?: number;
  pollMs?: number;
}

// Replace or delete the marker only while it is still ours (compare-and-set in one step).
const COMPLETE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3]) end return nil`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class IdempotencyStore {
  private readonly answerTtl: number;
  private readonly markerTtl: number;
  private readonly waitMs: number;
  private readonly pollMs: number;

  constructor(
    private readonly redis: Redis,
    private readonly keys: Pick<RedisKeys, 'idempotency'>,
    options: IdempotencyOptions = {},
  ) {
    this.answerTtl = options.answerTtlSeconds ?? 24 * 3600;
    this.markerTtl = options.markerTtlSeconds ?? 15;
    this.waitMs = options.waitMs ?? 800; // inside the 1 s step budget of deadline.ts
    this.pollMs = options.pollMs ?? 50;
  }

  /**
   * Claims the key for a body with this fingerprint, or returns the answer already given to
   * it, waiting briefly for one in flight; `mismatch` at once when the key belongs to another
   * body. One round trip when the key is new (SET NX), as before fingerprints.
   */
  async begin(idempotencyKey: string, fingerprint: string): Promise<IdempotencyOutcome> {
    const key = this.keys.idempotency(idempotencyKey);
    const deadline = Date.now() + this.waitMs;
    for (;;) {
      const token = randomBytes(12).toString('hex');
      const claimed = await this.redis.set(key, marker(token, fingerprint), 'EX', this.markerTtl, 'NX');
      if (claimed === 'OK') return { kind: 'claimed', token };
      const raw = await this.redis.get(key);
      const entry = parse(raw);
      if (entry && entry.fp !== fingerprint) return { kind: 'mismatch' };
      if (entry?.state === 'done') return { kind: 'replay', answer: entry.answer };
      if (Date.now() >= deadline) return { kind: 'busy' };
      // Gone between SET and GET: the owner released it (a 429 or 503) or it expired; claim again now.
      if (raw !== null) await sleep(this.pollMs);
    }
  }

  /** Stores the answer for 24 h in place of this request's marker. */
  async complete(idempotencyKey: string, token: string, fingerprint: string, answer: StoredAnswer): Promise<void> {
    const entry: Entry = { state: 'done', answer, fp: fingerprint };
    await this.redis.eval(
      COMPLETE,
      1,
      this.keys.idempotency(idempotencyKey),
      marker(token, fingerprint),
      JSON.stringify(entry),
      this.answerTtl,
    );
  }

  /** Frees the key without an answer (a refusal or a failure): a retry with it starts afresh. */
  async release(idempotencyKey: string, token: string, fingerprint: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.keys.idempotency(idempotencyKey), marker(token, fingerprint));
  }
}

function marker(token: string, fingerprint: string): string {
  const entry: Entry = { state: 'processing', token, fp: fingerprint };
  return JSON.stringify(entry);
}

function parse(raw: string | null): Entry | null {
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as Entry;
  } catch {
    return null;
  }
}
