/**
 * The statistics moderators and admins look at: the queue now, today's decisions per
 * moderator (Vietnam's day), filter hits per rule over a week with how often a person approved
 * a flagged comment anyway (the false-positive signal).
 */
import type { Db } from '../store/db.js';
import { CommentListing, type TabCounts } from '../store/comment-listing.js';
import { StatsStore, type ModeratorDecisions, type PendingNow, type RuleHits } from '../store/stats.js';
import { startOfTodayInVietnam } from '../util/vietnam-time.js';

export interface ModerationStats {
  queue: Omit<PendingNow, 'oldestAgeSeconds'> & { oldestPendingSeconds: number | null };
  today: ModeratorDecisions[];
  rules: Array<RuleHits & { falsePositiveRate: number | null }>;
}

const RULE_WINDOW_DAYS = 7;

export function statsService(db: Db) {
  const stats = new StatsStore(db);
  const listing = new CommentListing(db);
  return {
    tabCounts: (): Promise<TabCounts> => listing.tabCounts(),

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
