/**
 * The BullMQ dashboard at /admin/queues: never framed (CSP frame-ancestors 'none' and
 * X-Frame-Options DENY), never cached (no-store), and self-contained: its HTML names no other
 * origin (bull-board's template links Google Fonts), its CSP allows none, and in Chromium with
 * every other origin blocked it renders the queues without a single outside request or CSP
 * violation.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { useAdminService } from '../support/moderators.js';
import { cspDirectives } from '../support/csp.js';

/** Every absolute or protocol-relative URL in src/href attributes, url(…) and @import. */
function externalReferences(text: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:src|href|action|poster|data)\s*=\s*["']?\s*((?:[a-z][a-z0-9+.-]*:)?\/\/[^"'\s>]+)/gi,
    /url\(\s*["']?((?:[a-z][a-z0-9+.-]*:)?\/\/[^"')\s]+)/gi,
    /@import\s+["']((?:[a-z][a-z0-9+.-]*:)?\/\/[^"']+)/gi,
  ];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.push(match[1]);
  return found;
}

describe('the queue dashboard (/admin/queues)', () => {
  const app = useAdminService();

  it('the page, its JSON API and its assets cannot be framed and are not cached', async () => {
    const page = await app.admin.fetch('/admin/queues');
    const html = await page.text();
    const script = /src="(static\/js\/[^"]+)"/.exec(html)![1];
    for (const path of ['/admin/queues', '/admin/queues/api/queues', `/admin/queues/${script}`]) {
      const res = await app.admin.fetch(path);
      await res.arrayBuffer();
      expect(res.status, path).toBe(200);
      expect(cspDirectives(res.headers.get('content-security-policy')).get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('cache-control'), path).toBe('no-store');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('its CSP allows nothing from another origin', async () => {
    const res = await app.admin.fetch('/admin/queues');
    const csp = cspDirectives(res.headers.get('content-security-policy'));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    for (const [name, sources] of csp) {
      for (const source of sources) {
        expect(["'self'", "'none'", "'unsafe-inline'", 'data:'], `${name} ${source}`).toContain(source);
      }
    }
    expect(csp.get('script-src') ?? csp.get('default-src')).not.toContain("'unsafe-inline'");
  });

  it('the HTML and the stylesheets it links reference no other origin (no Google Fonts, no CDN)', async () => {
    const html = await (await app.admin.fetch('/admin/queues')).text();
    expect(html).not.toMatch(/fonts\.(googleapis|gstatic)\.com/);
    expect(externalReferences(html)).toEqual([]);
    const sheets = [...html.matchAll(/href="([^"]+\.css)"/g)].map((m) => m[1]);
    expect(sheets.length).toBeGreaterThan(0);
    for (const sheet of sheets) {
      const css = await (await app.admin.fetch(`/admin/queues/${sheet}`)).text();
      expect(externalReferences(css), sheet).toEqual([]);
    }
  });

  describe('in Chromium, with every other origin blocked', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium(30_000);
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('renders the queues without an outside request or a CSP violation', async () => {
      const context = await browser.newContext();
      try {
        const { hostname, port } = new URL(app.svc.baseUrl);
        const [name, value] = app.admin.cookie.split('=');
        await context.addCookies([{ name, value, domain: hostname, path: '/' }]);
        const outside: string[] = [];
        await context.route('**/*', (route) => {
          const url = new URL(route.request().url());
          if (url.hostname === hostname && url.port === port) return route.continue();
          outside.push(url.href);
          return route.abort('internetdisconnected');
        });
        const page = await context.newPage();
        const violations: string[] = [];
        page.on('console', (message) => {
          if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
        });
        await page.goto(`${app.svc.baseUrl}/admin/queues`, { waitUntil: 'networkidle' });
        await page.getByText('moderation', { exact: false }).first().waitFor({ timeout: 15_000 });
        expect(outside).toEqual([]);
        expect(violations).toEqual([]);
      } finally {
        await context.close();
      }
    }, 60_000);
  });
});
