/** Shared by the comment tests: a fresh captcha, a valid body, the moderation queue's jobs. */
import { TEST_CAPTCHA_ANSWER, type TestService } from '../helpers/service.js';

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
