/**
 * The one Prometheus registry and every series of API.md's table. Counters are incremented
 * where things happen; gauges that need Redis or the database are collected on scrape
 * (see collectors registered by the ops routes), so nothing polls in the background.
 */
import {
  Counter,
  Gauge,
  Histogram,
  Registry,
  collectDefaultMetrics,
  type CounterConfiguration,
  type GaugeConfiguration,
  type HistogramConfiguration,
} from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

// Every series lives in the one registry above, never in prom-client's global one.
const counter = <L extends string>(config: CounterConfiguration<L>) => new Counter<L>({ ...config, registers: [registry] });
const gauge = <L extends string>(config: GaugeConfiguration<L>) => new Gauge<L>({ ...config, registers: [registry] });
const histogram = <L extends string>(config: HistogramConfiguration<L>) => new Histogram<L>({ ...config, registers: [registry] });

export const commentsAccepted = counter({
  name: 'comments_accepted_total',
  help: 'Comments answered 202 (honeypot drops excluded)',
});

export const commentsRejected = counter({
  name: 'comments_rejected_total',
  help: 'Submissions refused, by error code',
  labelNames: ['reason'] as const,
});

export const verdicts = counter({
  name: 'comments_verdicts_total',
  help: 'Filter verdicts: pass, review, block',
  labelNames: ['action'] as const,
});

export const decisions = counter({
  name: 'comments_decisions_total',
  help: 'Approvals and rejections, by filter or moderator',
  labelNames: ['decision', 'by'] as const,
});

export const captchaIssued = counter({
  name: 'captcha_issued_total',
  help: 'Captchas served',
});

export const captchaVerifications = counter({
  name: 'captcha_verifications_total',
  help: 'Captcha verifications: ok, wrong, expired',
  labelNames: ['result'] as const,
});

export const webhookDeliveries = counter({
  name: 'webhook_deliveries_total',
  help: 'Webhook deliveries to the site: ok, retry, failed',
  labelNames: ['result'] as const,
});

/** Refused moderator logins: bad_password, unknown_account, disabled_account, rate_limited, cross_site. */
export const adminLoginFailures = counter({
  name: 'admin_login_failures_total',
  help: 'Refused moderator logins, by reason: bad_password, unknown_account, disabled_account, rate_limited, cross_site',
  labelNames: ['reason'] as const,
});

export const httpRequestDuration = histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration by route, method and status',
  labelNames: ['route', 'method', 'status'] as const,
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
});

// Gauges below are set on scrape by src/ops/scrape.ts (one BullMQ call per queue, two
// indexed queries), never by a background poller and never by scanning Redis keys.

export const queueJobs = gauge({
  name: 'comments_queue_jobs',
  help: 'Jobs per BullMQ queue and state (waiting, active, delayed, failed, completed)',
  labelNames: ['queue', 'state'] as const,
});

export const commentsPending = gauge({
  name: 'comments_pending',
  help: 'Comments held for a moderator now',
});

export const oldestPendingSeconds = gauge({
  name: 'comments_oldest_pending_seconds',
  help: 'Age of the oldest comment waiting for a moderator (0 when none waits)',
});

export const scrapeSourceUp = gauge({
  name: 'comments_metrics_source_up',
  help: 'Whether a scrape-time source answered (1) or not (0): redis, database',
  labelNames: ['source'] as const,
});
