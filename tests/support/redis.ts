/**
 * Redis for tests. Ordinary tests share the machine's server (TEST_REDIS_URL), each under its
 * own key prefix, deleted afterwards. Tests that take Redis away (kill, freeze, restart) start a
 * private redis-server child on a free port instead; it is stopped by its own pid only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { canConnect, freePort } from './ports.js';
import { stopChild } from './processes.js';
import { waitFor } from './wait.js';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

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

export interface PrivateRedis {
  port: number;
  url: string;
  /** Starts it again on the same port (and data directory); a no-op while it runs. */
  start(): Promise<void>;
  /** Kills the server (SIGKILL, which also ends a paused one) and waits until it is gone. */
  kill(): Promise<void>;
  /** Freezes the process (SIGSTOP): connections stay open but nothing answers, the classic hang. */
  pause(): void;
  resume(): void;
  /** Kills it and removes its data directory. */
  destroy(): Promise<void>;
}

export interface PrivateRedisOptions {
  /**
   * Persist every write to an append-only file (`appendfsync always`), so a kill -9 loses
   * nothing Redis acknowledged and a restart finds it all again. Default: keep nothing on disk.
   */
  durable?: boolean;
}

/** A redis-server child of the test's own, on a free loopback port, already started. */
export async function startPrivateRedis(options: PrivateRedisOptions = {}): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = options.durable ? mkdtempSync(join(tmpdir(), 'cm-redis-')) : undefined;
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--maxmemory-policy', 'noeviction'];
  args.push(...(dir ? ['--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']));
  let child: ChildProcess | undefined;
  const redis: PrivateRedis = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      if (child && child.exitCode === null && child.signalCode === null) return;
      child = spawn('redis-server', args, { stdio: 'ignore' });
      await waitFor(() => canConnect(port), 15_000, 50);
    },
    async kill() {
      const running = child;
      child = undefined;
      await stopChild(running, 'SIGKILL');
    },
    pause: () => void child?.kill('SIGSTOP'),
    resume: () => void child?.kill('SIGCONT'),
    async destroy() {
      await redis.kill();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  await redis.start();
  return redis;
}
