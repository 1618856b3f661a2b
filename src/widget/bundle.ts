/**
 * Bundles the browser sources in src/widget/client into the two scripts sites embed.
 * One definition of the build serves all three users: `npm run build`
 * (scripts/build-widget.mjs writes the files into dist), `npm start` (tsx, no build step: the
 * api bundles in memory at start) and the size test. The esbuild call itself is shared with
 * the moderator UI's script (src/util/browser-bundle.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleBrowserScripts, writeBrowserScripts } from '../util/browser-bundle.js';

export const SCRIPT_NAMES = ['widget', 'count'] as const;
export type ScriptName = (typeof SCRIPT_NAMES)[number];
export type Scripts = Record<ScriptName, string>;

/** Where the browser sources live when running from src (tsx, vitest). */
export const DEFAULT_CLIENT_DIR = fileURLToPath(new URL('./client/', import.meta.url));

export function bundleScripts(clientDir = DEFAULT_CLIENT_DIR): Promise<Scripts> {
  const entries = Object.fromEntries(SCRIPT_NAMES.map((name) => [name, path.join(clientDir, `${name}.ts`)])) as Record<ScriptName, string>;
  // Readers' phones and old office PCs: syntax any browser of the last five years parses.
  return bundleBrowserScripts(entries, { target: 'es2019', minify: true });
}

export async function writeScripts(outDir: string, clientDir = DEFAULT_CLIENT_DIR): Promise<Scripts> {
  const scripts = await bundleScripts(clientDir);
  await writeBrowserScripts(outDir, scripts);
  return scripts;
}
