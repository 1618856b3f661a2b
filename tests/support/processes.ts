/**
 * Child processes: the service's own roles run as production runs them, and a way to stop any
 * child by its own pid. Every service child gets a free loopback port.
 *
 * Why `node --import tsx` and not the `tsx` command: its CLI sits between us and node and
 * relays SIGTERM only if the child confirms within 30 ms; on a loaded machine it misses that
 * and SIGKILLs the child (exit 143), which is exactly what a shutdown test must not have in
 * the way.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from './ports.js';
import { waitFor } from './wait.js';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** Sends `signal` to the child and waits until it has exited (no-op if it is gone). */
export async function stopChild(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (!child || !running(child)) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill(signal);
  await exited;
}

export interface ServiceProcess {
  role: 'api' | 'worker' | 'all';
  port: number;
  baseUrl: string;
  child: ChildProcess;
  /** Its last 5,000 stdout and stderr lines (the service logs JSON, one object a line). */
  output: string[];
  exited: Promise<Exit>;
  /** Sends the signal (default SIGTERM, a graceful stop) and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<Exit>;
}

export interface ServiceProcessOptions {
  /** Start-up under tsx on a loaded 2-core machine can take long: the default wait is generous. */
  startTimeoutMs?: number;
  /** Extra node flags, e.g. ['--cpu-prof'] (not allowed in NODE_OPTIONS). */
  nodeArgs?: string[];
}

/**
 * Runs `src/main.ts <role>` with exactly `env` (plus PATH and HOME) and waits until its HTTP
 * server answers /healthz (the worker role serves its ops endpoints there too).
 */
export async function startServiceProcess(
  role: ServiceProcess['role'],
  env: Record<string, string>,
  options: ServiceProcessOptions = {},
): Promise<ServiceProcess> {
  const { startTimeoutMs = 180_000, nodeArgs = [] } = options;
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/main.ts', role], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectLines(child);
  const exited = new Promise<Exit>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  const baseUrl = `http://127.0.0.1:${port}`;
  const tail = () => output.slice(-20).join('\n');
  const exitedDuringStart = exited.then((exit) => Promise.reject(new Error(`exited (${exit.code ?? exit.signal})`)));
  try {
    await Promise.race([waitFor(async () => (await fetch(`${baseUrl}/healthz`)).ok, startTimeoutMs, 100), exitedDuringStart]);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${role} did not start: ${(error as Error).message}\n${tail()}`);
  }
  return {
    role,
    port,
    baseUrl,
    child,
    output,
    exited,
    async stop(signal = 'SIGTERM') {
      if (running(child)) child.kill(signal);
      return exited;
    },
  };
}

export interface Finished extends Exit {
  stdout: string;
  stderr: string;
}

/**
 * Runs `src/main.ts <args>` with exactly `env` (plus PATH and HOME) until it exits by itself,
 * for tests of a start that is refused; SIGKILL after `timeoutMs` (the exit then says so).
 */
export function runMain(args: string[], env: Record<string, string>, timeoutMs = 55_000): Promise<Finished> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', fail);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr });
    });
  });
}

/** Kills whatever is still running (clean-up after a failure), without waiting. */
export function killAll(processes: Array<ServiceProcess | undefined>): void {
  for (const p of processes) if (p && running(p.child)) p.child.kill('SIGKILL');
}

/** The child's stdout and stderr, line by line as they come (the last 5,000 lines). */
function collectLines(child: ChildProcess): string[] {
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream?.on('data', (chunk: Buffer) => {
      const parts = (partial + chunk.toString('utf8')).split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts.filter(Boolean));
      if (lines.length > 5_000) lines.splice(0, lines.length - 5_000);
    });
  }
  return lines;
}
