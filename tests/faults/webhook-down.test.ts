/**
 * Fault: the site's webhook receiver is down for a while. Deliveries fail (connection
 * refused), are retried with backoff, and every one arrives once the receiver is back, signed
 * with a fresh X-Webhook-Timestamp, each recognisable by X-Webhook-Id so the site can drop a repeat.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { insertComment } from '../support/comments.js';
import { ADMIN_EMAIL, adminEnv } from '../support/moderators.js';
import { freePort } from '../support/ports.js';
import { useTestService } from '../support/hooks.js';
import { waitFor } from '../support/wait.js';
import { startWebhookReceiver, type WebhookDelivery, type WebhookReceiver } from '../support/webhook-receiver.js';

const SECRET = 'bi-mat-cua-trang-tin';
const APPROVALS = 40;

describe('webhook receiver down for a while', () => {
  let port: number;
  let receiver: WebhookReceiver | undefined;
  const deliveries: WebhookDelivery[] = [];
  const app = useTestService(async () => {
    port = await freePort(); // nobody listens yet: deliveries are refused
    return {
      engine: 'postgres',
      env: {
        ...adminEnv,
        SITE_WEBHOOK_URL: `http://127.0.0.1:${port}/hooks/comments`,
        SITE_WEBHOOK_SECRET: SECRET,
        WEBHOOK_BACKOFF_MS: '200',
        WEBHOOK_BACKOFF_MAX_MS: '1000',
        WEBHOOK_TIMEOUT_MS: '2000',
      },
    };
  });
  afterAll(async () => {
    await receiver?.close();
  }, 60_000);

  it('delivers every event once the receiver is back, deduplicable by X-Webhook-Id', async () => {
    const admin = await app.svc.services.moderators.findByEmail(ADMIN_EMAIL);
    const approved: string[] = [];
    for (let i = 0; i < APPROVALS; i++) {
      const comment = await insertComment(app.svc.services, { articleId: `bai-${i % 4}`, content: `Bình luận ${i}` });
      await app.svc.services.decisionService.decide({ commentId: comment.id, decision: 'approve', moderatorId: admin!.id });
      approved.push(comment.id);
    }
    // Let the deliveries fail for a while: several attempts each.
    await waitFor(async () => (await app.svc.services.queues.publish.getDelayedCount()) >= APPROVALS / 2, 30_000, 100);
    await new Promise((r) => setTimeout(r, 3_000));
    expect(deliveries).toHaveLength(0);

    receiver = await startWebhookReceiver({ secret: SECRET, port, path: '/hooks/comments', deliveries });
    const unique = () => new Map(deliveries.map((d) => [d.id, d]));
    await waitFor(() => unique().size >= APPROVALS, 60_000, 100);

    const byId = unique();
    expect(byId.size).toBe(APPROVALS);
    expect(deliveries.every((d) => d.signatureOk)).toBe(true);
    // Retried for a while, yet each attempt is stamped and signed when it is sent: a site
    // refusing anything older than 5 minutes takes every one of them.
    expect(deliveries.every((d) => d.fresh)).toBe(true);
    expect(new Set([...byId.values()].map((d) => d.body.commentId))).toEqual(new Set(approved));
    expect([...byId.values()].every((d) => d.body.event === 'comment.published')).toBe(true);
    // Counts per article end at the number approved there.
    const last = new Map<string, number>();
    for (const d of byId.values()) last.set(d.body.articleId, Math.max(last.get(d.body.articleId) ?? 0, d.body.count));
    expect([...last.values()]).toEqual([10, 10, 10, 10]);
    console.info(`[faults] webhook: ${byId.size} deliveries after the receiver came back (${deliveries.length} requests received)`);
  }, 180_000);
});
