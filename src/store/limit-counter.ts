/**
 * A rate limit's counter as rate-limiter-flexible's RateLimiterRedis keeps it in Redis, for the
 * Lua scripts that count an event in the same round trip as their own work (GET /v1/captcha:
 * src/captcha/store.ts; POST /v1/comments: src/comments/first-checks.ts). Counted there or by
 * the limiter itself, it is the same counter under the same rule.
 */
export interface LimitCounter {
  /** `<keyPrefix>:<key>`: the events so far, expiring with the window. */
  key: string;
  /** Events allowed per window. */
  points: number;
  durationSeconds: number;
}

/**
 * A Lua function for the scripts above: counts one event in `key` exactly as
 * rate-limiter-flexible's incrTtlLuaScript does with 1 point (the window starts at the first
 * event) and returns the events counted so far and the ms before the window ends.
 * Over the limit means `consumed > points`.
 */
export const COUNT_EVENT_LUA = `
local function count_event(key, window)
  redis.call('set', key, 0, 'EX', window, 'NX')
  local consumed = redis.call('incrby', key, 1)
  local ttl = redis.call('pttl', key)
  if ttl == -1 then
    redis.call('expire', key, window)
    ttl = 1000 * window
  end
  return consumed, ttl
end
`;
