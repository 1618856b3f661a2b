/**
 * The two static files of the moderator UI: the stylesheet (./styles.ts) and the client
 * script (./client/admin.ts and the modules it imports). After `npm run build` the bundled
 * script sits next to this module (dist/src/admin/ui/browser/admin.js, written by
 * scripts/build-widget.mjs); when running from the sources (tsx, tests) it is bundled in
 * memory with esbuild on first request (./bundle.ts). Both are cached in memory and served
 * with an ETag.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleAdminScript } from './bundle.js';
import { ADMIN_CSS } from './styles.js';

export const ASSET_PATHS = { css: '/admin/assets/admin.css', js: '/admin/assets/admin.js' } as const;

/** Where `npm run build` puts the prebuilt script, relative to the compiled module. */
export const PREBUILT_DIR = fileURLToPath(new URL('./browser/', import.meta.url));

export interface Asset {
  body: string;
  etag: string;
  contentType: string;
}

const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`;

export const cssAsset: Asset = { body: ADMIN_CSS, etag: etagOf(ADMIN_CSS), contentType: 'text/css; charset=utf-8' };

let script: Promise<Asset> | undefined;

export function scriptAsset(): Promise<Asset> {
  script ??= loadScript().then(toScriptAsset);
  script.catch(() => (script = undefined));
  return script;
}

function toScriptAsset(body: string): Asset {
  return { body, etag: etagOf(body), contentType: 'text/javascript; charset=utf-8' };
}

/** The prebuilt script if there is one in `prebuiltDir`, else bundled from the sources. */
export async function loadScript(prebuiltDir = PREBUILT_DIR): Promise<string> {
  try {
    return await readFile(path.join(prebuiltDir, 'admin.js'), 'utf8');
  } catch {
    return bundleAdminScript();
  }
}
