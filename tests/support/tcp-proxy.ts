/**
 * A TCP proxy on 127.0.0.1 that a test can switch off: `down()` destroys every open
 * connection and refuses new ones (the listener stays bound, each new socket is reset at
 * once), `up()` forwards again. Used to make PostgreSQL unreachable without touching it.
 */
import { connect, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /** Connections accepted and forwarded so far. */
  readonly forwarded: number;
  down(): void;
  up(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let isUp = true;
  let forwarded = 0;
  const server = createServer((client) => {
    if (!isUp) {
      client.resetAndDestroy();
      return;
    }
    forwarded++;
    const upstream = connect(targetPort, targetHost);
    open.add(client);
    open.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    get forwarded() {
      return forwarded;
    },
    down() {
      isUp = false;
      for (const socket of open) socket.destroy();
      open.clear();
    },
    up() {
      isUp = true;
    },
    close: () =>
      new Promise<void>((done) => {
        isUp = false;
        for (const socket of open) socket.destroy();
        server.close(() => done());
      }),
  };
}
