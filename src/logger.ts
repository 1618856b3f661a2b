/**
 * The one logger. JSON lines (pino) on stdout, level from LOG_LEVEL. Never log comment text,
 * email addresses or passwords at info level: log ids and codes instead. The redaction
 * below is a safety net for a mistake, not a licence to pass such objects.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, base: Record<string, unknown> = {}, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'comments', ...base },
    redact: {
      paths: ['*.password', '*.authorEmail', '*.content', 'password', 'authorEmail', 'content', 'req.headers.cookie'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
