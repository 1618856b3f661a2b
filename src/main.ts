/**
 * Entry point. `npm start` runs the api and the workers in one process (small site, demo,
 * embedded database); production runs `main.js api` and `main.js worker` as separate copies.
 *
 * Start: configuration, connections and migrations (createServices), then the start-up
 * checks (src/ops/startup-checks.ts), then workers and HTTP. The worker role serves only
 * /healthz, /readyz and /metrics, so it can be probed and scraped like the api.
 *
 * Stop (SIGTERM or SIGINT), within SHUTDOWN_TIMEOUT_MS:
 *   1. /readyz turns 503 at once, so a load balancer stops routing here;
 *   2. at the same time, the HTTP server stops accepting connections and lets in-flight
 *      requests finish, and workers stop taking jobs and finish their active ones (past the
 *      deadline they are force-closed: BullMQ hands an unfinished job to another worker once
 *      its lock expires);
 *   3. connections close and the process exits 0.
 */
import { refillThreads } from './captcha/index.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createApp } from './http/app.js';
import { createOpsApp } from './http/ops-app.js';
import { createLogger, type Logger } from './logger.js';
import { apiFirst } from './ops/api-first.js';
import { runStartupChecks } from './ops/startup-checks.js';
import { startHttpServer, type HttpServer } from './server.js';
import { createServices, type Services } from './services.js';
import { startWorkers, type RunningWorkers } from '../workers/index.js';

type Role = 'all' | 'api' | 'worker';

function parseRole(value: string | undefined): Role {
  if (value === undefined || value === 'all' || value === 'api' || value === 'worker') return value ?? 'all';
  throw new ConfigError(`Unknown role "${value}": use all, api or worker`);
}

/** Logs every finding; false when one of them must stop the start. */
async function passesStartupChecks(services: Services, logger: Logger): Promise<boolean> {
  const findings = await runStartupChecks({ redis: services.redis, db: services.db, config: services.config });
  for (const f of findings) {
    if (f.level === 'error') logger.error({ check: f.check }, `start-up check failed: ${f.message}`);
    else logger.warn({ check: f.check }, f.message);
  }
  return !findings.some((f) => f.level === 'error');
}

async function main() {
  let config: Config;
  let role: Role;
  try {
    config = loadConfig();
    role = parseRole(process.argv[2] ?? process.env.ROLE);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (role !== 'all' && !config.databaseUrl) {
    console.error('Invalid configuration: DATABASE_URL is required to run api and worker as separate processes');
    process.exit(1);
  }

  const logger = createLogger(config.logLevel, { role });
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception; exiting');
    process.exit(1);
  });
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));

  // A signal during start-up is remembered and honoured as soon as the start completes; a
  // start that hangs (a dependency never answering) still ends within SHUTDOWN_TIMEOUT_MS.
  let signalled: string | undefined;
  let startDeadline: NodeJS.Timeout | undefined;
  let shutdown: ((signal: string) => Promise<void>) | undefined;
  const onSignal = (signal: string) => {
    if (shutdown) return void shutdown(signal);
    if (signalled) return;
    signalled = signal;
    startDeadline = setTimeout(() => {
      logger.error({ signal }, 'stopped during a start that did not finish');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    startDeadline.unref();
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));

  const services = await createServices(config, { logger });
  if (!(await passesStartupChecks(services, logger))) {
    await services.close();
    process.exit(1);
  }

  let server: HttpServer | undefined;
  let workers: RunningWorkers | undefined;
  // Workers also keep the captcha pool full; `npm start`'s share a process with the api.
  const captchaThreads = refillThreads(config.captcha.renderThreads, role === 'all');
  if (role !== 'api') workers = await startWorkers(services, { captchaThreads });
  const app = role === 'worker' ? createOpsApp(services) : createApp(services);
  // One process for both: while readers keep the api busy, moderation takes few jobs at a time.
  // Through the running workers each time: the stall guard (workers/stall-guard.ts) may have
  // replaced the moderation worker since.
  const moderationNow = () => workers?.workers.find((w) => w.name === 'moderation');
  const moderation = {
    get concurrency() {
      return moderationNow()?.concurrency ?? config.workerConcurrency;
    },
    set concurrency(jobs: number) {
      const worker = moderationNow();
      if (worker) worker.concurrency = jobs;
    },
  };
  const yielding = role === 'all' && workers ? apiFirst(moderation, config.workerConcurrency) : undefined;
  server = await startHttpServer(app, config.port, config.host, yielding?.count);
  logger.info({ port: server.port, engine: services.db.engine }, `listening on http://localhost:${server.port}`);

  let stopping = false;
  shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const startedAt = Date.now();
    const remaining = () => Math.max(500, config.shutdownTimeoutMs - (Date.now() - startedAt));
    logger.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'shutting down');
    services.lifecycle.beginDrain();
    // Last resort: whatever hangs, the orchestrator gets an exit before it sends SIGKILL.
    const hardStop = setTimeout(() => {
      logger.error('shutdown deadline passed; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs + 5_000);
    hardStop.unref();
    try {
      // HTTP and workers drain side by side, each with the whole deadline: an open SSE stream
      // keeping the server busy must not eat the time active jobs need. A job enqueued by a
      // request finishing after the workers stopped waits in Redis for the next worker.
      // The worker role keeps its ops server up until its jobs finish, so /readyz shows the drain.
      const deadlineMs = remaining();
      await Promise.all([
        role !== 'worker' ? server?.close(deadlineMs) : undefined,
        workers ? closeWorkers(workers, deadlineMs, logger) : undefined,
      ]);
      if (role === 'worker') await server?.close(1_000);
      await services.close();
      logger.info({ ms: Date.now() - startedAt }, 'stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  if (signalled) {
    clearTimeout(startDeadline); // the drain has its own deadline
    void shutdown(signalled);
  }
}

/** Lets active jobs finish within `timeoutMs`, then force-closes what is left. */
async function closeWorkers(workers: RunningWorkers, timeoutMs: number, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const outcome = await Promise.race([workers.close().then(() => 'closed' as const), timedOut]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    logger.warn({ timeoutMs }, 'jobs still active at the deadline; force-closing workers (they will be retried)');
    await Promise.all(workers.workers.map((w) => w.close(true)));
  }
}

main().catch((error) => {
  console.error(`Failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
