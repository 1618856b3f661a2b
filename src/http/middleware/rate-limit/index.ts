/**
 * Rate limits shared by every api copy, counted in Redis (rate-limiter-flexible).
 *
 *   const limiter = createRateLimiter({ redis, keyPrefix: keys.rateLimit('captcha'), points: 30, durationSeconds: 60 });
 *   routes.get('/captcha', rateLimit({ limiter }), handler);   // as middleware, keyed on c.get('clientIp')
 *   await consume(limiter, clientIp);                          // or inline, from a route or use case
 *
 * Over the limit: throws `AppError('rate_limited', undefined, retryAfterSeconds)` (429 with
 * Retry-After). Redis unreachable: throws `unavailable()` (503). We deliberately have no
 * in-memory insurance limiter: with several api copies a per-process fallback silently
 * multiplies the limit, and the contract says "503 when Redis is unreachable".
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError, unavailable } from '../../../errors.js';

export interface RateLimiterOptions {
  /** The api's command connection (fails fast when Redis is down). */
  redis: Redis;
  /** From keys.rateLimit(name): every counter of this limit lives under it. */
  keyPrefix: string;
  /** Events allowed per window. */
  points: number;
  /** Window length. */
  durationSeconds: number;
}

export interface RateLimiter {
  /** Counts one event for `key`; throws rate_limited (429) or unavailable (503). */
  consume(key: string): Promise<void>;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const limiter = new RateLimiterRedis({
    storeClient: options.redis,
    keyPrefix: options.keyPrefix,
    points: options.points,
    duration: options.durationSeconds,
    // Reject at once when the connection is down instead of waiting for a command timeout.
    rejectIfRedisNotReady: true,
  });
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
      } catch (rejection) {
        // rate-limiter-flexible rejects with a RateLimiterRes when over the limit, and with an
        // Error when the store failed: only the first is the client's fault.
        if (rejection instanceof RateLimiterRes) {
          throw new AppError('rate_limited', undefined, Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
        }
        throw unavailable(5, rejection);
      }
    },
  };
}

/** Plain-function form, for routes and use cases that limit inline rather than as middleware. */
export function consume(limiter: RateLimiter, key: string): Promise<void> {
  return limiter.consume(key);
}

export interface RateLimitMiddlewareOptions {
  limiter: RateLimiter;
  /** What to count per; default the client IP set by the client-ip middleware. */
  keyOf?: (c: Context) => string;
}

/** Middleware form: counts one event per request before the handler runs. */
export function rateLimit(options: RateLimitMiddlewareOptions): MiddlewareHandler {
  const keyOf = options.keyOf ?? ((c: Context) => c.get('clientIp'));
  return async function rateLimitMiddleware(c, next) {
    await options.limiter.consume(keyOf(c));
    await next();
  };
}
