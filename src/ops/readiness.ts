/**
 * Readiness: may this copy take traffic now? Each check answers 'ok' or a short reason, and
 * each is bounded in time, so /readyz answers within ~1.5 s even when a dependency hangs.
 *
 * - redis, database: they answer a trivial command.
 * - workers: some worker process has beaten within WORKER_HEARTBEAT_MAX_AGE_SECONDS. An api
 *   copy whose comments would sit in the queue forever is not ready, so a deployment with
 *   no (or only wedged) workers shows up as not ready rather than as a silent backlog.
 * - shutdown: present only while the process drains after SIGTERM.
 *
 * `redisPrimary` says which Redis node this copy talks to (with Sentinel: the primary now).
 */
import type { Redis } from 'ioredis';
import type { Queryable } from '../store/db.js';
import type { RedisKeys } from '../store/keys.js';
import { connectedAddress } from '../store/redis.js';
import { freshestHeartbeat } from './heartbeat.js';
import type { Lifecycle } from './lifecycle.js';
import { withTimeout } from '../util/timeout.js';

export type CheckResult = 'ok' | string;

export interface ReadinessDeps {
  redis: Redis;
  db: Queryable;
  keys: Pick<RedisKeys, 'workers'>;
  lifecycle: Lifecycle;
  workerHeartbeatMaxAgeSeconds: number;
  timeoutMs?: number;
}

export interface Readiness {
  ready: boolean;
  checks: Record<string, CheckResult>;
  failed: string[];
  /** Where the command connection is connected now: with Sentinel, which node is primary. */
  redisPrimary: string | null;
}

export async function checkReadiness(deps: ReadinessDeps): Promise<Readiness> {
  const timeoutMs = deps.timeoutMs ?? 1_500;
  const check = async (fn: () => Promise<CheckResult>): Promise<CheckResult> => {
    try {
      return await withTimeout(fn(), timeoutMs);
    } catch (error) {
      return error instanceof Error ? error.message : 'failed';
    }
  };
  const maxAge = deps.workerHeartbeatMaxAgeSeconds;
  const [redis, database, workers] = await Promise.all([
    check(async () => {
      await deps.redis.ping();
      return 'ok';
    }),
    check(async () => {
      await deps.db.query('SELECT 1');
      return 'ok';
    }),
    check(async () =>
      (await freshestHeartbeat(deps.redis, deps.keys, maxAge)) === null ? `no worker heartbeat within ${maxAge} s` : 'ok',
    ),
  ]);
  const checks: Record<string, CheckResult> = { redis, database, workers };
  if (deps.lifecycle.draining) checks.shutdown = 'shutting down';
  const failed = Object.entries(checks)
    .filter(([, v]) => v !== 'ok')
    .map(([k]) => k);
  return { ready: failed.length === 0, checks, failed, redisPrimary: connectedAddress(deps.redis) };
}
