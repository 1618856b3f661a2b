/**
 * The two static files of the moderator UI: the stylesheet (./styles.ts) and the client
 * script (./client/admin.ts and the modules it imports). After `npm run build` the bundled
 * script sits next to this module (dist/src/admin/ui/browser/admin.js, written by
 * scripts/build-widget.mjs); when running from the sources (tsx, tests) it is bundled in
 * memory with esbuild on first request (./bundle.ts). Both are cached in memory and served
 * by src/http/static-asset.ts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { staticAsset, type StaticAsset } from '../../http/static-asset.js';
import { bundleAdminScript } from './bundle.js';
import { ADMIN_CSS } from './styles.js';

export const ASSET_PATHS = { css: '/admin/assets/admin.css', js: '/admin/assets/admin.js' } as const;

/** Where `npm run build` puts the prebuilt script, relative to the compiled module. */
export const PREBUILT_DIR = fileURLToPath(new URL('./browser/', import.meta.url));

export const cssAsset = staticAsset(ADMIN_CSS, 'text/css; charset=utf-8');

let script: Promise<StaticAsset> | undefined;

export function scriptAsset(): Promise<StaticAsset> {
  script ??= loadScript().then((body) => staticAsset(body, 'text/javascript; charset=utf-8'));
  script.catch(() => (script = undefined));
  return script;
}

/** The prebuilt script if there is one in `prebuiltDir`, else bundled from the sources. */
export async function loadScript(prebuiltDir = PREBUILT_DIR): Promise<string> {
  try {
    return await readFile(path.join(prebuiltDir, 'admin.js'), 'utf8');
  } catch {
    return bundleAdminScript();
  }
}
