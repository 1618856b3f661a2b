/**
 * Approved counts per article, read in three layers: process memory (≤ 1 s, absorbs bursts
 * from one page view fan-out), Redis (shared by every api copy, COUNT_CACHE_TTL_SECONDS) and
 * PostgreSQL (the record, article_counts) for misses, which then populate Redis.
 *
 * Redis values are `<count>|<version>`, where version increases with every change of the
 * article's count (src/store/counts.ts). Writes go through a compare-and-set script that
 * refuses an older version, so a slow reader that read PostgreSQL before a decision cannot
 * overwrite the fresher value written after it. If Redis is down right after a decision, the
 * refresh job waits in the outbox until Redis is back (outbox-sweeper.ts); meanwhile the TTL
 * bounds how long a stale count can live.
 */
import type { Redis } from 'ioredis';
import { type Logger, throttledWarning } from '../logger.js';
import type { ArticleCount, CountStore } from '../store/counts.js';
import type { RedisKeys } from '../store/keys.js';

export interface CountCacheDeps {
  redis: Redis;
  keys: Pick<RedisKeys, 'count'>;
  counts: CountStore;
  logger: Logger;
  ttlSeconds: number;
  /** Process-memory layer lifetime; 0 disables it. */
  memoryTtlMs?: number;
}

// KEYS[1] = count key; ARGV = count, version, ttl seconds. Returns 1 when written.
const COMPARE_AND_SET = `
local current = redis.call('GET', KEYS[1])
if current then
  local version = tonumber(string.match(current, '|(%d+)$'))
  if version and version > tonumber(ARGV[2]) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1] .. '|' .. ARGV[2], 'EX', tonumber(ARGV[3]))
return 1`;

const MEMORY_LIMIT = 10_000;

export class CountCache {
  private readonly memory = new Map<string, { count: number; expiresAt: number }>();
  private readonly memoryTtlMs: number;
  /** Goes up whenever this process writes a count: copies made of earlier reads are stale. */
  private writes = 0;

  // While Redis is down every request fails here: one line when it starts, then one per 30 s.
  private readonly warnWriteFailed: (fields: Record<string, unknown>) => void;
  private readonly warnUnreachable: (fields: Record<string, unknown>) => void;

  constructor(private readonly deps: CountCacheDeps) {
    this.memoryTtlMs = deps.memoryTtlMs ?? 1_000;
    this.warnWriteFailed = throttledWarning(deps.logger, 'count cache write failed');
    this.warnUnreachable = throttledWarning(deps.logger, 'count cache unreachable; reading PostgreSQL');
  }

  /** Approved count of each id (0 for unknown articles). Falls back to PostgreSQL when Redis is down. */
  async get(articleIds: readonly string[]): Promise<Map<string, number>> {
    return (await this.read(articleIds)).counts;
  }

  /**
   * The counts, and until when (epoch ms) they may be served again without asking: the
   * earliest expiry of the memory entries they came from, so a copy made of them (the
   * rendered /v1/counts answer) is never staler than the memory layer itself. A copy is also
   * stale as soon as `isCurrent(writes)` turns false (a decision in this process wrote a count).
   */
  async read(articleIds: readonly string[]): Promise<{ counts: Map<string, number>; freshUntil: number; writes: number }> {
    const writes = this.writes;
    const counts = new Map<string, number>();
    const now = Date.now();
    let freshUntil = now + this.memoryTtlMs;
    const fetched: string[] = [];
    for (const id of new Set(articleIds)) {
      const hit = this.memory.get(id);
      if (hit && hit.expiresAt > now) {
        counts.set(id, hit.count);
        freshUntil = Math.min(freshUntil, hit.expiresAt);
      } else fetched.push(id);
    }
    if (fetched.length === 0) return { counts, freshUntil, writes };

    const missing = await this.readRedis(fetched, counts);
    if (missing.length > 0) {
      const fromDb = await this.deps.counts.read(missing);
      const found = missing.map((id) => fromDb.get(id) ?? { articleId: id, count: 0, version: 0 });
      for (const value of found) counts.set(value.articleId, value.count);
      await Promise.all(found.map((value) => this.put(value))); // one write on the pipelined connection
    }
    // Only what was just read: re-remembering the memory hits would extend their life forever
    // for a page whose set of ids always has one miss.
    for (const id of fetched) this.remember(id, counts.get(id) ?? 0, now);
    return { counts, freshUntil: this.memoryTtlMs > 0 ? freshUntil : now, writes };
  }

  /** False once this process has written a count since a read that returned `writes`. */
  isCurrent(writes: number): boolean {
    return writes === this.writes;
  }

  /** Writes a count read from PostgreSQL unless Redis already holds a newer one. Best effort. */
  async put(value: ArticleCount): Promise<void> {
    this.memory.delete(value.articleId);
    this.writes++;
    try {
      await this.deps.redis.eval(
        COMPARE_AND_SET,
        1,
        this.deps.keys.count(value.articleId),
        String(value.count),
        String(value.version),
        String(this.deps.ttlSeconds),
      );
    } catch (error) {
      this.warnWriteFailed({ err: (error as Error).message, articleId: value.articleId });
    }
  }

  /** Re-reads the articles' counts from PostgreSQL and writes them to Redis. */
  async refresh(articleIds: readonly string[]): Promise<Map<string, number>> {
    const fromDb = await this.deps.counts.read(articleIds);
    const result = new Map<string, number>();
    for (const id of articleIds) {
      const found = fromDb.get(id) ?? { articleId: id, count: 0, version: 0 };
      await this.put(found);
      result.set(id, found.count);
    }
    return result;
  }

  /** Fills `into` from Redis; returns the ids Redis did not have (all of them when Redis is down). */
  private async readRedis(ids: string[], into: Map<string, number>): Promise<string[]> {
    let values: Array<string | null>;
    try {
      const keys = ids.map((id) => this.deps.keys.count(id));
      // A Cluster refuses an MGET across slots: one GET per key instead, all sent at once.
      values = this.deps.redis.isCluster
        ? await Promise.all(keys.map((key) => this.deps.redis.get(key)))
        : await this.deps.redis.mget(keys);
    } catch (error) {
      this.warnUnreachable({ err: (error as Error).message });
      return ids;
    }
    const missing: string[] = [];
    ids.forEach((id, i) => {
      const count = Number.parseInt(values[i]?.split('|')[0] ?? '', 10);
      if (Number.isFinite(count)) into.set(id, count);
      else missing.push(id);
    });
    return missing;
  }

  private remember(id: string, count: number, now: number) {
    if (this.memoryTtlMs <= 0) return;
    if (this.memory.size >= MEMORY_LIMIT) this.memory.clear(); // crude bound; entries live 1 s anyway
    this.memory.set(id, { count, expiresAt: now + this.memoryTtlMs });
  }
}
