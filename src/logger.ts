/**
 * The one logger. JSON lines (pino). Never log comment text, email addresses or passwords
 * at info level: log ids and codes instead.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, base: Record<string, unknown> = {}): Logger {
  return pino({
    level,
    base: { service: 'comments', ...base },
    redact: {
      paths: ['*.password', '*.authorEmail', '*.content', 'password', 'authorEmail', 'content', 'req.headers.cookie'],
      censor: '[redacted]',
    },
  });
}
