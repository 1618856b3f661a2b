/**
 * The statistics moderators and admins look at: the queue now, today's decisions per
 * moderator (Vietnam's day), filter hits per rule over a week with how often a person approved
 * a flagged comment anyway (the false-positive signal).
 */
import type { ModerationQueueStore, TabCounts } from '../store/moderation-queue.js';
import type { StatsStore, ModeratorDecisions, QueueNow, RuleHits } from '../store/stats.js';
import { startOfTodayInVietnam } from '../util/vietnam-time.js';

export interface ModerationStats {
  queue: QueueNow & { oldestPendingSeconds: number | null };
  today: ModeratorDecisions[];
  rules: Array<RuleHits & { falsePositiveRate: number | null }>;
}

const RULE_WINDOW_DAYS = 7;

export interface StatsDeps {
  stats: StatsStore;
  /** The moderator pages' listing: its tab counts. */
  commentListing: Pick<ModerationQueueStore, 'tabCounts'>;
}

export function createStatsService({ stats, commentListing }: StatsDeps) {
  return {
    tabCounts: (): Promise<TabCounts> => commentListing.tabCounts(),

    async load(now = new Date()): Promise<ModerationStats> {
      const [queueNow, today, rules] = await Promise.all([
        stats.queueNow(),
        stats.decisionsByModerator(startOfTodayInVietnam(now)),
        stats.ruleHits(new Date(now.getTime() - RULE_WINDOW_DAYS * 86_400_000)),
      ]);
      return {
        queue: {
          ...queueNow,
          oldestPendingSeconds: queueNow.oldestPendingAt ? Math.max(0, Math.floor((now.getTime() - queueNow.oldestPendingAt.getTime()) / 1000)) : null,
        },
        today,
        rules: rules.map((r) => {
          // Of the flagged comments a decision was reached on, the share that was approved.
          const decided = r.approved + r.rejected;
          return { ...r, falsePositiveRate: decided > 0 ? r.approved / decided : null };
        }),
      };
    },
  };
}

export type StatsService = ReturnType<typeof createStatsService>;
