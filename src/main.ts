/**
 * Entry point. `npm start` runs the api and the workers in one process (small site, demo,
 * embedded database); production runs `main.js api` and `main.js worker` as separate copies.
 */
import { ConfigError, loadConfig, type Config } from './config.js';
import { createApp } from './http/app.js';
import { createLogger } from './logger.js';
import { startHttpServer, type HttpServer } from './server.js';
import { createServices } from './services.js';
import { startWorkers, type RunningWorkers } from '../workers/index.js';

type Role = 'all' | 'api' | 'worker';

function parseRole(value: string | undefined): Role {
  if (value === undefined || value === 'all' || value === 'api' || value === 'worker') return value ?? 'all';
  throw new ConfigError(`Unknown role "${value}": use all, api or worker`);
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
  const services = await createServices(config, { logger });

  let server: HttpServer | undefined;
  let workers: RunningWorkers | undefined;
  if (role !== 'api') workers = await startWorkers(services);
  if (role !== 'worker') {
    server = await startHttpServer(createApp(services), config.port, config.host);
    logger.info({ port: server.port, engine: services.db.engine }, `listening on http://localhost:${server.port}`);
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      logger.error('shutdown deadline passed; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs + 5_000);
    deadline.unref();
    // Stop taking requests first, then let the workers finish their active jobs.
    await server?.close(config.shutdownTimeoutMs);
    await workers?.close();
    await services.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  console.error(`Failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
