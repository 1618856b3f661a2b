/**
 * Test harness: a real service (real Redis, real PostgreSQL or embedded PGlite) on a random
 * port, isolated by its own Redis key prefix and its own database, removed afterwards.
 *
 *   const svc = await startTestService({ engine: 'postgres' });
 *   const res = await svc.fetch('/v1/captcha');
 *   await svc.stop();
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/config.js';
import { createApp } from '../../src/http/app.js';
import { createLogger } from '../../src/logger.js';
import { startHttpServer, type HttpServer } from '../../src/server.js';
import { createServices, type Services } from '../../src/services.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';

export type Engine = 'postgres' | 'pglite';
export const ENGINES: Engine[] = ['postgres', 'pglite'];

export const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export const uniqueName = (tag: string) => `${tag}_${process.pid}_${randomBytes(4).toString('hex')}`;

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database on the machine's PostgreSQL server, dropped by drop(). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = uniqueName('t').toLowerCase();
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    async drop() {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Deletes every key of a test's prefix (tests only: production never scans keys). */
export async function deleteRedisPrefix(prefix: string, url = REDIS_URL): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    for (const pattern of [`${prefix}:*`, `{${prefix}}:*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
}

export interface TestServiceOptions {
  engine?: Engine;
  /** Extra environment, e.g. { RATE_LIMIT_COMMENTS: '2/60' }. */
  env?: Record<string, string>;
  /** Start the BullMQ workers in the same process (default true). */
  workers?: boolean;
  /** Start the HTTP server (default true). */
  http?: boolean;
  /**
   * Join another test service's Redis prefix and database (postgres only), as a second api
   * copy would: `startTestService({ shareWith: first })`. stop() then leaves both to the first.
   */
  shareWith?: Pick<TestService, 'config'>;
}

export interface TestService {
  config: Config;
  services: Services;
  baseUrl: string;
  workers?: RunningWorkers;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** POST JSON helper. */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  stop(): Promise<void>;
}

export const TEST_CAPTCHA_ANSWER = 'testpass';

export function testEnv(prefix: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    REDIS_URL,
    REDIS_PREFIX: prefix,
    CAPTCHA_TEST_ANSWER: TEST_CAPTCHA_ANSWER,
    CAPTCHA_POOL_SIZE: '5',
    // Generous defaults so tests that are not about rate limits never hit them.
    RATE_LIMIT_COMMENTS: '1000/60',
    RATE_LIMIT_CAPTCHAS: '1000/60',
    ...extra,
  };
}

export async function startTestService(options: TestServiceOptions = {}): Promise<TestService> {
  const engine = options.engine ?? 'postgres';
  const shared = options.shareWith?.config;
  if (shared && !shared.databaseUrl) throw new Error('shareWith needs a postgres test service');
  const prefix = shared?.redisPrefix ?? uniqueName('t');
  const database = shared ? undefined : engine === 'postgres' ? await createTestDatabase() : undefined;
  const databaseUrl = shared?.databaseUrl ?? database?.url;
  const config = loadConfig(testEnv(prefix, { ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ...options.env }));
  const services = await createServices(config, {
    logger: createLogger(config.logLevel),
    dataDir: 'memory://',
  });
  const workers = options.workers === false ? undefined : await startWorkers(services);
  let server: HttpServer | undefined;
  if (options.http !== false) server = await startHttpServer(createApp(services), 0, '127.0.0.1');
  const baseUrl = server ? `http://127.0.0.1:${server.port}` : '';
  const fetchPath = (path: string, init?: RequestInit) => fetch(baseUrl + path, init);
  return {
    config,
    services,
    baseUrl,
    workers,
    fetch: fetchPath,
    post: (path, body, headers = {}) =>
      fetchPath(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    async stop() {
      await server?.close(1_000);
      await workers?.close();
      await services.close();
      if (!shared) await deleteRedisPrefix(prefix);
      await database?.drop();
    },
  };
}

/** Polls fn until it returns a truthy value or the timeout passes. */
export async function waitFor<T>(fn: () => Promise<T> | T, timeoutMs = 5_000, intervalMs = 25): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`waitFor timed out after ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
