/**
 * The one Prometheus registry and every series of API.md's table. Counters are incremented
 * where things happen; gauges that need Redis or the database are collected on scrape
 * (see collectors registered by the ops routes), so nothing polls in the background.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const commentsAccepted = new Counter({
  name: 'comments_accepted_total',
  help: 'Comments answered 202 (honeypot drops excluded)',
  registers: [registry],
});

export const commentsRejected = new Counter({
  name: 'comments_rejected_total',
  help: 'Submissions refused, by error code',
  labelNames: ['reason'] as const,
  registers: [registry],
});

export const verdicts = new Counter({
  name: 'comments_verdicts_total',
  help: 'Filter verdicts: pass, review, block',
  labelNames: ['action'] as const,
  registers: [registry],
});

export const decisions = new Counter({
  name: 'comments_decisions_total',
  help: 'Approvals and rejections, by filter or moderator',
  labelNames: ['decision', 'by'] as const,
  registers: [registry],
});

export const captchaIssued = new Counter({
  name: 'captcha_issued_total',
  help: 'Captchas served',
  registers: [registry],
});

export const captchaVerifications = new Counter({
  name: 'captcha_verifications_total',
  help: 'Captcha verifications: ok, wrong, expired',
  labelNames: ['result'] as const,
  registers: [registry],
});

export const webhookDeliveries = new Counter({
  name: 'webhook_deliveries_total',
  help: 'Webhook deliveries to the site: ok, retry, failed',
  labelNames: ['result'] as const,
  registers: [registry],
});

/** Refused moderator logins: bad_password, unknown_account, disabled_account, rate_limited, cross_site. */
export const adminLoginFailures = new Counter({
  name: 'admin_login_failures_total',
  help: 'Refused moderator logins, by reason: bad_password, unknown_account, disabled_account, rate_limited, cross_site',
  labelNames: ['reason'] as const,
  registers: [registry],
});

export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration by route, method and status',
  labelNames: ['route', 'method', 'status'] as const,
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

// Gauges below are set on scrape by src/ops/scrape.ts (one BullMQ call per queue, two
// indexed queries), never by a background poller and never by scanning Redis keys.

export const queueJobs = new Gauge({
  name: 'comments_queue_jobs',
  help: 'Jobs per BullMQ queue and state (waiting, active, delayed, failed, completed)',
  labelNames: ['queue', 'state'] as const,
  registers: [registry],
});

export const commentsPending = new Gauge({
  name: 'comments_pending',
  help: 'Comments held for a moderator now',
  registers: [registry],
});

export const oldestPendingSeconds = new Gauge({
  name: 'comments_oldest_pending_seconds',
  help: 'Age of the oldest comment waiting for a moderator (0 when none waits)',
  registers: [registry],
});

export const scrapeSourceUp = new Gauge({
  name: 'comments_metrics_source_up',
  help: 'Whether a scrape-time source answered (1) or not (0): redis, database',
  labelNames: ['source'] as const,
  registers: [registry],
});
