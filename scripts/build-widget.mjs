/**
 * `npm run build`, after tsc: bundles the browser scripts where the compiled api looks for
 * them: the reader widget (src/widget/client) into dist/src/widget/browser/{widget,count}.js
 * (src/widget/assets.ts), and the moderator UI's script (src/admin/ui/client) into
 * dist/src/admin/ui/browser/admin.js (src/admin/ui/assets.ts). Uses the build definitions tsc
 * just compiled, so `npm start` (which bundles in memory) and the production files come from
 * the same settings.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const report = (file, text) =>
  console.log(`${path.relative(root, file)}: ${Buffer.byteLength(text)} bytes, ${gzipSync(text).length} gzipped`);

const { writeScripts, SCRIPT_NAMES } = await import(path.join(root, 'dist/src/widget/bundle.js'));
const widgetDir = path.join(root, 'dist/src/widget/browser');
const scripts = await writeScripts(widgetDir, path.join(root, 'src/widget/client'));
for (const name of SCRIPT_NAMES) report(path.join(widgetDir, `${name}.js`), scripts[name]);

const { writeAdminScript } = await import(path.join(root, 'dist/src/admin/ui/bundle.js'));
const adminDir = path.join(root, 'dist/src/admin/ui/browser');
report(path.join(adminDir, 'admin.js'), await writeAdminScript(adminDir, path.join(root, 'src/admin/ui/client')));
