import { describe, expect, it } from 'vitest';
import {
  checkEvictionPolicy,
  checkMigrations,
  checkPersistence,
  checkRedisVersion,
  isRedisVersionSupported,
  parseRedisInfo,
  redisFindings,
} from '../../src/ops/startup-checks.js';

const production = { isProduction: true };
const development = { isProduction: false };

describe('parseRedisInfo', () => {
  it('reads field:value lines and skips section headers', () => {
    const info = parseRedisInfo(
      '# Server\r\nredis_version:7.2.4\r\nredis_mode:standalone\r\n\r\n# Memory\r\nmaxmemory_policy:noeviction\r\n',
    );
    expect(info).toEqual({ redis_version: '7.2.4', redis_mode: 'standalone', maxmemory_policy: 'noeviction' });
  });
});

describe('Redis version', () => {
  it.each([
    ['6.2.0', true],
    ['6.2.14', true],
    ['7.0.15', true],
    ['10.0.0', true],
    ['6.0.20', false],
    ['5.0.7', false],
    ['6.1.9', false],
    ['garbage', false],
  ])('%s supported: %s', (version, ok) => {
    expect(isRedisVersionSupported(version)).toBe(ok);
  });

  it('refuses an old Redis with an error naming the version', () => {
    expect(checkRedisVersion({ redis_version: '6.0.9' })).toEqual([
      expect.objectContaining({ level: 'error', check: 'redis_version', message: expect.stringContaining('6.0.9') }),
    ]);
  });
});

describe('maxmemory-policy', () => {
  it('accepts noeviction everywhere', () => {
    expect(checkEvictionPolicy({ maxmemory_policy: 'noeviction' }, production)).toEqual([]);
  });
  it('refuses an eviction policy in production', () => {
    expect(checkEvictionPolicy({ maxmemory_policy: 'allkeys-lru' }, production)).toEqual([
      expect.objectContaining({ level: 'error', check: 'maxmemory_policy' }),
    ]);
  });
  it('only warns in development', () => {
    expect(checkEvictionPolicy({ maxmemory_policy: 'volatile-lru' }, development)).toEqual([
      expect.objectContaining({ level: 'warn', check: 'maxmemory_policy' }),
    ]);
  });
});

describe('append-only file', () => {
  it('warns in production when AOF is off', () => {
    expect(checkPersistence({ aof_enabled: '0' }, production)).toEqual([expect.objectContaining({ level: 'warn', check: 'aof_enabled' })]);
  });
  it('is quiet with AOF on, and in development', () => {
    expect(checkPersistence({ aof_enabled: '1' }, production)).toEqual([]);
    expect(checkPersistence({ aof_enabled: '0' }, development)).toEqual([]);
  });
});

describe('migrations', () => {
  it('refuses to start with pending migrations', () => {
    expect(checkMigrations(['301_x'])).toEqual([expect.objectContaining({ level: 'error', message: expect.stringContaining('301_x') })]);
    expect(checkMigrations([])).toEqual([]);
  });
});

describe('redisFindings', () => {
  it('a well configured production Redis passes', () => {
    expect(redisFindings({ redis_version: '7.2.4', maxmemory_policy: 'noeviction', aof_enabled: '1' }, production)).toEqual([]);
  });
  it('collects every problem at once', () => {
    const findings = redisFindings({ redis_version: '6.0.0', maxmemory_policy: 'allkeys-lru', aof_enabled: '0' }, production);
    expect(findings.map((f) => f.check).sort()).toEqual(['aof_enabled', 'maxmemory_policy', 'redis_version']);
  });
});
