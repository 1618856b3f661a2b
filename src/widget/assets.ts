/**
 * The two scripts as the api serves them (src/http/static-asset.ts), computed once per process.
 * After `npm run build` the files sit next to this module (dist/src/widget/browser/); when
 * running from the sources (tsx, tests) they are bundled in memory at start, which takes
 * well under a second.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { staticAsset, type StaticAsset } from '../http/static-asset.js';
import { bundleScripts, SCRIPT_NAMES, type ScriptName, type Scripts } from './bundle.js';

export type Assets = Record<ScriptName, StaticAsset>;

const JAVASCRIPT = 'text/javascript; charset=utf-8';

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

export async function loadAssets(prebuiltDir = PREBUILT_DIR): Promise<Assets> {
  const scripts = (await readPrebuilt(prebuiltDir)) ?? (await bundleScripts());
  return { widget: staticAsset(scripts.widget, JAVASCRIPT), count: staticAsset(scripts.count, JAVASCRIPT) };
}
