/**
 * The hot routes (GET /v1/counts, GET /v1/captcha, POST /v1/comments) get the app's middleware
 * chain from one middleware (src/http/hot-path/front.ts): the same request id, metric and
 * headers as every other route, and GET /v1/counts answers its 304 itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRequestDuration } from '../../src/metrics.js';
import { startTestService, type TestService } from '../support/service.js';

const SITE = 'https://baotinh.vn';

/** Requests observed in http_request_duration_seconds under these labels. */
async function observed(labels: Record<string, string>): Promise<number> {
  const { values } = await httpRequestDuration.get();
  return values
    .filter((v) => v.metricName === 'http_request_duration_seconds_count')
    .filter((v) => Object.entries(labels).every(([k, l]) => v.labels[k as never] === l))
    .reduce((sum, v) => sum + v.value, 0);
}
const HOT = [
  { method: 'GET', path: '/v1/counts?articles=a,b', route: '/v1/counts', status: '200' },
  { method: 'GET', path: '/v1/captcha', route: '/v1/captcha', status: '200' },
  { method: 'POST', path: '/v1/comments', route: '/v1/comments', status: '400' },
] as const;

describe('the hot path front', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ engine: 'pglite', workers: false, env: { ALLOWED_ORIGINS: SITE } });
  }, 120_000);
  afterAll(async () => {
    await svc?.stop();
  }, 60_000);

  const send = (route: (typeof HOT)[number], headers: Record<string, string> = {}) =>
    svc.fetch(route.path, {
      method: route.method,
      headers: { origin: SITE, ...(route.method === 'POST' ? { 'content-type': 'application/json' } : {}), ...headers },
      body: route.method === 'POST' ? '{}' : undefined,
    });

  it('keeps a client X-Request-Id of safe characters, replaces any other, and counts the request under its route', async () => {
    for (const route of HOT) {
      const labels = { route: route.route, method: route.method, status: route.status };
      const before = await observed(labels);
      const kept = await send(route, { 'x-request-id': 'trace-123=abc' });
      expect(kept.status, route.path).toBe(Number(route.status));
      expect(kept.headers.get('x-request-id'), route.path).toBe('trace-123=abc');
      const replaced = await send(route, { 'x-request-id': 'no spaces allowed' });
      expect(replaced.headers.get('x-request-id'), route.path).toMatch(/^[0-9a-f-]{36}$/);
      const fresh = await send(route);
      expect(fresh.headers.get('x-request-id'), route.path).toMatch(/^[0-9a-f-]{36}$/);
      expect(fresh.headers.get('x-request-id')).not.toBe(replaced.headers.get('x-request-id'));
      expect(fresh.headers.get('access-control-allow-origin'), route.path).toBe(SITE);
      expect(fresh.headers.get('vary'), route.path).toContain('Origin');
      expect(fresh.headers.get('x-content-type-options'), route.path).toBe('nosniff');
      expect((await observed(labels)) - before, route.path).toBe(3);
    }
  });

  it('GET /v1/counts: 304 to a matching tag (weak or in a list) and to *, keeping Cache-Control, ETag, Vary and X-Request-Id', async () => {
    const first = await send(HOT[0]);
    const tag = first.headers.get('etag')!;
    expect(first.headers.get('content-type')).toBe('application/json');
    for (const ifNoneMatch of [tag, `W/${tag}`, `"other", ${tag}`, '*']) {
      const again = await send(HOT[0], { 'if-none-match': ifNoneMatch, 'x-request-id': 'r304' });
      expect(again.status, ifNoneMatch).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(tag);
      expect(again.headers.get('cache-control')).toBe(first.headers.get('cache-control'));
      expect(again.headers.get('x-request-id')).toBe('r304');
      expect(again.headers.get('vary')).toContain('Origin');
      expect(again.headers.get('content-type')).toBeNull();
    }
    expect((await send(HOT[0], { 'if-none-match': '"other"' })).status).toBe(200);
  });
});
