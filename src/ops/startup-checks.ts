/**
 * Checks run once at start, before a copy takes traffic or jobs. The decisions are pure
 * functions of Redis' INFO fields and the config, so each rule is tested without a server:
 *
 * - Redis ≥ 6.2: BullMQ 6 relies on commands and Lua features of 6.2.
 * - maxmemory-policy noeviction: with any eviction policy Redis may silently drop queued
 *   jobs (comments answered 202 but never written). Refused in production, warned elsewhere.
 * - AOF off in production: a Redis restart loses the queue's last moments. Warned.
 * - Every migration applied: a copy must never run against a schema older than its code.
 * - /metrics closed in production (no METRICS_TOKEN, no METRICS_PUBLIC): warned, naming both
 *   ways to open it, so the operator whose Prometheus gets 401 finds why in the start log.
 *
 * Managed Redis often disables CONFIG, so everything is read from INFO.
 */
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { Queryable } from '../store/db.js';
import { pendingMigrations } from '../store/migrate.js';

export interface Finding {
  level: 'error' | 'warn';
  check: string;
  message: string;
}

export type RedisInfo = Record<string, string>;

/** Parses the `field:value` lines of INFO (sections and comments skipped). */
export function parseRedisInfo(text: string): RedisInfo {
  const info: RedisInfo = {};
  for (const line of text.split(/\r?\n/)) {
    if (!line || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon > 0) info[line.slice(0, colon)] = line.slice(colon + 1).trim();
  }
  return info;
}

const MIN_REDIS: [number, number, number] = [6, 2, 0];

export function isRedisVersionSupported(version: string): boolean {
  const parts = version.split('.').map((p) => Number.parseInt(p, 10));
  if (parts.length < 2 || parts.some((n) => Number.isNaN(n))) return false;
  for (let i = 0; i < 3; i++) {
    const have = parts[i] ?? 0;
    if (have !== MIN_REDIS[i]) return have > MIN_REDIS[i];
  }
  return true;
}

type Env = Pick<Config, 'isProduction'>;

export function checkRedisVersion(info: RedisInfo): Finding[] {
  const version = info.redis_version;
  if (!version) return [{ level: 'warn', check: 'redis_version', message: 'Redis did not report its version (INFO server)' }];
  if (isRedisVersionSupported(version)) return [];
  return [{ level: 'error', check: 'redis_version', message: `Redis ${version} is too old: 6.2 or newer is required` }];
}

export function checkEvictionPolicy(info: RedisInfo, config: Env): Finding[] {
  const policy = info.maxmemory_policy;
  if (policy === 'noeviction') return [];
  const message = `Redis maxmemory-policy is ${policy ?? 'unknown'}: set it to noeviction, or Redis may evict queued comments under memory pressure`;
  return [{ level: config.isProduction ? 'error' : 'warn', check: 'maxmemory_policy', message }];
}

export function checkPersistence(info: RedisInfo, config: Env): Finding[] {
  if (!config.isProduction || info.aof_enabled === '1') return [];
  return [
    {
      level: 'warn',
      check: 'aof_enabled',
      message:
        'Redis append-only file is off: a Redis restart loses comments accepted in the last moments before it (appendonly yes, appendfsync everysec)',
    },
  ];
}

export function checkMigrations(pending: string[]): Finding[] {
  if (pending.length === 0) return [];
  return [{ level: 'error', check: 'migrations', message: `migrations not applied: ${pending.join(', ')}` }];
}

export function checkMetricsAccess(config: Pick<Config, 'isProduction' | 'metricsToken' | 'metricsPublic'>): Finding[] {
  if (!config.isProduction || config.metricsToken !== undefined || config.metricsPublic) return [];
  return [
    {
      level: 'warn',
      check: 'metrics_access',
      message:
        '/metrics answers 401: set METRICS_TOKEN and have Prometheus send it (authorization: Bearer <token>), or METRICS_PUBLIC=1 if this port is only reachable from a private network',
    },
  ];
}

/** Every rule over one INFO reply. */
export function redisFindings(info: RedisInfo, config: Env): Finding[] {
  return [...checkRedisVersion(info), ...checkEvictionPolicy(info, config), ...checkPersistence(info, config)];
}

export interface StartupDeps {
  redis: Redis;
  db: Queryable;
  config: Pick<Config, 'isProduction' | 'metricsToken' | 'metricsPublic'>;
}

/** Gathers INFO and the migration state, then applies every rule. */
export async function runStartupChecks(deps: StartupDeps): Promise<Finding[]> {
  const info = parseRedisInfo(
    [await deps.redis.info('server'), await deps.redis.info('memory'), await deps.redis.info('persistence')].join('\n'),
  );
  return [...redisFindings(info, deps.config), ...checkMigrations(await pendingMigrations(deps.db)), ...checkMetricsAccess(deps.config)];
}
