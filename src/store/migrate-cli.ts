/** `npm run migrate`: apply pending migrations to the configured database, then exit. */
import { loadConfig } from '../config.js';
import { openDb } from './db.js';
import { migrate } from './migrate.js';

const config = loadConfig();
const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const applied = await migrate(db);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Schema is up to date.');
} finally {
  await db.close();
}
