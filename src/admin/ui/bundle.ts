/**
 * Bundles the moderator UI's script (src/admin/ui/client, entry admin.ts) into the one file
 * the pages load, with the esbuild call the widget uses (src/util/browser-bundle.ts).
 * `npm run build` (scripts/build-widget.mjs) writes it into dist next to the compiled
 * ./assets.js; under tsx (npm start, tests) ./assets.ts bundles it in memory once.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleBrowserScripts, writeBrowserScripts } from '../../util/browser-bundle.js';

/** Where the client sources live when running from src (tsx, vitest). */
export const DEFAULT_CLIENT_DIR = fileURLToPath(new URL('./client/', import.meta.url));

export async function bundleAdminScript(clientDir = DEFAULT_CLIENT_DIR): Promise<string> {
  // Moderators' desktop browsers; not minified, so the served script stays readable.
  const { admin } = await bundleBrowserScripts({ admin: path.join(clientDir, 'admin.ts') }, { target: 'es2020', minify: false });
  return admin;
}

export async function writeAdminScript(outDir: string, clientDir = DEFAULT_CLIENT_DIR): Promise<string> {
  const admin = await bundleAdminScript(clientDir);
  await writeBrowserScripts(outDir, { admin });
  return admin;
}
