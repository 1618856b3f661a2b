import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { LIST_SIZE } from '../../src/widget/demo/pages.js';
import { withSettings } from '../../src/widget/assets.js';
import { SETTINGS_PLACEHOLDER, widgetSettings } from '../../src/widget/client/settings.js';
import { widgetRoutes } from '../../src/widget/routes.js';

// The widget routes need only the config and a logger; no Redis or database is involved.
const app = (env: Record<string, string> = {}) =>
  widgetRoutes({ config: loadConfig({ NODE_ENV: 'test', ...env }), logger: createLogger('silent') });

describe('GET /widget.js and /count.js', () => {
  const routes = app();

  it.each(['/widget.js', '/count.js'])('%s is JavaScript, cacheable for 5 minutes, with an ETag', async (path) => {
    const res = await routes.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect((await res.text()).length).toBeGreaterThan(500);
  });

  it('answers 304 to a matching If-None-Match, and 200 to a stale one', async () => {
    const first = await routes.request('/widget.js');
    const etag = first.headers.get('etag')!;
    const again = await routes.request('/widget.js', { headers: { 'If-None-Match': `"old", ${etag}` } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    const stale = await routes.request('/widget.js', { headers: { 'If-None-Match': '"old"' } });
    expect(stale.status).toBe(200);
  });

  it('serves different bodies and ETags for the two scripts', async () => {
    const [w, c] = await Promise.all([routes.request('/widget.js'), routes.request('/count.js')]);
    expect(w.headers.get('etag')).not.toBe(c.headers.get('etag'));
  });
});

describe('the settings written into /widget.js', () => {
  it('carries PRIVACY_URL and the retention periods for the consent line', async () => {
    const env = { PRIVACY_URL: 'https://baosonha.vn/chinh-sach-bao-mat', RETENTION_IP_DAYS: '14', RETENTION_REJECTED_DAYS: '60' };
    const body = await (await app(env).request('/widget.js')).text();
    const settings = JSON.stringify({ privacyUrl: env.PRIVACY_URL, ipDays: 14, rejectedDays: 60 });
    expect(body).toContain(JSON.stringify(settings));
    expect(body).not.toContain(SETTINGS_PLACEHOLDER);
    expect(widgetSettings(JSON.parse(JSON.stringify(settings)))).toEqual({ privacyUrl: env.PRIVACY_URL, ipDays: 14, rejectedDays: 60 });
  });

  it('says no link and the default periods without PRIVACY_URL, and differs in ETag from another setting', async () => {
    const plain = await app().request('/widget.js');
    expect(await plain.text()).toContain(JSON.stringify(JSON.stringify({ privacyUrl: null, ipDays: 30, rejectedDays: 90 })));
    const other = await app({ PRIVACY_URL: 'https://baosonha.vn/bao-mat' }).request('/widget.js');
    expect(other.headers.get('etag')).not.toBe(plain.headers.get('etag'));
  });

  it('keeps a URL with quotes a string (no way out of the literal)', () => {
    const out = withSettings('var a="__BL_WIDGET_SETTINGS__";', { privacyUrl: 'https://x.vn/"+alert(1)+"', ipDays: 1, rejectedDays: 2 });
    expect(new Function(`${out} return a;`)()).toBe(
      JSON.stringify({ privacyUrl: 'https://x.vn/"+alert(1)+"', ipDays: 1, rejectedDays: 2 }),
    );
  });
});

describe('GET /demo', () => {
  const routes = app();

  it('is an article page with the widget and count script, under a CSP that allows them', async () => {
    const res = await routes.request('/demo');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain('img-src');
    expect(csp).toMatch(/img-src[^;]*data:/); // captcha images are data: URLs
    const page = await res.text();
    expect(page).toMatch(/<html lang="vi">/);
    expect(page).toMatch(/Ngày cập nhật: \d{2}\/\d{2}\/\d{4}/);
    expect(page).toContain('CÁC TIN KHÁC');
    expect(page).toContain('data-comment-article="demo-khac-phuc-lu-tan-phong"');
    expect(page).toContain('<script src="/widget.js" async></script>');
    expect(page).toContain('<script src="/count.js" async></script>');
    expect(page).not.toMatch(/(src|href)="https?:/); // no external asset
  });

  it('previews another article with ?article=, escaping nothing it should not accept', async () => {
    const ok = await (await routes.request('/demo?article=tin-42&lang=en')).text();
    expect(ok).toContain('data-comment-article="tin-42" data-lang="en"');
    const bad = await (await routes.request('/demo?article=%22%3E%3Cscript%3Ealert(1)%3C/script%3E')).text();
    expect(bad).toContain('data-comment-article="demo-khac-phuc-lu-tan-phong"');
    expect(bad).not.toContain('<script>alert');
  });

  it('lists 30 stories with a count each on /demo/list', async () => {
    const page = await (await routes.request('/demo/list')).text();
    expect(LIST_SIZE).toBe(30);
    expect(page.match(/data-comment-count="/g)).toHaveLength(30);
    expect(new Set(page.match(/data-comment-count="[^"]+"/g)).size).toBe(30);
  });

  it('is off with DEMO=0', async () => {
    const off = app({ DEMO: '0' });
    expect((await off.request('/demo')).status).toBe(404);
    expect((await off.request('/demo/list')).status).toBe(404);
    expect((await off.request('/widget.js')).status).toBe(200);
  });
});
