/**
 * Sets `clientIp`: the address rate limits, bans and the stored comment key on (API.md).
 *
 * `trustProxy` is how many proxies of ours stand in front (TRUST_PROXY=N). Each proxy appends
 * the address it received the request from to X-Forwarded-For, so the Nth address from the
 * right is what our outermost proxy saw: the client. Everything to the left of it was written
 * by the client (or proxies of theirs) and is ignored, whatever it says. When that place holds
 * no IP address (node:net isIP; fewer hops than proxies, garbage, a port), the socket address
 * is used, so a header can never make the client IP something that is not an address.
 * With N = 0 (the default) the header is not read at all.
 */
import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';

declare module 'hono' {
  interface ContextVariableMap {
    clientIp: string;
  }
}

export function clientIp(options: { trustProxy: number }): MiddlewareHandler {
  return async function clientIpMiddleware(c, next) {
    c.set('clientIp', clientIpOf(c, options.trustProxy));
    await next();
  };
}

/** The client address of `c` behind `hops` proxies of ours; the hot path calls it itself (src/http/hot-path). */
export function clientIpOf(c: Context, hops: number): string {
  let ip = hops > 0 ? forwardedFor(c.req.header('x-forwarded-for'), hops) : undefined;
  if (!ip) {
    try {
      ip = getConnInfo(c).remote.address;
    } catch {
      ip = undefined; // app.request() in unit tests has no socket
    }
  }
  return normalizeIp(ip ?? 'unknown');
}

/**
 * The `hops`th address from the right of an X-Forwarded-For value (several headers arrive
 * joined by commas), or undefined when there is no IP address in that place.
 */
export function forwardedFor(header: string | undefined, hops: number): string | undefined {
  if (!header || hops < 1) return undefined;
  const parts = header.split(',');
  if (parts.length < hops) return undefined;
  const candidate = parts[parts.length - hops]!.trim();
  return isIP(candidate) ? candidate : undefined;
}

/** `::ffff:127.0.0.1` and `127.0.0.1` are the same client; IPv6 in one spelling of its letters. */
function normalizeIp(ip: string): string {
  const lower = ip.toLowerCase();
  return lower.startsWith('::ffff:') && isIP(lower.slice(7)) === 4 ? lower.slice(7) : lower;
}
