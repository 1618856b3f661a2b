/**
 * Live moderation events. Published on a Redis channel so a moderator connected to any api
 * copy sees them (the SSE endpoint subscribes). Payloads carry ids and states, never text.
 */
import type { Redis } from 'ioredis';
import type { CommentStatus } from './types.js';

export type ModerationEvent =
  | { type: 'comment.queued'; id: string; articleId: string; status: CommentStatus; at: string }
  | { type: 'comment.decided'; id: string; articleId: string; status: CommentStatus; decidedBy: string | null; at: string }
  /** A reader reported an approved comment: it is on the reported list with `openReports` open reports. */
  | { type: 'comment.reported'; id: string; articleId: string; status: CommentStatus; openReports: number; at: string }
  /** A moderator dismissed a comment's open reports: it left the reported list. */
  | { type: 'comment.reports_dismissed'; id: string; articleId: string; status: CommentStatus; by: string; at: string };

/** Best effort: a lost live event only delays a moderator's screen, never the record. */
export async function publishEvent(redis: Redis, channel: string, event: ModerationEvent): Promise<void> {
  await redis.publish(channel, JSON.stringify(event)).catch(() => {});
}
