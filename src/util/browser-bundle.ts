/**
 * The one esbuild call behind every browser script the service serves: the reader widget
 * (src/widget/bundle.ts) and the moderator UI (src/admin/ui/bundle.ts). Each entry file and
 * what it imports become one self-contained script (an IIFE: no import or export left), built
 * in memory. `npm run build` (scripts/build-widget.mjs) writes the results into dist; under tsx
 * the api bundles at start. esbuild is a dev dependency, imported lazily, so a production
 * image that ships the prebuilt files never loads it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface BrowserBuildOptions {
  /** Oldest syntax the scripts must parse in (esbuild target, e.g. 'es2019'). */
  target: string;
  minify: boolean;
}

/** Bundles `entries` (script name -> entry .ts file) into one script text per name. */
export async function bundleBrowserScripts<N extends string>(
  entries: Record<N, string>,
  options: BrowserBuildOptions,
): Promise<Record<N, string>> {
  const names = Object.keys(entries) as N[];
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: names.map((name) => ({ in: entries[name], out: name })),
    outdir: 'out', // nothing is written (write: false); names the outputs
    write: false,
    bundle: true,
    minify: options.minify,
    format: 'iife',
    target: options.target,
    platform: 'browser',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const scripts = {} as Record<N, string>;
  for (const file of result.outputFiles) {
    const name = path.basename(file.path, '.js') as N;
    if (names.includes(name)) scripts[name] = file.text;
  }
  for (const name of names) if (!scripts[name]) throw new Error(`browser bundle: ${name}.js missing from the build`);
  return scripts;
}

/** Writes each script as `<outDir>/<name>.js`. */
export async function writeBrowserScripts<N extends string>(outDir: string, scripts: Record<N, string>): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const name of Object.keys(scripts) as N[]) await writeFile(path.join(outDir, `${name}.js`), scripts[name]);
}
