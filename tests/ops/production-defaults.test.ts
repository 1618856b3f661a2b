/**
 * Safe defaults in production (NODE_ENV=production), against real Redis and PostgreSQL:
 * /metrics is closed unless METRICS_TOKEN is set (then it needs that bearer token) or
 * METRICS_PUBLIC=1 says the port is on a private network; /demo is off unless DEMO=1. Outside
 * production both stay open, as before. The start log names both ways to open /metrics.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { checkMetricsAccess } from '../../src/ops/startup-checks.js';
import { startTestService, type TestService } from '../support/service.js';

/** Production, without the test-only captcha answer (refused outside NODE_ENV=test). */
const PRODUCTION = { NODE_ENV: 'production', CAPTCHA_TEST_ANSWER: '' };

async function withService(env: Record<string, string>, run: (svc: TestService) => Promise<void>): Promise<void> {
  const svc = await startTestService({ engine: 'postgres', workers: false, env });
  try {
    await run(svc);
  } finally {
    await svc.stop();
  }
}

const code = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

describe('/metrics in production', () => {
  it('without METRICS_TOKEN: 401 unauthenticated in the error shape, with WWW-Authenticate', async () => {
    await withService(PRODUCTION, async (svc) => {
      const res = await svc.fetch('/metrics');
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await code(res)).toBe('unauthenticated');
      // A made-up token does not open it either.
      expect((await svc.fetch('/metrics', { headers: { authorization: 'Bearer ' } })).status).toBe(401);
      expect((await svc.fetch('/healthz')).status).toBe(200); // probes stay open
    });
  }, 60_000);

  it('METRICS_PUBLIC=1 opens it (a private network); METRICS_TOKEN wins over it', async () => {
    await withService({ ...PRODUCTION, METRICS_PUBLIC: '1' }, async (svc) => {
      const res = await svc.fetch('/metrics');
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('comments_pending');
    });
    await withService({ ...PRODUCTION, METRICS_PUBLIC: '1', METRICS_TOKEN: 'jeton-san-xuat-42' }, async (svc) => {
      expect((await svc.fetch('/metrics')).status).toBe(401);
      expect((await svc.fetch('/metrics', { headers: { authorization: 'Bearer jeton-san-xuat-42' } })).status).toBe(200);
    });
  }, 60_000);
});

describe('/demo in production', () => {
  it('is off by default (404), on with DEMO=1', async () => {
    await withService(PRODUCTION, async (svc) => {
      for (const path of ['/demo', '/demo/list']) expect((await svc.fetch(path)).status, path).toBe(404);
      expect((await svc.fetch('/widget.js')).status).toBe(200);
    });
    await withService({ ...PRODUCTION, DEMO: '1' }, async (svc) => {
      expect((await svc.fetch('/demo')).status).toBe(200);
    });
  }, 60_000);
});

describe('outside production', () => {
  it.each([
    ['/metrics', 'without a token'],
    ['/demo', 'without DEMO=1'],
  ])(
    '%s stays open %s',
    async (path) => {
      await withService({}, async (svc) => {
        expect((await svc.fetch(path)).status, path).toBe(200);
      });
    },
    60_000,
  );
});

describe('the start log says how to open /metrics', () => {
  it('warns in production when neither METRICS_TOKEN nor METRICS_PUBLIC is set, naming both', () => {
    const [finding, ...rest] = checkMetricsAccess(loadConfig({ NODE_ENV: 'production' }));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ level: 'warn', check: 'metrics_access' });
    expect(finding.message).toContain('METRICS_TOKEN');
    expect(finding.message).toContain('METRICS_PUBLIC=1');
  });

  it('says nothing when /metrics is open on purpose or outside production', () => {
    expect(checkMetricsAccess(loadConfig({ NODE_ENV: 'production', METRICS_TOKEN: 'x' }))).toEqual([]);
    expect(checkMetricsAccess(loadConfig({ NODE_ENV: 'production', METRICS_PUBLIC: '1' }))).toEqual([]);
    expect(checkMetricsAccess(loadConfig({ NODE_ENV: 'development' }))).toEqual([]);
  });
});
