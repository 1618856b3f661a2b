/**
 * The receivers docs/INTEGRATION.md gives the news site, run as written (the code blocks are
 * read from the document) against deliveries signed by the service's own code: a fresh
 * delivery is taken once, a retry with the same X-Webhook-Id is answered 2xx but not applied
 * twice, and a changed timestamp, a stale or a future one, a wrong signature are refused.
 * The PHP one runs under `php -S` when php is installed, with a stand-in for the `$pdo` the
 * snippet expects (MySQL's INSERT IGNORE kept in files).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deliverWebhook, webhookBody, webhookSignature } from '../../src/publish/webhook.js';
import { freePort } from '../support/ports.js';
import { stopChild } from '../support/processes.js';
import { waitFor } from '../support/wait.js';

const SECRET = 'bi-mat-chung-voi-toa-soan';
const doc = readFileSync(join(process.cwd(), 'docs/INTEGRATION.md'), 'utf8');

/** The first fenced block of `lang` after `heading` in INTEGRATION.md. */
function snippet(heading: string, lang: string): string {
  const from = doc.indexOf(heading);
  expect(from, `heading ${heading}`).toBeGreaterThanOrEqual(0);
  const match = new RegExp('```' + lang + '\\n([\\s\\S]*?)\\n```').exec(doc.slice(from));
  expect(match, `${lang} block after ${heading}`).not.toBeNull();
  return match![1];
}

const hasPhp = spawnSync('php', ['--version']).status === 0;

/** A FakePdo for the PHP snippet: `INSERT IGNORE` ids and `UPDATE articles` rows go to files. */
const FAKE_PDO = `<?php
final class FakeStatement {
    private int $rows = 0;
    public function __construct(private string $sql) {}
    public function execute(array $params): bool {
        $dir = getenv('FAKE_DB_DIR');
        if (str_starts_with($this->sql, 'INSERT IGNORE INTO webhook_deliveries')) {
            $file = $dir . '/ids.txt';
            $ids = is_file($file) ? file($file, FILE_IGNORE_NEW_LINES) : [];
            $this->rows = in_array($params[0], $ids, true) ? 0 : 1;
            if ($this->rows === 1) file_put_contents($file, $params[0] . "\\n", FILE_APPEND | LOCK_EX);
            return true;
        }
        if (str_starts_with($this->sql, 'UPDATE articles')) {
            file_put_contents($dir . '/applied.txt', $params[2] . ' ' . $params[0] . "\\n", FILE_APPEND | LOCK_EX);
            $this->rows = 1;
            return true;
        }
        throw new RuntimeException('unexpected SQL ' . $this->sql);
    }
    public function rowCount(): int { return $this->rows; }
}
final class FakePdo {
    public function prepare(string $sql): FakeStatement { return new FakeStatement($sql); }
}
$pdo = new FakePdo();
`;

interface Receiver {
  url: string;
  /** `articleId count` of every event the receiver applied. */
  applied(): string[];
  stop(): Promise<void>;
}

async function started(child: ChildProcess, port: number, output: () => string): Promise<void> {
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`receiver exited: ${output()}`);
      return fetch(`http://127.0.0.1:${port}/`, { method: 'HEAD' }).then(
        () => true,
        () => false,
      );
    },
    20_000,
    50,
  );
}

async function startNodeReceiver(): Promise<Receiver> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--input-type=module', '-e', snippet('### Node.js', 'js')], {
    env: { PATH: process.env.PATH ?? '', SITE_WEBHOOK_SECRET: SECRET, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  await started(child, port, () => out);
  return {
    url: `http://127.0.0.1:${port}/hooks/binh-luan`,
    applied: () => out.split('\n').filter(Boolean),
    stop: () => stopChild(child, 'SIGTERM'),
  };
}

async function startPhpReceiver(): Promise<Receiver> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'cm-php-hook-'));
  writeFileSync(join(dir, 'fake-pdo.php'), FAKE_PDO);
  writeFileSync(join(dir, 'hook.php'), snippet('### PHP', 'php'));
  writeFileSync(join(dir, 'router.php'), `<?php\nrequire __DIR__ . '/fake-pdo.php';\nrequire __DIR__ . '/hook.php';\n`);
  const child = spawn('php', ['-S', `127.0.0.1:${port}`, join(dir, 'router.php')], {
    env: { PATH: process.env.PATH ?? '', SITE_WEBHOOK_SECRET: SECRET, FAKE_DB_DIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  await started(child, port, () => out);
  const appliedFile = join(dir, 'applied.txt');
  return {
    url: `http://127.0.0.1:${port}/hooks/binh-luan`,
    applied: () => (existsSync(appliedFile) ? readFileSync(appliedFile, 'utf8').split('\n').filter(Boolean) : []),
    async stop() {
      await stopChild(child, 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const receivers: Receiver[] = [];
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.stop()));
});

describe.each([
  { name: 'Node.js', start: startNodeReceiver, skip: false },
  { name: 'PHP', start: startPhpReceiver, skip: !hasPhp },
])('INTEGRATION.md webhook receiver ($name)', ({ start, skip }) => {
  const body = webhookBody({
    event: 'comment.published',
    articleId: '2026/11/tan-phong-thong-tuyen-duong',
    commentId: '01a2183e-0818-750c-8636-04782189164e',
    count: 3,
    at: '2026-11-26T14:24:09.242Z',
  });
  const now = () => Math.floor(Date.now() / 1000);
  /** A request as an attacker or a broken proxy might send it, signed with `signedAt`. */
  const post = (url: string, id: string, timestamp: number | string, signature: string) =>
    fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-webhook-id': id,
        'x-webhook-timestamp': String(timestamp),
        'x-webhook-signature': signature,
      },
      body,
    });

  it.skipIf(skip)('takes a delivery once, answers its retry 2xx without applying it again, refuses replays and forgeries', async () => {
    const receiver = await start();
    receivers.push(receiver);
    const deliver = (deliveryId: string) => deliverWebhook({ url: receiver.url, secret: SECRET, deliveryId, body, timeoutMs: 5_000 });

    // A delivery, then a retry of it (same id, its own timestamp and signature).
    expect(await deliver('wh-1')).toMatchObject({ status: 204 });
    expect(await deliver('wh-1')).toMatchObject({ status: 204 });
    expect(receiver.applied()).toEqual(['2026/11/tan-phong-thong-tuyen-duong 3']);

    const ts = now();
    const signed = webhookSignature(SECRET, ts, body);
    expect((await post(receiver.url, 'wh-2', ts, signed)).status).toBe(204); // what the service sends
    // The same signature under another timestamp: refused.
    expect((await post(receiver.url, 'wh-3', ts + 1, signed)).status).toBe(401);
    expect((await post(receiver.url, 'wh-3', ts - 60, signed)).status).toBe(401);
    // Signed right, but more than 5 minutes old or ahead: refused.
    expect((await post(receiver.url, 'wh-4', ts - 301, webhookSignature(SECRET, ts - 301, body))).status).toBe(401);
    expect((await post(receiver.url, 'wh-5', ts + 301, webhookSignature(SECRET, ts + 301, body))).status).toBe(401);
    // Signed with another secret, over the body alone (the old scheme), or not a number.
    expect((await post(receiver.url, 'wh-6', ts, webhookSignature('khac', ts, body))).status).toBe(401);
    expect((await post(receiver.url, 'wh-6', ts, `sha256=${'0'.repeat(64)}`)).status).toBe(401);
    expect((await post(receiver.url, 'wh-6', `${ts}.5`, webhookSignature(SECRET, ts, body))).status).toBe(401);
    // A replay of wh-2 inside the window is signed right: the id makes it a no-op.
    expect((await post(receiver.url, 'wh-2', ts, signed)).status).toBe(204);
    expect(receiver.applied()).toEqual(['2026/11/tan-phong-thong-tuyen-duong 3', '2026/11/tan-phong-thong-tuyen-duong 3']);
  });
});
