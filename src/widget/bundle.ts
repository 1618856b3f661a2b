/**
 * Bundles the browser sources in src/widget/client into the two scripts sites embed.
 * One definition of the build serves all three users: `npm run build`
 * (scripts/build-widget.mjs writes the files into dist), `npm start` (tsx, no build step: the
 * api bundles in memory at start) and the size test.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCRIPT_NAMES = ['widget', 'count'] as const;
export type ScriptName = (typeof SCRIPT_NAMES)[number];
export type Scripts = Record<ScriptName, string>;

/** Where the browser sources live when running from src (tsx, vitest). */
export const DEFAULT_CLIENT_DIR = fileURLToPath(new URL('./client/', import.meta.url));

export async function bundleScripts(clientDir = DEFAULT_CLIENT_DIR): Promise<Scripts> {
  // Imported lazily: a production image that ships prebuilt files never loads esbuild.
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: SCRIPT_NAMES.map((name) => ({ in: path.join(clientDir, `${name}.ts`), out: name })),
    outdir: 'out', // nothing is written (write: false); names the outputs
    write: false,
    bundle: true,
    minify: true,
    format: 'iife',
    // Readers' phones and old office PCs: syntax any browser of the last five years parses.
    target: 'es2019',
    platform: 'browser',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const scripts = {} as Scripts;
  for (const file of result.outputFiles) {
    const name = path.basename(file.path, '.js') as ScriptName;
    if ((SCRIPT_NAMES as readonly string[]).includes(name)) scripts[name] = file.text;
  }
  for (const name of SCRIPT_NAMES) if (!scripts[name]) throw new Error(`widget bundle: ${name}.js missing from the build`);
  return scripts;
}

export async function writeScripts(outDir: string, clientDir = DEFAULT_CLIENT_DIR): Promise<Scripts> {
  const scripts = await bundleScripts(clientDir);
  await mkdir(outDir, { recursive: true });
  for (const name of SCRIPT_NAMES) await writeFile(path.join(outDir, `${name}.js`), scripts[name]);
  return scripts;
}
