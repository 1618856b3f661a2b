/**
 * Sets `clientIp`: the socket address, or the first X-Forwarded-For hop when the service
 * runs behind a proxy we trust (TRUST_PROXY=1). Rate limits and bans key on it.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';

declare module 'hono' {
  interface ContextVariableMap {
    clientIp: string;
  }
}

export function clientIp(options: { trustProxy: boolean }): MiddlewareHandler {
  return async function clientIpMiddleware(c, next) {
    let ip: string | undefined;
    if (options.trustProxy) {
      ip = c.req.header('x-forwarded-for')?.split(',')[0]?.trim() || undefined;
    }
    if (!ip) {
      try {
        ip = getConnInfo(c).remote.address;
      } catch {
        ip = undefined; // app.request() in unit tests has no socket
      }
    }
    c.set('clientIp', normalizeIp(ip ?? 'unknown'));
    await next();
  };
}

/** `::ffff:127.0.0.1` and `127.0.0.1` are the same client. */
function normalizeIp(ip: string): string {
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}
