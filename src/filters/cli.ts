/**
 * The filter on the command line: `npm run --silent filter < comments.txt`.
 *
 * Reads standard input line by line, each plain text or `{"id": "…", "text": "…"}`, and
 * writes one JSON line per input line:
 *   {"id", "action", "score", "reasons", "lexiconVersion"}   (the verdict the worker stores)
 *   {"line": N, "error": "…"}                                  (a line that could not be read)
 * Plain text lines get their line number as id ("1", "2"…). Streams: memory stays flat for
 * any number of lines, and output waits when the reader is slow (backpressure).
 * Needs no Redis or database. Always exits 0.
 *
 * Options: `--site-domains=baoquangtri.vn,example.vn` (or env FILTER_SITE_DOMAINS): links
 * to the site's own domains are not spam.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createFilterEngine } from './index.js';
import { parseLine } from './cli/parse-line.js';

const FLUSH_AT = 64 * 1024;

async function main(): Promise<void> {
  const engine = createFilterEngine({ siteDomains: siteDomainsFromArgs() });
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    // The reader went away (`| head`): stop quietly.
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNumber = 0;
  let pending = '';
  for await (const raw of lines) {
    lineNumber++;
    pending += `${JSON.stringify(judge(engine, raw, lineNumber))}\n`;
    if (pending.length >= FLUSH_AT) {
      await write(pending);
      pending = '';
    }
  }
  if (pending) await write(pending);
}

function judge(engine: ReturnType<typeof createFilterEngine>, raw: string, lineNumber: number): object {
  const parsed = parseLine(raw, lineNumber);
  if ('error' in parsed) return { line: lineNumber, error: parsed.error };
  const { action, score, reasons, lexiconVersion } = engine.evaluate(parsed.text);
  return { id: parsed.id, action, score, reasons, lexiconVersion };
}

async function write(chunk: string): Promise<void> {
  if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
}

function siteDomainsFromArgs(): string[] {
  const flag = process.argv.find((a) => a.startsWith('--site-domains='));
  const value = flag ? flag.slice('--site-domains='.length) : (process.env.FILTER_SITE_DOMAINS ?? '');
  return value
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
}

// Let the process end by itself once stdout is flushed; exit code 0 even on a read error.
main().catch((err: unknown) => {
  process.stderr.write(`filter: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 0;
});
