/**
 * HTTP/1.1 over a bare TCP socket, for what fetch() cannot do: announce a body it never sends
 * (a 50 MB Content-Length with only its first bytes), or stream a chunked body slowly. The
 * answer is read as soon as the server writes it, whether or not the body was ever finished.
 */
import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Milliseconds from connecting to the end of the answer. */
  ms: number;
}

export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Sent one after another; a write error (the server closed early) stops sending, not the read. */
  chunks?: Array<string | Buffer>;
  /** Frame `chunks` as Transfer-Encoding: chunked (and end with the zero chunk). */
  chunked?: boolean;
  timeoutMs?: number;
}

export function rawRequest(baseUrl: string, req: RawRequest): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) return reject(error);
      const answer = parseAnswer(received, Date.now() - started);
      if (answer) resolve(answer);
      else reject(new Error(`no complete HTTP answer (${received.length} bytes received)`));
    };
    const timer = setTimeout(
      () => finish(new Error(`no answer within ${req.timeoutMs ?? 5_000} ms (${received.length} bytes received)`)),
      req.timeoutMs ?? 5_000,
    );
    socket.on('data', (data: Buffer) => {
      received = Buffer.concat([received, data]);
      if (parseAnswer(received, 0)) finish();
    });
    socket.on('error', () => {
      // EPIPE/ECONNRESET while we were still sending: the answer may already be in `received`.
      if (parseAnswer(received, 0)) finish();
    });
    socket.on('close', () => finish(parseAnswer(received, 0) ? undefined : new Error(`connection closed without an answer`)));
    socket.on('connect', async () => {
      const head = [
        `${req.method} ${req.path} HTTP/1.1`,
        `Host: ${hostname}:${port}`,
        ...Object.entries(req.headers).map(([k, v]) => `${k}: ${v}`),
      ];
      if (req.chunked) head.push('Transfer-Encoding: chunked');
      socket.write(`${head.join('\r\n')}\r\n\r\n`);
      for (const chunk of req.chunks ?? []) {
        if (settled || socket.destroyed) return;
        const bytes = Buffer.from(chunk);
        const framed = req.chunked ? Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n')]) : bytes;
        const flushed = socket.write(framed);
        if (!flushed)
          await new Promise<void>((r) => {
            socket.once('drain', r);
            socket.once('close', r);
          });
      }
      if (req.chunked && !settled && !socket.destroyed) socket.write('0\r\n\r\n');
    });
  });
}

/** The first complete answer in `bytes` (Content-Length or chunked body), or null. */
function parseAnswer(bytes: Buffer, ms: number): RawAnswer | null {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const [statusLine, ...lines] = bytes.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rest = bytes.subarray(end + 4);
  let body: Buffer;
  if (headers['transfer-encoding']?.includes('chunked')) {
    const parts: Buffer[] = [];
    let at = 0;
    for (;;) {
      const lineEnd = rest.indexOf('\r\n', at);
      if (lineEnd < 0) return null;
      const size = parseInt(rest.subarray(at, lineEnd).toString('latin1'), 16);
      if (size === 0) break;
      if (rest.length < lineEnd + 2 + size) return null;
      parts.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
    body = Buffer.concat(parts);
  } else {
    const length = Number(headers['content-length'] ?? 0);
    if (rest.length < length) return null;
    body = rest.subarray(0, length);
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: body.toString('utf8'), ms };
}
