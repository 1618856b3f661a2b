import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestService, type TestService } from '../helpers/service.js';

describe.each(ENGINES)('health and readiness (%s)', (engine) => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ engine, workers: false });
  });
  afterAll(() => svc.stop());

  it('GET /healthz answers 200 while the process runs', async () => {
    const res = await svc.fetch('/healthz');
    expect(res.status).toBe(200);
  });

  it('GET /readyz answers 200 when Redis and the database answer', async () => {
    const res = await svc.fetch('/readyz');
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body.checks.redis).toBe('ok');
    expect(body.checks.database).toBe('ok');
  });

  it('unknown paths answer the contract error shape', async () => {
    const res = await svc.fetch('/nope', { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
  });
});
