/**
 * An in-process service (api and/or workers) on explicit Redis and PostgreSQL URLs, for fault
 * tests that put something between the service and its dependencies (a private redis-server,
 * a TCP proxy in front of PostgreSQL). startTestService() covers the ordinary case.
 */
import { Redis } from 'ioredis';
import { canonicalAnswer } from '../../src/captcha/answer.js';
import { newCaptchaId } from '../../src/captcha/ids.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createApp } from '../../src/http/app.js';
import { createLogger } from '../../src/logger.js';
import { startHttpServer, type HttpServer } from '../../src/server.js';
import { createServices, type Services } from '../../src/services.js';
import { redisKeys } from '../../src/store/keys.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { TEST_CAPTCHA_ANSWER, testEnv } from './service.js';

export interface Stack {
  config: Config;
  services: Services;
  baseUrl: string;
  workers?: RunningWorkers;
  stop(): Promise<void>;
}

export interface StackOptions {
  prefix: string;
  redisUrl: string;
  databaseUrl: string;
  env?: Record<string, string>;
  workers?: boolean;
  http?: boolean;
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const env = testEnv(options.prefix, { REDIS_URL: options.redisUrl, DATABASE_URL: options.databaseUrl, ...options.env });
  const config = loadConfig(env);
  const services = await createServices(config, { logger: createLogger(config.logLevel) });
  const workers = options.workers === false ? undefined : await startWorkers(services);
  let server: HttpServer | undefined;
  if (options.http !== false) server = await startHttpServer(createApp(services), 0, '127.0.0.1');
  return {
    config,
    services,
    workers,
    baseUrl: server ? `http://127.0.0.1:${server.port}` : '',
    async stop() {
      await server?.close(1_000);
      await workers?.close();
      await services.close();
    },
  };
}

/**
 * Stores `count` captcha answers (the test answer) straight in Redis, as issue() would after
 * popping a pooled image: load tests measure the accept path, not image rendering.
 */
export async function seedCaptchas(redisUrl: string, prefix: string, count: number, ttlSeconds = 3_600): Promise<string[]> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  const keys = redisKeys(prefix);
  const ids: string[] = [];
  try {
    for (let start = 0; start < count; start += 1_000) {
      const batch = redis.pipeline();
      for (let i = start; i < Math.min(count, start + 1_000); i++) {
        const id = newCaptchaId();
        ids.push(id);
        batch.set(keys.captchaAnswer(id), canonicalAnswer(TEST_CAPTCHA_ANSWER), 'EX', ttlSeconds);
      }
      await batch.exec();
    }
  } finally {
    redis.disconnect();
  }
  return ids;
}

/** A valid comment body; `n` makes author and content unique (the 10-minute duplicate rule). */
export function commentBody(captchaId: string, n: number, articleId = 'bai-kiem-thu') {
  return {
    articleId,
    authorName: `Bạn đọc ${n}`,
    content: `Bình luận thử số ${n}: đường sá ở xã cần sửa sớm.`,
    captchaId,
    captchaAnswer: TEST_CAPTCHA_ANSWER,
  };
}

export interface SubmitOutcome {
  status: number;
  id?: string;
  ms: number;
}

/** POST /v1/comments with a 5 s client timeout; a network failure is status 0. */
export async function submitComment(baseUrl: string, body: unknown): Promise<SubmitOutcome> {
  const started = Date.now();
  try {
    const res = await fetch(`${baseUrl}/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5_000),
    });
    const json = (await res.json().catch(() => ({}))) as { id?: string };
    return { status: res.status, id: res.status === 202 ? json.id : undefined, ms: Date.now() - started };
  } catch {
    return { status: 0, ms: Date.now() - started };
  }
}

/** Runs `task(i)` for i in [0, count) with at most `concurrency` in flight. */
export async function runPool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
}
