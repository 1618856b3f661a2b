/**
 * The two scripts as the api serves them: body and ETag, computed once per process.
 * After `npm run build` the files sit next to this module (dist/src/widget/browser/); when
 * running from the sources (tsx, tests) they are bundled in memory at start, which takes
 * well under a second.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { bundleScripts, SCRIPT_NAMES, type ScriptName, type Scripts } from './bundle.js';

export interface Asset {
  body: string;
  etag: string;
}

export type Assets = Record<ScriptName, Asset>;

/** Where scripts/build-widget.mjs puts the prebuilt files, relative to the compiled module. */
export const PREBUILT_DIR = fileURLToPath(new URL('./browser/', import.meta.url));

async function readPrebuilt(dir: string): Promise<Scripts | null> {
  try {
    const scripts = {} as Scripts;
    for (const name of SCRIPT_NAMES) scripts[name] = await readFile(path.join(dir, `${name}.js`), 'utf8');
    return scripts;
  } catch {
    return null;
  }
}

function toAsset(body: string): Asset {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  return { body, etag: `"${hash}"` };
}

export async function loadAssets(prebuiltDir = PREBUILT_DIR): Promise<Assets> {
  const scripts = (await readPrebuilt(prebuiltDir)) ?? (await bundleScripts());
  return { widget: toAsset(scripts.widget), count: toAsset(scripts.count) };
}
