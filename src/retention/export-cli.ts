/**
 * `npm run export -- ban.doc@example.vn` (production: `node dist/src/retention/export-cli.js
 * ban.doc@example.vn`): prints everything stored about one email address as JSON on stdout,
 * for a privacy request, the same document as GET /admin/api/privacy/export. Needs only the
 * database (DATABASE_URL, or DATA_DIR for the embedded one); the export is audited with
 * actor `cli`.
 */
import { z } from 'zod';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { AuditStore } from '../store/audit.js';
import { openDb } from '../store/db.js';
import { createPrivacyService } from './privacy.js';

const email = z
  .string()
  .trim()
  .min(3)
  .max(254)
  .email()
  .safeParse(process.argv[2] ?? '');
if (!email.success) {
  console.error('Usage: npm run export -- <email address>');
  process.exit(2);
}
let config: Config;
try {
  config = loadConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : String(error));
  process.exit(1);
}
const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  // This command is its own composition root: it needs the database only, not createServices().
  const privacy = createPrivacyService({ db, audit: new AuditStore(db) });
  const data = await privacy.exportPersonalData('cli', email.data);
  process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
} finally {
  await db.close();
}
