/**
 * A Redis with Sentinel on loopback, all children of the test: a primary, one replica and three
 * sentinels (`redis-server --sentinel`), tuned to fail over within a few seconds. Nothing is
 * kept on disk but the sentinels' own config files (Sentinel rewrites them).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { canConnect, freePort } from './ports.js';
import { stopChild } from './processes.js';
import { waitFor } from './wait.js';

export const SENTINEL_MASTER_NAME = 'cm-primary';

export interface SentinelRedis {
  /** REDIS_SENTINELS and REDIS_SENTINEL_NAME for the service. */
  env: Record<string, string>;
  /** The ports of the first primary and its replica. */
  ports: { primary: number; replica: number };
  /** The port the sentinels name as primary now. */
  primaryPort(): Promise<number>;
  /** kill -9 of the server on `port`. */
  kill(port: number): Promise<void>;
  /** SIGSTOP / SIGCONT of the server on `port`: connected, answering nothing. */
  pause(port: number): void;
  resume(port: number): void;
  destroy(): Promise<void>;
}

const DOWN_AFTER_MS = 1_000;

export async function startSentinelRedis(): Promise<SentinelRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'cm-sentinel-'));
  const children = new Map<number, ChildProcess>();
  const server = async (port: number, args: string[]) => {
    children.set(port, spawn('redis-server', args, { stdio: 'ignore' }));
    await waitFor(() => canConnect(port), 15_000, 50);
  };
  // --dir: a full resync writes an RDB file even with saving off; keep it out of the repo.
  const dataArgs = (port: number) => ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'];

  const primary = await freePort();
  await server(primary, dataArgs(primary));
  const replica = await freePort();
  await server(replica, [...dataArgs(replica), '--replicaof', '127.0.0.1', String(primary)]);
  const sentinelPorts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const port = await freePort();
    const file = join(dir, `sentinel-${port}.conf`);
    writeFileSync(
      file,
      [
        `port ${port}`,
        'bind 127.0.0.1',
        `dir ${dir}`,
        `sentinel monitor ${SENTINEL_MASTER_NAME} 127.0.0.1 ${primary} 2`,
        `sentinel down-after-milliseconds ${SENTINEL_MASTER_NAME} ${DOWN_AFTER_MS}`,
        `sentinel failover-timeout ${SENTINEL_MASTER_NAME} 10000`,
        `sentinel parallel-syncs ${SENTINEL_MASTER_NAME} 1`,
        '',
      ].join('\n'),
    );
    await server(port, [file, '--sentinel']);
    sentinelPorts.push(port);
  }

  const askSentinel = async <T>(fn: (sentinel: Redis) => Promise<T>): Promise<T> => {
    const sentinel = new Redis({ port: sentinelPorts[0], host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      return await fn(sentinel);
    } finally {
      sentinel.disconnect();
    }
  };
  // Ready when every sentinel knows the replica and the two other sentinels (found through
  // the primary's hello channel): only then can they agree on a failover.
  await waitFor(
    async () => {
      for (const port of sentinelPorts) {
        const sentinel = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 1 });
        try {
          const master = (await sentinel.call('SENTINEL', 'MASTER', SENTINEL_MASTER_NAME)) as string[];
          const field = (name: string) => Number(master[master.indexOf(name) + 1]);
          if (field('num-slaves') < 1 || field('num-other-sentinels') < 2) return false;
        } finally {
          sentinel.disconnect();
        }
      }
      return true;
    },
    30_000,
    200,
  );

  return {
    env: {
      REDIS_SENTINELS: sentinelPorts.map((p) => `127.0.0.1:${p}`).join(','),
      REDIS_SENTINEL_NAME: SENTINEL_MASTER_NAME,
    },
    ports: { primary, replica },
    primaryPort: () =>
      askSentinel(async (s) => Number(((await s.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', SENTINEL_MASTER_NAME)) as string[])[1])),
    async kill(port) {
      await stopChild(children.get(port), 'SIGKILL');
      children.delete(port);
    },
    pause: (port) => void children.get(port)?.kill('SIGSTOP'),
    resume: (port) => void children.get(port)?.kill('SIGCONT'),
    async destroy() {
      for (const child of children.values()) child.kill('SIGCONT');
      await Promise.all([...children.values()].map((child) => stopChild(child, 'SIGKILL')));
      children.clear();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
