/**
 * Rate limits shared by every api copy, counted in Redis (rate-limiter-flexible).
 *
 *   const limiter = createRateLimiter({ redis, keyPrefix: keys.rateLimit('captcha'), points: 30, durationSeconds: 60 });
 *   routes.get('/captcha', rateLimit({ limiter }), handler);   // as middleware, keyed on the client IP
 *   await consume(limiter, ipBucket(clientIp));                // or inline, from a route or use case
 *
 * Client addresses are counted by ipBucket(): IPv4 per address, IPv6 per /64.
 *
 * Over the limit: throws `AppError('rate_limited', undefined, retryAfterSeconds)` (429 with
 * Retry-After). Redis unreachable: throws `unavailable()` (503). We deliberately have no
 * in-memory insurance limiter: with several api copies a per-process fallback silently
 * multiplies the limit, and the contract says "503 when Redis is unreachable".
 */
import { isIPv6 } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited, unavailable } from '../../../errors.js';
import type { LimitCounter } from '../../../store/limit-counter.js';

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
  /**
   * The counter of `key` as rate-limiter-flexible keeps it in Redis (`<keyPrefix>:<key>`, the
   * events so far, expiring with the window), for a Lua script that counts an event in the same
   * round trip as its own work (GET /v1/captcha: src/captcha/store.ts; POST /v1/comments:
   * src/comments/first-checks.ts). Counting it there is
   * the same as consume(key).
   */
  counter(key: string): LimitCounter;
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
    counter: (key) => ({ key: limiter.getKey(key), points: options.points, durationSeconds: options.durationSeconds }),
    async consume(key) {
      try {
        await limiter.consume(key);
      } catch (rejection) {
        // rate-limiter-flexible rejects with a RateLimiterRes when over the limit, and with an
        // Error when the store failed: only the first is the client's fault.
        if (rejection instanceof RateLimiterRes) {
          throw rateLimited(rejection.msBeforeNext);
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

/**
 * The rate-limit key of a client address: an IPv4 address as is, an IPv6 address by its /64.
 * One IPv6 subscriber usually holds a whole /64, so counting single addresses would let a
 * bot rotate through 2^64 of them. Anything that is not an IPv6 address is returned unchanged.
 */
export function ipBucket(ip: string): string {
  const address = ip.split('%')[0]; // drop a zone id (fe80::1%eth0)
  if (!isIPv6(address)) return ip;
  const [head, tail] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4) fills two groups; it never reaches the first four.
  const tailLength = tailGroups.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
  const zeros = tail === undefined ? [] : Array(8 - headGroups.length - tailLength).fill('0');
  const groups = [...headGroups, ...zeros, ...tailGroups].slice(0, 4);
  return `${groups.map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}

export interface RateLimitMiddlewareOptions {
  limiter: RateLimiter;
  /** What to count per; default the client's address bucket, ipBucket(c.get('clientIp')). */
  keyOf?: (c: Context) => string;
}

/** Middleware form: counts one event per request before the handler runs. */
export function rateLimit(options: RateLimitMiddlewareOptions): MiddlewareHandler {
  const keyOf = options.keyOf ?? ((c: Context) => ipBucket(c.get('clientIp')));
  return async function rateLimitMiddleware(c, next) {
    await options.limiter.consume(keyOf(c));
    await next();
  };
}
