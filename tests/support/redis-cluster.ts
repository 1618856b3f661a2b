/**
 * A Redis Cluster on loopback, all children of the test: three primaries
 * (`redis-server --cluster-enabled yes`), optionally each with a replica, joined by
 * `redis-cli --cluster create`, so the 16384 slots are spread over three servers as in
 * production. Nodes call a peer failed after 1 s (`cluster-node-timeout`), so a replica takes
 * over within a few seconds. Nothing is kept on disk but the nodes' cluster config files (and
 * the replicas' resync RDB), in a temp dir removed afterwards.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Cluster, Redis } from 'ioredis';
import { canConnect, freePort } from './ports.js';
import { stopChild } from './processes.js';
import { waitFor } from './wait.js';

const run = promisify(execFile);

/** Why a cluster cannot be started here (redis-server or redis-cli missing), or null when it can. */
export async function clusterUnavailable(): Promise<string | null> {
  for (const tool of ['redis-server', 'redis-cli']) {
    try {
      await run(tool, ['--version']);
    } catch {
      return `${tool} is not installed (apt-get install redis-server brings both)`;
    }
  }
  return null;
}

export interface RedisCluster {
  /** REDIS_CLUSTER_NODES for the service. */
  env: Record<string, string>;
  ports: number[];
  /** The test's own client of the cluster (one, made on first use, closed by destroy). */
  client(): Cluster;
  /** `CLUSTER KEYSLOT key`, asked of the cluster itself. */
  slotOf(key: string): Promise<number>;
  /** Every key matching `pattern`, per primary port (SCAN on each node). */
  keysByNode(pattern: string): Promise<Map<number, string[]>>;
  /** The ports of the primary that serves `key`'s slot now and of its replicas, as `askPort`'s node sees it. */
  servingNodes(key: string, askPort?: number): Promise<{ primary: number; replicas: number[] }>;
  /** kill -9 of the node on `port`. */
  kill(port: number): Promise<void>;
  /** SIGSTOP / SIGCONT of the node on `port`: connected, answering nothing. */
  pause(port: number): void;
  resume(port: number): void;
  destroy(): Promise<void>;
}

const NODE_TIMEOUT_MS = 1_000;

export async function startRedisCluster(options: { replicas?: 0 | 1 } = {}): Promise<RedisCluster> {
  const replicas = options.replicas ?? 0;
  const dir = mkdtempSync(join(tmpdir(), 'cm-cluster-'));
  const children = new Map<number, ChildProcess>();
  const clients: Cluster[] = [];
  const ports: number[] = [];
  const destroy = async () => {
    for (const client of clients.splice(0)) client.disconnect();
    for (const child of children.values()) child.kill('SIGCONT');
    await Promise.all([...children.values()].map((child) => stopChild(child, 'SIGKILL')));
    children.clear();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < 3 * (1 + replicas); i++) {
      const port = await freePort();
      const args = ['--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes'];
      args.push('--cluster-config-file', join(dir, `nodes-${port}.conf`), '--cluster-node-timeout', String(NODE_TIMEOUT_MS));
      args.push('--dir', dir, '--save', '', '--appendonly', 'no');
      children.set(port, spawn('redis-server', args, { stdio: 'ignore' }));
      await waitFor(() => canConnect(port), 15_000, 50);
      ports.push(port);
    }
    const nodes = ports.map((port) => `127.0.0.1:${port}`);
    await run('redis-cli', ['--cluster', 'create', ...nodes, '--cluster-replicas', String(replicas), '--cluster-yes'], {
      timeout: 30_000,
    });
    // `create` returns once the slots are assigned; every node must also agree the cluster is
    // ok, and know every primary's replicas (listed in CLUSTER SLOTS once they are attached).
    await waitFor(
      async () => {
        for (const port of ports) {
          const { stdout } = await run('redis-cli', ['-p', String(port), 'cluster', 'info']);
          if (!/cluster_state:ok/.test(stdout)) return false;
          const node = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 1 });
          const ranges = await node.cluster('SLOTS').finally(() => node.disconnect());
          if (ranges.some((range) => range.length - 3 < replicas)) return false;
        }
        return true;
      },
      30_000,
      200,
    );
  } catch (error) {
    await destroy();
    throw error;
  }

  const client = () => {
    if (!clients[0]) clients.push(new Cluster(ports.map((port) => ({ host: '127.0.0.1', port }))));
    return clients[0];
  };
  return {
    env: { REDIS_CLUSTER_NODES: ports.map((port) => `127.0.0.1:${port}`).join(',') },
    ports,
    client,
    slotOf: async (key) => Number(await client().cluster('KEYSLOT', key)),
    async keysByNode(pattern) {
      const found = new Map<number, string[]>();
      await client().ping(); // the node list is known once the cluster client is ready
      for (const node of client().nodes('master')) {
        const keys: string[] = [];
        for await (const batch of node.scanStream({ match: pattern, count: 1_000 })) keys.push(...(batch as string[]));
        found.set(Number(node.options.port), keys);
      }
      return found;
    },
    async servingNodes(key, askPort = ports[0]) {
      const node = new Redis({ port: askPort, host: '127.0.0.1', maxRetriesPerRequest: 1 });
      try {
        const slot = Number(await node.cluster('KEYSLOT', key));
        const range = (await node.cluster('SLOTS')).find(([from, to]) => from <= slot && slot <= to);
        if (!range?.[2]) throw new Error(`no node serves slot ${slot}`);
        const [, , primary, ...replicas] = range;
        return { primary: primary[1], replicas: replicas.map((r) => r[1]) };
      } finally {
        node.disconnect();
      }
    },
    async kill(port) {
      await stopChild(children.get(port), 'SIGKILL');
      children.delete(port);
    },
    pause: (port) => void children.get(port)?.kill('SIGSTOP'),
    resume: (port) => void children.get(port)?.kill('SIGCONT'),
    destroy,
  };
}
