/**
 * Child processes for fault tests: the service's own roles (`src/main.ts api|worker`, run
 * through tsx as `npm start` does) and private redis-server instances a test may kill.
 * Every child is started on a free loopback port and killed by its own pid only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { waitFor } from './service.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** True when something accepts TCP connections on the port. */
export function canConnect(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/** Sends `signal` to the child and waits until it has exited (no-op if it is gone). */
export async function stopChild(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill(signal);
  await exited;
}

export interface RedisServer {
  port: number;
  url: string;
  /** Starts (or restarts, on the same port and data directory) the server. */
  start(): Promise<void>;
  /** kill -9 and wait for the exit. */
  kill(): Promise<void>;
  /** Stops it and removes its data directory. */
  destroy(): Promise<void>;
}

/**
 * A redis-server of the test's own, persisting every write to an append-only file
 * (`appendfsync always`), so a kill -9 loses nothing that Redis acknowledged.
 */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'cm-redis-'));
  let child: ChildProcess | undefined;
  const server: RedisServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      const args = ['--port', String(port), '--bind', '127.0.0.1', '--appendonly', 'yes', '--appendfsync', 'always'];
      args.push('--dir', dir, '--save', '', '--maxmemory-policy', 'noeviction');
      child = spawn('redis-server', args, { stdio: 'ignore' });
      await waitFor(() => canConnect(port), 15_000, 50);
    },
    async kill() {
      await stopChild(child, 'SIGKILL');
      child = undefined;
    },
    async destroy() {
      await server.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

export interface ServiceProcess {
  role: 'api' | 'worker' | 'all';
  port: number;
  baseUrl: string;
  child: ChildProcess;
  /** Last lines the child wrote to stderr/stdout (for failure messages). */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Runs `src/main.ts <role>` in a child process with the given environment and waits until its
 * HTTP server answers /healthz (the worker role serves its ops endpoints there too).
 * Start-up under tsx on a loaded machine can take a while: the wait is long on purpose.
 */
export async function startServiceProcess(
  role: ServiceProcess['role'],
  env: Record<string, string>,
  startTimeoutMs = 90_000,
  /** Extra node flags, e.g. ['--cpu-prof'] (not allowed in NODE_OPTIONS). */
  nodeArgs: string[] = [],
): Promise<ServiceProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/main.ts', role], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_, fail) =>
    child.once('exit', (code, signal) => fail(new Error(`${role} exited during start (${code ?? signal}): ${output}`))),
  );
  exited.catch(() => {});
  await Promise.race([
    waitFor(async () => (await fetch(`${baseUrl}/healthz`)).ok, startTimeoutMs, 100),
    exited,
  ]);
  return {
    role,
    port,
    baseUrl,
    child,
    output: () => output,
    stop: (signal = 'SIGKILL') => stopChild(child, signal),
  };
}
