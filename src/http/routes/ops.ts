/** Liveness and readiness for orchestrators and load balancers. */
import { Hono } from 'hono';
import type { Services } from '../../services.js';

export function opsRoutes(services: Services): Hono {
  const routes = new Hono();

  // Liveness: the process runs and its event loop answers. Never checks dependencies, so a
  // Redis outage does not make the orchestrator kill every copy at once.
  routes.get('/healthz', (c) => c.json({ status: 'ok' }));

  routes.get('/readyz', async (c) => {
    const checks = await readinessChecks(services);
    const failed = Object.entries(checks).filter(([, v]) => v !== 'ok').map(([k]) => k);
    c.header('Cache-Control', 'no-store');
    return c.json({ status: failed.length ? 'unavailable' : 'ok', checks, failed }, failed.length ? 503 : 200);
  });

  return routes;
}

type CheckResult = 'ok' | string;

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function readinessChecks(services: Services): Promise<Record<string, CheckResult>> {
  const check = async (fn: () => Promise<unknown>): Promise<CheckResult> => {
    try {
      await withTimeout(fn(), 1_500);
      return 'ok';
    } catch (error) {
      return error instanceof Error ? error.message : 'failed';
    }
  };
  const [redis, database] = await Promise.all([
    check(() => services.redis.ping()),
    check(() => services.db.query('SELECT 1')),
  ]);
  return { redis, database };
}
