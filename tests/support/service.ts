/**
 * A real service in the test's own process (real Redis, real PostgreSQL or embedded PGlite) on
 * a random port, isolated by its own Redis key prefix and its own database, removed afterwards.
 *
 *   const svc = await startTestService({ engine: 'postgres' });
 *   const res = await svc.fetch('/v1/captcha');
 *   await svc.stop();
 *
 * Fault tests that put something between the service and its dependencies (a private
 * redis-server, a TCP proxy in front of PostgreSQL) pass those in `shareWith` instead.
 */
import { loadConfig, type Config } from '../../src/config.js';
import { createApp } from '../../src/http/app.js';
import { createLogger } from '../../src/logger.js';
import { startHttpServer, type HttpServer } from '../../src/server.js';
import { createServices, type Services } from '../../src/services.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { createTestDatabase, PGLITE_IN_MEMORY, type Engine } from './database.js';
import { testEnv } from './env.js';
import { uniqueName } from './names.js';
import { deleteRedisPrefix } from './redis.js';

/** A Redis prefix and a PostgreSQL database that someone else created and cleans up. */
export type SharedResources = Pick<Config, 'redisPrefix' | 'databaseUrl'> & Partial<Pick<Config, 'redisUrl'>>;

export interface TestServiceOptions {
  engine?: Engine;
  /** Extra environment, e.g. { RATE_LIMIT_COMMENTS: '2/60' }. */
  env?: Record<string, string>;
  /** Start the BullMQ workers in the same process (default true). */
  workers?: boolean;
  /** Start the HTTP server (default true). */
  http?: boolean;
  /**
   * Run on another's Redis prefix and database (postgres only), as a second api copy would:
   * `startTestService({ shareWith: first.config })`. stop() then leaves both to their owner.
   */
  shareWith?: SharedResources;
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

export async function startTestService(options: TestServiceOptions = {}): Promise<TestService> {
  const engine = options.engine ?? 'postgres';
  const shared = options.shareWith;
  if (shared && !shared.databaseUrl) throw new Error('shareWith needs a postgres database');
  const prefix = shared?.redisPrefix ?? uniqueName('t');
  const database = shared ? undefined : engine === 'postgres' ? await createTestDatabase() : undefined;
  const databaseUrl = shared?.databaseUrl ?? database?.url;
  const config = loadConfig(
    testEnv(prefix, {
      ...(shared?.redisUrl ? { REDIS_URL: shared.redisUrl } : {}),
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ...options.env,
    }),
  );
  const services = await createServices(config, { logger: createLogger(config.logLevel), dataDir: PGLITE_IN_MEMORY });
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
