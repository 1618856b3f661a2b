/**
 * `npm run export:decisions -- [--since ISO-date] [--limit N] [--out FILE]` (production:
 * `node dist/src/retention/export-decisions-cli.js …`): writes every decided comment as one
 * JSON object per line, oldest decision first, for retraining the filter's span model
 * (docs/retraining.md). No name, email, IP, user agent or moderator leaves the database;
 * the fields and what they can and cannot say are in src/store/decided-comments.ts.
 *
 * Reads page by page (keyset), writing each page before reading the next, so memory stays
 * flat however many rows there are. The count goes to stderr as it grows. With --out the
 * file appears only once the export is complete (written as FILE.partial, then renamed).
 * Needs only the database (DATABASE_URL, or DATA_DIR for the embedded one). Exit codes:
 * 0 done, 1 the database could not be read (one line on stderr), 2 bad arguments.
 */
import { createWriteStream, existsSync, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { decidedComments, DECIDED_PAGE_SIZE } from '../store/decided-comments.js';
import { openDb } from '../store/db.js';

const USAGE = 'Usage: npm run export:decisions -- [--since 2026-11-01] [--limit N] [--out decisions.jsonl]';
const NAME = 'export:decisions';

function fail(code: number, message: string): never {
  console.error(`${NAME}: ${message}`);
  process.exit(code);
}

let args: { since?: string; limit?: string; out?: string; 'page-size'?: string; help?: boolean };
try {
  args = parseArgs({
    options: {
      since: { type: 'string' },
      limit: { type: 'string' },
      out: { type: 'string' },
      'page-size': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const since = args.since === undefined ? undefined : parseSince(args.since);
const limit = args.limit === undefined ? undefined : parseCount(args.limit, '--limit', Number.MAX_SAFE_INTEGER);
const pageSize = args['page-size'] === undefined ? DECIDED_PAGE_SIZE : parseCount(args['page-size'], '--page-size', 10_000);

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  fail(1, error instanceof ConfigError ? error.message : String(error));
}
if (!config.databaseUrl && !config.dataDir.startsWith('memory://') && !existsSync(config.dataDir)) {
  fail(1, `no database: DATABASE_URL is unset and DATA_DIR ${config.dataDir} does not exist`);
}

const partial = args.out === undefined ? undefined : `${args.out}.partial`;
const out: Writable = partial ? createWriteStream(partial) : process.stdout;
out.on('error', (error: NodeJS.ErrnoException) => {
  // The reader went away (`| head`): nothing more to write, not a failure of the export.
  if (error.code === 'EPIPE') process.exit(0);
  fail(1, `cannot write ${args.out ?? 'stdout'}: ${error.message}`);
});

const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
const progress = createProgress();
try {
  for await (const page of decidedComments(db, { since, limit, pageSize })) {
    let chunk = '';
    for (const decided of page) chunk += `${JSON.stringify(decided)}\n`;
    if (!out.write(chunk)) await once(out, 'drain');
    progress.add(page.length);
  }
  if (partial) {
    out.end();
    await finished(out);
    renameSync(partial, args.out!);
  }
  progress.done(args.out);
} catch (error) {
  if (partial) rmSync(partial, { force: true });
  progress.abort();
  console.error(`${NAME}: ${describeFailure(error)}`);
  process.exitCode = 1;
} finally {
  await db.close().catch(() => {});
}

function parseSince(value: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    console.error(`--since must be an ISO date or time, e.g. 2026-11-01 or 2026-11-01T08:00:00Z (got "${value}")\n${USAGE}`);
    process.exit(2);
  }
  return date;
}

function parseCount(value: string, flag: string, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1 || n > max) {
    console.error(`${flag} must be a whole number from 1 to ${max} (got "${value}")\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

/** One line for a person: what failed, never a stack, never the URL (it may hold a password). */
function describeFailure(error: unknown): string {
  const e = error as { code?: string; message?: string; errors?: Array<{ message?: string }> };
  // pg's "relation does not exist": a database nobody has migrated.
  if (e.code === '42P01') return 'the database has no comments table (run npm run migrate against it first)';
  const message = e.message || e.errors?.[0]?.message || e.code || String(error);
  const network = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH'];
  const unreachable =
    (e.code !== undefined && network.includes(e.code)) ||
    /timeout|terminated|connect|password authentication|does not exist|no pg_hba/i.test(message) ||
    ['28P01', '28000', '3D000', '57P03'].includes(e.code ?? '');
  return unreachable ? `cannot reach the database: ${message}` : `export failed: ${message}`;
}

/**
 * The count on stderr: rewritten in place on a terminal, otherwise one line per 10,000 rows
 * (a log file should not get one line per page), and the total at the end.
 */
function createProgress() {
  const tty = process.stderr.isTTY === true;
  let count = 0;
  let lastLine = 0;
  return {
    add(n: number) {
      count += n;
      if (tty) process.stderr.write(`\r${NAME}: ${count} decisions…`);
      else if (count - lastLine >= 10_000) {
        lastLine = count;
        process.stderr.write(`${NAME}: ${count} decisions…\n`);
      }
    },
    done(file: string | undefined) {
      process.stderr.write(`${tty ? '\r' : ''}${NAME}: ${count} decisions exported${file ? ` to ${file}` : ''}\n`);
    },
    abort() {
      if (tty && count > 0) process.stderr.write('\n');
    },
  };
}
