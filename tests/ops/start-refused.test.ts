/**
 * A bad setting stops `src/main.ts` before anything starts: exit 1, one clear line on stderr,
 * nothing on stdout. (tests/config.test.ts checks the rules themselves, in process.)
 */
import { describe, expect, it } from 'vitest';
import { freePort } from '../support/ports.js';
import { runMain } from '../support/processes.js';
import { useTempDirs } from '../support/temp-dirs.js';

const tempDir = useTempDirs('start-refused');

describe('a bad setting stops the start with exit 1 and one clear line', () => {
  it.each([
    [
      'CAPTCHA_TEST_ANSWER outside NODE_ENV=test',
      { NODE_ENV: 'production', CAPTCHA_TEST_ANSWER: 'x' },
      /CAPTCHA_TEST_ANSWER .*NODE_ENV=test/,
    ],
    ['a malformed REDIS_URL', { REDIS_URL: 'localhost:6379' }, /REDIS_URL must be a URL/],
    ['a DATABASE_URL that is not PostgreSQL', { DATABASE_URL: 'mysql://db/comments' }, /DATABASE_URL must be a URL/],
  ])('%s', { timeout: 60_000 }, async (_name, env, expected) => {
    const { code, stderr, stdout } = await runMain([], env);
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid configuration: /);
    expect(lines[0]).toMatch(expected);
    expect(stdout).toBe(''); // nothing started, nothing logged
  });
});

describe('a start without Redis', () => {
  it('names the address it tried (password hidden) and how to get a Redis', { timeout: 150_000 }, async () => {
    const port = await freePort();
    const dataDir = await tempDir();
    const { code, stderr } = await runMain(
      [],
      {
        REDIS_URL: `redis://:s3cret@127.0.0.1:${port}/0`,
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
      },
      140_000, // PGlite's first migration plus the 10 s wait for Redis, on a loaded CI machine
    );
    expect(code).toBe(1);
    expect(stderr).toContain(`Redis not reachable at redis://:***@127.0.0.1:${port}/0 (REDIS_URL)`);
    expect(stderr).not.toContain('s3cret');
    expect(stderr).toContain('apt-get install redis-server');
    expect(stderr).toContain('docker compose up -d redis');
  });
});
