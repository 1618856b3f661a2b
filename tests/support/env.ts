/** The environment a service runs with under test, in process or as a child. */
import { REDIS_URL } from './redis.js';

/** Every captcha accepts this answer under NODE_ENV=test (CAPTCHA_TEST_ANSWER). */
export const TEST_CAPTCHA_ANSWER = 'testpass';

export function testEnv(prefix: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    REDIS_URL,
    REDIS_PREFIX: prefix,
    CAPTCHA_TEST_ANSWER: TEST_CAPTCHA_ANSWER,
    CAPTCHA_POOL_SIZE: '5',
    // Generous defaults so tests that are not about rate limits never hit them.
    RATE_LIMIT_COMMENTS: '1000/60',
    RATE_LIMIT_CAPTCHAS: '1000/60',
    ...extra,
  };
}
