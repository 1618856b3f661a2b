/**
 * The two static files of the moderator UI: the stylesheet (./styles.ts) and the client
 * script (./client/admin.ts). The script is one file with no imports, so `npm run build`
 * (tsc) already emits a browser-ready `client/admin.js` next to this module; under tsx
 * (npm start, tests) it is bundled once with esbuild on first request. Both are cached in
 * memory and served by src/http/static-asset.ts.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { staticAsset, type StaticAsset } from '../../http/static-asset.js';
import { ADMIN_CSS } from './styles.js';

export const ASSET_PATHS = { css: '/admin/assets/admin.css', js: '/admin/assets/admin.js' } as const;

export const cssAsset = staticAsset(ADMIN_CSS, 'text/css; charset=utf-8');

let script: Promise<StaticAsset> | undefined;

export function scriptAsset(): Promise<StaticAsset> {
  script ??= loadScript().then((body) => staticAsset(body, 'text/javascript; charset=utf-8'));
  script.catch(() => (script = undefined));
  return script;
}

async function loadScript(): Promise<string> {
  const compiled = new URL('./client/admin.js', import.meta.url);
  try {
    return await readFile(compiled, 'utf8');
  } catch {
    // Running from TypeScript sources: bundle (strip types) with esbuild, a dev dependency.
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      entryPoints: [fileURLToPath(new URL('./client/admin.ts', import.meta.url))],
      bundle: true,
      format: 'esm',
      target: 'es2020',
      write: false,
      minify: false,
      logLevel: 'silent',
    });
    return result.outputFiles[0].text;
  }
}
