/** Starts the HTTP server and stops it gracefully: no new connections, in-flight requests finish. */
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';

export interface HttpServer {
  port: number;
  close(timeoutMs: number): Promise<void>;
}

/** `onRequest` is told of every request as it arrives (npm start's api-first, src/ops/api-first.ts). */
export async function startHttpServer(app: Hono, port: number, host: string, onRequest?: () => void): Promise<HttpServer> {
  const fetch: typeof app.fetch = onRequest
    ? (request, ...rest) => {
        onRequest();
        return app.fetch(request, ...rest);
      }
    : app.fetch;
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch, port, hostname: host }, () => resolve(s));
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  return {
    port: boundPort,
    close: (timeoutMs) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          // Past the deadline, cut the remaining (SSE, keep-alive) connections.
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          resolve();
        }, timeoutMs);
        (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}
