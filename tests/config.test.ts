import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

/**
 * Starts `npx tsx src/main.ts` with exactly `env` (plus PATH/HOME) and collects how it ends.
 * npx + tsx start-up takes seconds on a busy machine, hence the generous timeouts.
 */
function startMain(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/main.ts'], {
      cwd: process.cwd(),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 55_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

describe('a bad setting stops the start with exit 1 and one clear line', () => {
  it.each([
    ['CAPTCHA_TEST_ANSWER outside NODE_ENV=test', { NODE_ENV: 'production', CAPTCHA_TEST_ANSWER: 'x' }, /CAPTCHA_TEST_ANSWER .*NODE_ENV=test/],
    ['a malformed REDIS_URL', { REDIS_URL: 'localhost:6379' }, /REDIS_URL must be a URL/],
    ['a DATABASE_URL that is not PostgreSQL', { DATABASE_URL: 'mysql://db/comments' }, /DATABASE_URL must be a URL/],
  ])('%s', { timeout: 60_000 }, async (_name, env, expected) => {
    const { code, stderr, stdout } = await startMain(env);
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid configuration: /);
    expect(lines[0]).toMatch(expected);
    expect(stdout).toBe(''); // nothing started, nothing logged
  });
});

describe('loadConfig', () => {
  it('accepts CAPTCHA_TEST_ANSWER only with NODE_ENV=test', () => {
    expect(loadConfig({ NODE_ENV: 'test', CAPTCHA_TEST_ANSWER: 'x' }).captcha.testAnswer).toBe('x');
    expect(() => loadConfig({ NODE_ENV: 'development', CAPTCHA_TEST_ANSWER: 'x' })).toThrow(ConfigError);
  });

  it('reads the captcha settings with their documented defaults', () => {
    const config = loadConfig({});
    expect(config.captcha).toEqual({ ttlSeconds: 300, testAnswer: undefined, poolSize: 200 });
    expect(config.rateLimits.captchas).toEqual({ points: 30, durationSeconds: 60 });
    expect(loadConfig({ RATE_LIMIT_CAPTCHAS: '3/10' }).rateLimits.captchas).toEqual({ points: 3, durationSeconds: 10 });
    expect(() => loadConfig({ CAPTCHA_TTL_SECONDS: '5' })).toThrow(ConfigError);
    expect(() => loadConfig({ RATE_LIMIT_CAPTCHAS: '30 per minute' })).toThrow(ConfigError);
  });
});

describe('TRUST_PROXY', () => {
  it('is the number of our proxies in front, 0 by default; TRUST_PROXY=1 keeps working', () => {
    expect(loadConfig({}).trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
  });

  it.each(['-1', '1.5', 'yes', 'true', 'abc', '1,2'])('refuses %s with one clear line', (value) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY .*non-negative integer/);
  });
});

describe('production defaults: DEMO and METRICS_PUBLIC', () => {
  it('DEMO is off by default in production and on elsewhere; an explicit value wins', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).demo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', DEMO: '1' }).demo).toBe(true);
    expect(loadConfig({}).demo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).demo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', DEMO: '0' }).demo).toBe(false);
  });

  it('METRICS_PUBLIC is a flag, off by default', () => {
    expect(loadConfig({}).metricsPublic).toBe(false);
    expect(loadConfig({ METRICS_PUBLIC: '1' }).metricsPublic).toBe(true);
    expect(loadConfig({ METRICS_PUBLIC: '0' }).metricsPublic).toBe(false);
  });

  it.each(['2', 'public', 'maybe'])('refuses METRICS_PUBLIC=%s with one clear line', (value) => {
    expect(() => loadConfig({ METRICS_PUBLIC: value })).toThrow(/^Invalid configuration: METRICS_PUBLIC /);
  });
});
