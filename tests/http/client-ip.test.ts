/**
 * The client IP behind proxies (TRUST_PROXY=N, API.md): the Nth X-Forwarded-For address from
 * the right, what our outermost proxy saw; anything a client writes to the left of it is
 * ignored, and a value there that is not an IP address means the socket address. Rate limits
 * and bans key on that address. Against a real service (Redis, PostgreSQL, the worker).
 */
import { describe, expect, it } from 'vitest';
import { validComment } from '../support/comments.js';
import type { TestService } from '../support/service.js';
import { useTestService } from '../support/hooks.js';
import { waitFor } from '../support/wait.js';

/** Posts a valid comment as sent through proxies with this X-Forwarded-For; the stored comment once the worker wrote it. */
async function postVia(svc: TestService, xff: string | undefined, overrides: Record<string, unknown> = {}) {
  const res = await svc.post('/v1/comments', await validComment(svc, overrides), xff === undefined ? {} : { 'x-forwarded-for': xff });
  return res;
}

async function storedIpVia(svc: TestService, xff: string | undefined): Promise<string | null> {
  const res = await postVia(svc, xff);
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as { id: string };
  const stored = await waitFor(() => svc.services.comments.findById(id));
  return stored.ip;
}

/** Posts through each [X-Forwarded-For, address] row in turn: the comment is stored with that address. */
async function expectStoredIps(svc: TestService, rows: ReadonlyArray<readonly [xff: string, ip: string]>): Promise<void> {
  for (const [xff, ip] of rows) expect(await storedIpVia(svc, xff), `X-Forwarded-For: ${xff}`).toBe(ip);
}

describe('TRUST_PROXY=1 (one proxy of ours in front)', () => {
  const app = useTestService({ engine: 'postgres', env: { TRUST_PROXY: '1', RATE_LIMIT_COMMENTS: '5/60' } });

  it.each([
    [
      'the client IP is the address our proxy appended; hops a client writes to its left are ignored',
      [
        ['203.0.113.10', '203.0.113.10'],
        ['1.1.1.1, 203.0.113.11', '203.0.113.11'],
        ['<script>, 8.8.8.8,9.9.9.9 ,  203.0.113.12', '203.0.113.12'],
      ],
    ],
    [
      'a hop that is not an IP address there falls back to the socket address',
      [
        ['<script>alert(1)</script>', '127.0.0.1'],
        ['203.0.113.13, unknown', '127.0.0.1'],
        ['203.0.113.14, 203.0.113.15:443', '127.0.0.1'],
        ['', '127.0.0.1'],
      ],
    ],
  ] as const)('%s', (_title, rows) => expectStoredIps(app.svc, rows));

  it('the rate limit counts the proxy-seen address, whatever the client writes to the left', async () => {
    const real = '203.0.113.20';
    for (let i = 0; i < 5; i++) expect((await postVia(app.svc, `10.0.${i}.1, ${real}`)).status).toBe(202);
    const limited = await postVia(app.svc, `192.0.2.${Math.floor(Math.random() * 250) + 1}, ${real}`);
    expect(limited.status).toBe(429);
    // Another reader behind the same proxy is not limited.
    expect((await postVia(app.svc, `10.0.0.1, 203.0.113.21`)).status).toBe(202);
  });

  it('a ban on the address our proxy saw catches the commenter whatever left hop they invent', async () => {
    const banned = '203.0.113.66';
    await app.svc.services.db.query(`INSERT INTO bans (ip, created_by) VALUES ($1, 'mod-1')`, [banned]);
    const res = await postVia(app.svc, `198.51.100.77, ${banned}`);
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const stored = await waitFor(() => app.svc.services.comments.findById(id));
    expect(stored.ip).toBe(banned);
    expect(stored.status).toBe('rejected');
    expect(stored.verdict?.reasons[0]).toMatchObject({ rule: 'ban', tier: 'block' });
  });
});

describe('TRUST_PROXY=2 (a CDN, then our load balancer)', () => {
  const app = useTestService({ engine: 'pglite', env: { TRUST_PROXY: '2' } });

  it.each([
    [
      'the client IP is the second address from the right (what the CDN saw)',
      [
        ['198.51.100.20, 10.0.0.2', '198.51.100.20'],
        ['6.6.6.6, 198.51.100.21, 10.0.0.2', '198.51.100.21'],
        ['2001:db8::7, 10.0.0.2', '2001:db8::7'],
      ],
    ],
    [
      'fewer hops than proxies, or garbage in that place, means the socket address',
      [
        ['10.0.0.2', '127.0.0.1'],
        ['nonsense, 10.0.0.2', '127.0.0.1'],
      ],
    ],
  ] as const)('%s', (_title, rows) => expectStoredIps(app.svc, rows));
});

describe('TRUST_PROXY=0 (default: no proxy)', () => {
  const app = useTestService({ engine: 'pglite' });

  it('X-Forwarded-For is ignored', async () => {
    await expectStoredIps(app.svc, [['203.0.113.30', '127.0.0.1']]);
  });
});
