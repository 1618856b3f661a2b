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

/**
 * A warning for a failure that repeats on every request while a dependency is down (a cache
 * write, a cache read): logged when it starts, then at most once per `intervalMs` with how
 * many were left out, so an outage of Redis does not flood the logs with one line per request.
 */
export function throttledWarning(logger: Logger, message: string, intervalMs = 30_000) {
  let lastLoggedAt = Number.NEGATIVE_INFINITY;
  let suppressed = 0;
  return (fields: Record<string, unknown>) => {
    const now = Date.now();
    if (now - lastLoggedAt < intervalMs) {
      suppressed++;
      return;
    }
    logger.warn(suppressed > 0 ? { ...fields, suppressed } : fields, message);
    lastLoggedAt = now;
    suppressed = 0;
  };
}
