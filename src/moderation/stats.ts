/**
 * The statistics moderators and admins look at: the queue now, today's decisions per
 * moderator (Vietnam's day), filter hits per rule over a week with how often a person approved
 * a flagged comment anyway (the false-positive signal).
 */
import type { CommentListing, TabCounts } from '../store/comment-listing.js';
import type { StatsStore, ModeratorDecisions, PendingNow, RuleHits } from '../store/stats.js';
import { startOfTodayInVietnam } from '../util/vietnam-time.js';

export interface ModerationStats {
  queue: Omit<PendingNow, 'oldestAgeSeconds'> & { oldestPendingSeconds: number | null };
  today: ModeratorDecisions[];
  rules: Array<RuleHits & { falsePositiveRate: number | null }>;
}

const RULE_WINDOW_DAYS = 7;

export interface StatsDeps {
  stats: StatsStore;
  /** The moderator pages' listing: its tab counts. */
  commentListing: Pick<CommentListing, 'tabCounts'>;
}

export function createStatsService({ stats, commentListing }: StatsDeps) {
  return {
    tabCounts: (): Promise<TabCounts> => commentListing.tabCounts(),

    async load(now = new Date()): Promise<ModerationStats> {
      const [{ pending, oldestPendingAt }, today, rules] = await Promise.all([
        stats.pendingNow(),
        stats.decisionsByModerator(startOfTodayInVietnam(now)),
        stats.ruleHits(new Date(now.getTime() - RULE_WINDOW_DAYS * 86_400_000)),
      ]);
      return {
        queue: {
          pending,
          oldestPendingAt,
          oldestPendingSeconds: oldestPendingAt ? Math.max(0, Math.floor((now.getTime() - oldestPendingAt.getTime()) / 1000)) : null,
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
