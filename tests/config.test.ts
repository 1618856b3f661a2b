import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('accepts CAPTCHA_TEST_ANSWER only with NODE_ENV=test', () => {
    expect(loadConfig({ NODE_ENV: 'test', CAPTCHA_TEST_ANSWER: 'x' }).captcha.testAnswer).toBe('x');
    expect(() => loadConfig({ NODE_ENV: 'development', CAPTCHA_TEST_ANSWER: 'x' })).toThrow(ConfigError);
  });

  it('reads the captcha settings with their documented defaults', () => {
    const config = loadConfig({});
    expect(config.captcha).toEqual({ ttlSeconds: 300, testAnswer: undefined, poolSize: 200, renderThreads: 0 });
    expect(config.rateLimits.captchas).toEqual({ points: 30, durationSeconds: 60 });
    expect(loadConfig({ RATE_LIMIT_CAPTCHAS: '3/10' }).rateLimits.captchas).toEqual({ points: 3, durationSeconds: 10 });
    expect(() => loadConfig({ CAPTCHA_TTL_SECONDS: '5' })).toThrow(ConfigError);
    expect(() => loadConfig({ RATE_LIMIT_CAPTCHAS: '30 per minute' })).toThrow(ConfigError);
  });
});

describe("readers' likes and reports: RATE_LIMIT_REACTIONS and RATE_LIMIT_REPORTS", () => {
  it('default to 60/60 and 10/60 (README), read count/seconds and refuse anything else with one clear line', () => {
    const { rateLimits } = loadConfig({});
    expect(rateLimits.reactions).toEqual({ points: 60, durationSeconds: 60 });
    expect(rateLimits.reports).toEqual({ points: 10, durationSeconds: 60 });
    const set = loadConfig({ RATE_LIMIT_REACTIONS: '600/60', RATE_LIMIT_REPORTS: '3/3600' }).rateLimits;
    expect([set.reactions, set.reports]).toEqual([
      { points: 600, durationSeconds: 60 },
      { points: 3, durationSeconds: 3600 },
    ]);
    for (const name of ['RATE_LIMIT_REACTIONS', 'RATE_LIMIT_REPORTS']) {
      for (const value of ['60', '0/60', '60/0', 'sixty/60']) expect(() => loadConfig({ [name]: value }), value).toThrow(new RegExp(name));
    }
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

describe('PRIVACY_URL', () => {
  it('is unset by default and kept as given when it is an http(s) URL', () => {
    expect(loadConfig({}).privacyUrl).toBeUndefined();
    expect(loadConfig({ PRIVACY_URL: 'https://baosonha.vn/chinh-sach-bao-mat' }).privacyUrl).toBe('https://baosonha.vn/chinh-sach-bao-mat');
    expect(loadConfig({ PRIVACY_URL: '' }).privacyUrl).toBeUndefined();
  });

  it.each(['javascript:alert(1)', '/chinh-sach', 'baosonha.vn/chinh-sach'])('refuses %s with one clear line', (value) => {
    expect(() => loadConfig({ PRIVACY_URL: value })).toThrow(/^Invalid configuration: PRIVACY_URL must be a URL/);
  });
});

describe('Redis Sentinel: REDIS_SENTINELS, REDIS_SENTINEL_NAME, REDIS_MIN_REPLICA_ACKS', () => {
  it('is off by default: one Redis at REDIS_URL, no replica waited for', () => {
    const config = loadConfig({});
    expect(config.redisSentinel).toBeUndefined();
    expect(config.redisReplicaAcks).toEqual({ replicas: 0, timeoutMs: 500 });
  });

  it('reads the sentinels and the master name, and then waits for one replica unless told otherwise', () => {
    const config = loadConfig({ REDIS_SENTINELS: '10.0.0.1:26379, sentinel-b:26380', REDIS_SENTINEL_NAME: 'cm-primary' });
    expect(config.redisSentinel).toEqual({
      sentinels: [
        { host: '10.0.0.1', port: 26379 },
        { host: 'sentinel-b', port: 26380 },
      ],
      name: 'cm-primary',
      password: undefined,
    });
    expect(config.redisReplicaAcks.replicas).toBe(1);
    const tuned = loadConfig({
      REDIS_SENTINELS: 's:1',
      REDIS_SENTINEL_NAME: 'm',
      REDIS_MIN_REPLICA_ACKS: '0',
      REDIS_REPLICA_ACK_TIMEOUT_MS: '200',
    });
    expect(tuned.redisReplicaAcks).toEqual({ replicas: 0, timeoutMs: 200 });
  });

  it('refuses a sentinel list without ports, or without the master name, with one clear line', () => {
    expect(() => loadConfig({ REDIS_SENTINELS: 'sentinel-a', REDIS_SENTINEL_NAME: 'm' })).toThrow(/REDIS_SENTINELS must be host:port/);
    expect(() => loadConfig({ REDIS_SENTINELS: 'sentinel-a:26379' })).toThrow(/REDIS_SENTINEL_NAME is required/);
    expect(() => loadConfig({ REDIS_REPLICA_ACK_TIMEOUT_MS: '5000' })).toThrow(/REDIS_REPLICA_ACK_TIMEOUT_MS/);
  });
});

describe('Redis Cluster: REDIS_CLUSTER_NODES', () => {
  it('reads the seed nodes, and then waits for one replica unless told otherwise', () => {
    const config = loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-b:7001' });
    expect(config.redisCluster).toEqual([
      { host: '10.0.0.1', port: 7000 },
      { host: 'redis-b', port: 7001 },
    ]);
    expect(config.redisSentinel).toBeUndefined();
    expect(config.redisReplicaAcks.replicas).toBe(1);
    expect(loadConfig({ REDIS_CLUSTER_NODES: 'a:1', REDIS_MIN_REPLICA_ACKS: '0' }).redisReplicaAcks.replicas).toBe(0);
    expect(loadConfig({}).redisCluster).toBeUndefined();
    expect(loadConfig({ REDIS_CLUSTER_NODES: 'a:1', REDIS_URL: 'redis://user:secret@ignored:6379/0' }).redisCluster).toHaveLength(1);
  });

  it('refuses Sentinel beside it, a database number and nodes without ports, with one clear line', () => {
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'a:1', REDIS_SENTINELS: 's:1', REDIS_SENTINEL_NAME: 'm' })).toThrow(
      /^Invalid configuration: REDIS_CLUSTER_NODES and REDIS_SENTINELS exclude each other/,
    );
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'a:1', REDIS_URL: 'redis://127.0.0.1:6379/2' })).toThrow(
      /REDIS_URL must not name a database with REDIS_CLUSTER_NODES/,
    );
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'a:1', REDIS_URL: 'redis://127.0.0.1:6379?db=3' })).toThrow(
      /REDIS_URL must not name a database/,
    );
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'node-a' })).toThrow(/REDIS_CLUSTER_NODES must be host:port/);
  });
});
