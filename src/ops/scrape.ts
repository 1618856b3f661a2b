/**
 * Refreshes the gauges that need Redis or the database, right before a scrape renders the
 * registry. Cheap by design: one getJobCounts per queue and one indexed query. A source that
 * fails or hangs leaves its gauges empty or NaN (never stale) and sets comments_metrics_source_up to
 * 0, so /metrics still answers 200 with everything else while Redis or PostgreSQL is down.
 */
import type { Queue } from 'bullmq';
import type { Queryable } from '../store/db.js';
import { StatsStore } from '../store/stats.js';
import { commentsPending, oldestPendingSeconds, queueJobs, scrapeSourceUp } from '../metrics.js';
import { withTimeout } from '../util/timeout.js';

export const JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

export interface ScrapeSources {
  queues: Queue[];
  db: Queryable;
  /** Per source; a scrape must finish well inside Prometheus' default 10 s timeout. */
  timeoutMs?: number;
}

export async function refreshScrapeGauges(sources: ScrapeSources): Promise<void> {
  const timeoutMs = sources.timeoutMs ?? 1_500;
  await Promise.all([refreshQueueGauges(sources.queues, timeoutMs), refreshPendingGauges(sources.db, timeoutMs)]);
}

async function refreshQueueGauges(queues: Queue[], timeoutMs: number): Promise<void> {
  try {
    const counts = await withTimeout(
      Promise.all(queues.map(async (q) => ({ name: q.name, counts: await q.getJobCounts(...JOB_STATES) }))),
      timeoutMs,
      'Redis did not answer',
    );
    queueJobs.reset();
    for (const { name, counts: byState } of counts) {
      for (const state of JOB_STATES) queueJobs.set({ queue: name, state }, byState[state] ?? 0);
    }
    scrapeSourceUp.set({ source: 'redis' }, 1);
  } catch {
    queueJobs.reset();
    scrapeSourceUp.set({ source: 'redis' }, 0);
  }
}

async function refreshPendingGauges(db: Queryable, timeoutMs: number): Promise<void> {
  try {
    const stats = await withTimeout(new StatsStore(db).pendingNow(), timeoutMs, 'the database did not answer');
    commentsPending.set(stats.pending);
    oldestPendingSeconds.set(stats.oldestAgeSeconds);
    scrapeSourceUp.set({ source: 'database' }, 1);
  } catch {
    // NaN, not 0: "unknown" must never read as "the queue is empty" on a dashboard.
    commentsPending.set(Number.NaN);
    oldestPendingSeconds.set(Number.NaN);
    scrapeSourceUp.set({ source: 'database' }, 0);
  }
}
