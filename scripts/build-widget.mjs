/**
 * `npm run build`, after tsc: bundles the browser widget (src/widget/client) into
 * dist/src/widget/browser/{widget,count}.js, where the compiled api looks for them
 * (src/widget/assets.ts). Uses the build definition tsc just compiled, so `npm start` (which
 * bundles in memory) and the production files come from the same settings.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { writeScripts, SCRIPT_NAMES } = await import(path.join(root, 'dist/src/widget/bundle.js'));

const outDir = path.join(root, 'dist/src/widget/browser');
const scripts = await writeScripts(outDir, path.join(root, 'src/widget/client'));
for (const name of SCRIPT_NAMES) {
  const bytes = Buffer.byteLength(scripts[name]);
  const gzipped = gzipSync(scripts[name]).length;
  console.log(`${path.relative(root, path.join(outDir, `${name}.js`))}: ${bytes} bytes, ${gzipped} gzipped`);
}
