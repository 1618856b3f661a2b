/**
 * Runs the service as real child processes (`node --import tsx src/main.ts api|worker|all`),
 * the way production runs `node dist/src/main.js <role>`, for the shutdown and multi-instance
 * tests. Each process logs JSON to stdout; the port is read from its "listening" line (PORT=0).
 *
 * Why not the `tsx` command: its CLI sits between us and node and relays SIGTERM only if the
 * child confirms within 30 ms; on a loaded machine it misses that and SIGKILLs the child
 * (exit 143), which is exactly what a shutdown test must not have in the way.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { waitFor } from '../helpers/service.js';

const ROOT = join(import.meta.dirname, '..', '..');

export interface ServiceProcess {
  role: string;
  port: number;
  baseUrl: string;
  child: ChildProcess;
  /** Every stdout and stderr line so far. */
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends the signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function spawnService(role: 'api' | 'worker' | 'all', env: Record<string, string>, startTimeoutMs = 180_000): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'main.ts'), role], {
    cwd: ROOT,
    // info at least: the port is read from the "listening" line.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env, LOG_LEVEL: 'info', PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  let port = 0;
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      output.push(line);
      const match = /"port":(\d+).*"msg":"listening/.exec(line);
      if (match) port = Number(match[1]);
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let exitedEarly = false;
  void exited.then(() => (exitedEarly = true));
  try {
    await waitFor(() => {
      if (exitedEarly) throw new Error(`${role} exited during start:\n${output.slice(-20).join('\n')}`);
      return port > 0;
    }, startTimeoutMs, 50);
  } catch (error) {
    child.kill('SIGKILL');
    if (exitedEarly) throw error;
    throw new Error(`${role} did not listen within ${startTimeoutMs} ms:\n${output.slice(-20).join('\n')}`);
  }
  return {
    role,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    child,
    output,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Kills whatever is still running (test clean-up after a failure). */
export function killAll(processes: Array<ServiceProcess | undefined>): void {
  for (const p of processes) if (p && p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
}
