/**
 * Comments under test: a fresh captcha and a valid body for the public API, a submitted
 * comment as queued, a pending comment written straight through the store, the moderation queue's jobs.
 */
import { newCommentId } from '../../src/comments/ids.js';
import type { Comment, SubmittedComment } from '../../src/comments/types.js';
import type { Verdict } from '../../src/filters/index.js';
import type { Services } from '../../src/services.js';
import { TEST_CAPTCHA_ANSWER } from './env.js';
import type { TestService } from './service.js';

export async function freshCaptcha(svc: TestService): Promise<string> {
  const res = await svc.fetch('/v1/captcha');
  if (res.status !== 200) throw new Error(`GET /v1/captcha answered ${res.status}`);
  return ((await res.json()) as { id: string }).id;
}

let serial = 0;

/** A body that passes every rule, with a fresh captcha and content unique to this call. */
export async function validComment(svc: TestService, overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    articleId: 'thoi-su/2026/bai-1',
    authorName: 'Nguyễn Văn An',
    authorEmail: 'an@example.vn',
    content: `Bài viết rất hay, cảm ơn tác giả (${serial} ${Date.now()}).`,
    captchaId: await freshCaptcha(svc),
    captchaAnswer: TEST_CAPTCHA_ANSWER,
    ...overrides,
  };
}

/** Every job of the moderation queue in any state. */
export async function moderationJobCount(svc: TestService): Promise<number> {
  const counts = await svc.services.queues.moderation.getJobCounts(
    'waiting',
    'active',
    'completed',
    'delayed',
    'failed',
    'prioritized',
    'waiting-children',
  );
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

export const REVIEW_VERDICT: Verdict = {
  action: 'review',
  score: 0.5,
  reasons: [{ rule: 'profanity.vi', tier: 'review', match: 'abc', start: 0, end: 3 }],
  lexiconVersion: 'test-1',
};

/** A comment as the accept path queues it: valid, clean, from a reader with an email and an address, created now. */
export function submittedComment(overrides: Partial<SubmittedComment> = {}): SubmittedComment {
  return {
    id: newCommentId(),
    articleId: 'bai-viet-1',
    parentId: null,
    authorName: 'Nguyễn Văn A',
    authorEmail: 'a@example.vn',
    content: 'abc bình luận thử',
    ip: '203.0.113.9',
    userAgent: 'vitest',
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

let clock = Date.parse('2026-01-01T00:00:00.000Z');

/**
 * Writes a pending comment straight through the store, as the moderation worker would, so
 * these tests do not depend on the accept path. createdAt increases by 1 ms per call unless given.
 */
export async function insertComment(
  services: Pick<Services, 'comments'>,
  overrides: Partial<SubmittedComment> & { status?: 'pending' | 'rejected' } = {},
): Promise<Comment> {
  clock += 1;
  const { status = 'pending', ...rest } = overrides;
  const comment = submittedComment({ createdAt: new Date(clock).toISOString(), ...rest });
  const { comment: stored } = await services.comments.saveModerated({
    comment,
    verdict: REVIEW_VERDICT,
    status,
    decidedBy: status === 'rejected' ? 'filter' : null,
    decisionReason: status === 'rejected' ? 'profanity.vi' : null,
  });
  return stored;
}

/**
 * Writes a pending comment as the moderation worker does, with the service's own filter
 * verdict (so highlights and reasons are real), created `minutesAgo` minutes before now.
 */
export async function seedPending(
  services: Pick<Services, 'comments' | 'filter'>,
  content: string,
  fields: Partial<Omit<SubmittedComment, 'content' | 'createdAt'>> & { minutesAgo: number },
): Promise<string> {
  const { minutesAgo, ...rest } = fields;
  const id = newCommentId();
  await services.comments.saveModerated({
    comment: {
      id,
      articleId: 'thoi-su/bai-mac-dinh',
      parentId: null,
      authorName: 'Trần Thị Bình',
      authorEmail: 'binh@example.vn',
      ip: '203.0.113.7',
      userAgent: null,
      ...rest,
      content,
      createdAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    },
    verdict: services.filter.evaluate(content),
    status: 'pending',
    decidedBy: null,
    decisionReason: null,
  });
  return id;
}
