/**
 * Live moderation events. Published on a Redis channel so a moderator connected to any api
 * copy sees them (the SSE endpoint subscribes). Payloads carry ids and states, never text.
 */
import type { Redis } from 'ioredis';
import type { CommentStatus } from './types.js';

export type ModerationEvent =
  | { type: 'comment.queued'; id: string; articleId: string; status: CommentStatus; at: string }
  | { type: 'comment.decided'; id: string; articleId: string; status: CommentStatus; decidedBy: string | null; at: string }
  /** A moderator changed the text (src/comments/edit.ts); status is unchanged. */
  | { type: 'comment.edited'; id: string; articleId: string; status: CommentStatus; editedBy: string; at: string }
  /** Back in the waiting queue from `previousStatus` (src/comments/edit.ts): other moderators' queues gain it. */
  | { type: 'comment.reopened'; id: string; articleId: string; status: 'pending'; previousStatus: CommentStatus; by: string; at: string };

/** Best effort: a lost live event only delays a moderator's screen, never the record. */
export async function publishEvent(redis: Redis, channel: string, event: ModerationEvent): Promise<void> {
  await redis.publish(channel, JSON.stringify(event)).catch(() => {});
}
