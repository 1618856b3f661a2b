/**
 * The one Prometheus registry and every series of API.md's table. Counters are incremented
 * where things happen; gauges that need Redis or the database are collected on scrape
 * (see collectors registered by the ops routes), so nothing polls in the background.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

// Every series lives in the one registry above, never in prom-client's global one.
const counter = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
  new Counter<L>({ name, help, labelNames, registers: [registry] });
const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
  new Gauge<L>({ name, help, labelNames, registers: [registry] });
const histogram = <L extends string>(name: string, help: string, labelNames: readonly L[], buckets: number[]) =>
  new Histogram<L>({ name, help, labelNames, buckets, registers: [registry] });
export const commentsAccepted = counter('comments_accepted_total', 'Comments answered 202 (honeypot drops excluded)');
export const commentsRejected = counter('comments_rejected_total', 'Submissions refused, by error code', ['reason']);
export const verdicts = counter('comments_verdicts_total', 'Filter verdicts: pass, review, block', ['action']);
export const decisions = counter('comments_decisions_total', 'Approvals and rejections, by filter or moderator', ['decision', 'by']);
export const replicaAckShortfalls = counter(
  'redis_replica_ack_shortfalls_total',
  'Comments answered 503 because too few Redis replicas acknowledged their job in time (WAIT)',
);
export const redisFailovers = counter('redis_failovers_total', 'Redis primary changes this process saw (Sentinel failovers)');
export const redisConnectedReplicas = gauge(
  'redis_connected_replicas',
  'Replicas connected to the Redis primary (read by the api every second when REDIS_MIN_REPLICA_ACKS > 0)',
);
export const redisPrimary = gauge('redis_primary', 'The Redis node this process writes to (1 for the current primary)', ['address']);
export const workerStallsRecovered = counter(
  'worker_stalls_recovered_total',
  'BullMQ workers replaced because they took no job while jobs were waiting (workers/stall-guard.ts)',
  ['queue'],
);
export const captchaIssued = counter('captcha_issued_total', 'Captchas served');
export const captchaRendered = counter(
  'captcha_rendered_total',
  'Captchas rendered, by who: refill (a worker keeping the pool full) or api (empty pool, no live worker, or no pool)',
  ['by'],
);
export const captchaVerifications = counter('captcha_verifications_total', 'Captcha verifications: ok, wrong, expired', ['result']);
export const webhookDeliveries = counter('webhook_deliveries_total', 'Webhook deliveries to the site: ok, retry, failed', ['result']);

/** Refused moderator logins: bad_password, unknown_account, disabled_account, rate_limited, cross_site. */
export const adminLoginFailures = counter(
  'admin_login_failures_total',
  'Refused moderator logins, by reason: bad_password, unknown_account, disabled_account, rate_limited, cross_site',
  ['reason'],
);

export const httpRequestDuration = histogram(
  'http_request_duration_seconds',
  'HTTP request duration by route, method and status',
  ['route', 'method', 'status'],
  [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
);

// Gauges below are set on scrape by src/ops/scrape.ts (one BullMQ call per queue, two
// indexed queries), never by a background poller and never by scanning Redis keys.

export const queueJobs = gauge('comments_queue_jobs', 'Jobs per BullMQ queue and state (waiting, active, delayed, failed, completed)', [
  'queue',
  'state',
]);
export const commentsPending = gauge('comments_pending', 'Comments held for a moderator now');
export const oldestPendingSeconds = gauge(
  'comments_oldest_pending_seconds',
  'Age of the oldest comment waiting for a moderator (0 when none waits)',
);
export const scrapeSourceUp = gauge('comments_metrics_source_up', 'Whether a scrape-time source answered (1) or not (0): redis, database', [
  'source',
]);
