/**
 * The moderator UI's script as served: one bundle of the modules in src/admin/ui/client (no
 * import or export left for the browser to resolve), prebuilt by `npm run build` into dist or
 * bundled in memory from the sources, and the same bytes over HTTP with an ETag.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScript, scriptAsset } from '../../../src/admin/ui/assets.js';
import { DEFAULT_CLIENT_DIR, writeAdminScript } from '../../../src/admin/ui/bundle.js';
import { useTestService } from '../../support/hooks.js';
import { useTempDirs } from '../../support/temp-dirs.js';
import { adminEnv } from '../../support/moderators.js';

const MODULE_SYNTAX = /^\s*(import|export)\b[\s{*'"]/m;
// Server text must only reach the page as text: the APIs that parse a string as HTML.
const HTML_SINKS = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser)\b/;

describe('admin script bundle', () => {
  const tempDir = useTempDirs('admin-ui-');

  it('is one self-contained script built from the client modules', async () => {
    const sources = (await readdir(DEFAULT_CLIENT_DIR)).filter((f) => f.endsWith('.ts'));
    expect(sources.length).toBeGreaterThan(1);
    expect(sources).toContain('admin.ts');
    const script = await loadScript(path.join(await tempDir(), 'missing'));
    expect(script).not.toMatch(MODULE_SYNTAX);
    expect(script).not.toMatch(/\bimport\s*\(/);
    // Pieces of several modules: the api helper, bulk actions, live updates, keyboard, forms.
    for (const piece of [
      'X-CSRF-Token',
      '/admin/api/comments/bulk',
      '/admin/api/events',
      '/admin/api/stats/queue',
      'keydown',
      'form[data-api]',
    ]) {
      expect(script).toContain(piece);
    }
  });

  it('parses strings as HTML nowhere, in the sources or the bundle', async () => {
    for (const file of (await readdir(DEFAULT_CLIENT_DIR)).filter((f) => f.endsWith('.ts'))) {
      expect(await readFile(path.join(DEFAULT_CLIENT_DIR, file), 'utf8'), file).not.toMatch(HTML_SINKS);
    }
    expect(await loadScript(path.join(await tempDir(), 'missing'))).not.toMatch(HTML_SINKS);
  });

  it('serves the prebuilt file of `npm run build` when it exists', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'admin.js'), 'prebuilt admin');
    expect(await loadScript(dir)).toBe('prebuilt admin');
  });

  it('writes the same bytes it would serve (scripts/build-widget.mjs uses writeAdminScript)', async () => {
    const dir = await tempDir();
    const written = await writeAdminScript(dir);
    expect(await readFile(path.join(dir, 'admin.js'), 'utf8')).toBe(written);
    expect(await loadScript(dir)).toBe(written);
    expect(await loadScript(path.join(dir, 'missing'))).toBe(written);
  });
});

describe('GET /admin/assets/admin.js', () => {
  const app = useTestService({ engine: 'pglite', workers: false, env: adminEnv });

  it('serves the bundle as JavaScript with an ETag, and 304 when it is unchanged', async () => {
    const res = await app.svc.fetch('/admin/assets/admin.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const body = await res.text();
    expect(body).toBe((await scriptAsset()).body);
    expect(body).not.toMatch(MODULE_SYNTAX);
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await app.svc.fetch('/admin/assets/admin.js', { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });
});
