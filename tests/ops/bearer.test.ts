import { describe, expect, it } from 'vitest';
import { bearerMatches } from '../../src/ops/bearer.js';

describe('bearerMatches', () => {
  it('accepts the exact token', () => {
    expect(bearerMatches('Bearer s3cret-token', 's3cret-token')).toBe(true);
    expect(bearerMatches('bearer s3cret-token', 's3cret-token')).toBe(true);
  });
  it('refuses a missing, different, prefixed or bare token', () => {
    expect(bearerMatches(undefined, 's3cret-token')).toBe(false);
    expect(bearerMatches('', 's3cret-token')).toBe(false);
    expect(bearerMatches('Bearer s3cret-tokem', 's3cret-token')).toBe(false);
    expect(bearerMatches('Bearer s3cret-token-and-more', 's3cret-token')).toBe(false);
    expect(bearerMatches('s3cret-token', 's3cret-token')).toBe(false);
    expect(bearerMatches('Basic s3cret-token', 's3cret-token')).toBe(false);
  });
});
