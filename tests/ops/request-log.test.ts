import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/http/app.js';
import { createLogger } from '../../src/logger.js';
import { startHttpServer, type HttpServer } from '../../src/server.js';
import { createServices, type Services } from '../../src/services.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { TEST_CAPTCHA_ANSWER, testEnv } from '../support/env.js';
import { uniqueName } from '../support/names.js';
import { deleteRedisPrefix } from '../support/redis.js';

/** Every JSON line the service logs, kept in memory. */
class LogCapture extends Writable {
  lines: Record<string, unknown>[] = [];
  raw = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void) {
    this.raw += chunk.toString('utf8');
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) this.lines.push(JSON.parse(line));
    done();
  }
}

describe('request log', () => {
  const prefix = uniqueName('t');
  const capture = new LogCapture();
  let database: TestDatabase;
  let services: Services;
  let server: HttpServer;
  const base = () => `http://127.0.0.1:${server.port}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = loadConfig(testEnv(prefix, { DATABASE_URL: database.url, LOG_LEVEL: 'info' }));
    services = await createServices(config, { logger: createLogger('info', {}, capture) });
    server = await startHttpServer(createApp(services), 0, '127.0.0.1');
  });
  afterAll(async () => {
    await server.close(1_000);
    await services.close();
    await deleteRedisPrefix(prefix);
    await database.drop();
  });

  it('logs one info line per request with method, route, status, duration and request id, and no comment text or email', async () => {
    const captcha = (await (await fetch(`${base()}/v1/captcha`)).json()) as { id: string };
    const secretText = 'Nội dung bí mật không được ghi vào nhật ký 7731';
    const secretEmail = 'nguoi-doc-7731@example.vn';
    const res = await fetch(`${base()}/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-ops-7731' },
      body: JSON.stringify({
        articleId: 'thoi-su/bai-7731',
        authorName: 'Trần Thị Bình',
        authorEmail: secretEmail,
        content: secretText,
        captchaId: captcha.id,
        captchaAnswer: TEST_CAPTCHA_ANSWER,
      }),
    });
    expect(res.status).toBe(202);

    const line = capture.lines.find((l) => l.requestId === 'req-ops-7731');
    expect(line).toMatchObject({ level: 30, method: 'POST', route: '/v1/comments', path: '/v1/comments', status: 202 });
    expect(typeof line!.durationMs).toBe('number');
    expect(capture.raw).not.toContain(secretText);
    expect(capture.raw).not.toContain('7731@example.vn');
    expect(capture.raw).not.toContain('Trần Thị Bình');
  });

  it('logs probes and scrapes at debug only, so they stay out of an info log', async () => {
    const before = capture.lines.length;
    await fetch(`${base()}/healthz`);
    await fetch(`${base()}/readyz`);
    expect(capture.lines.slice(before).filter((l) => l.msg === 'request')).toEqual([]);
  });
});
