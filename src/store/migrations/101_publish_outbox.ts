/**
 * The transactional outbox of the publish queue. A decision writes the jobs it wants
 * enqueued (count refresh, webhook) in its own transaction, so a Redis outage at decision time
 * cannot lose them: the api enqueues right after the commit and marks `enqueued_at`; the
 * workers' sweeper (src/publish/outbox-sweeper.ts) enqueues whatever is still unmarked.
 * `id` is the BullMQ job id (for a webhook also its X-Webhook-Id), the same on both paths.
 */
export const name = '101_publish_outbox';

export const up = /* sql */ `
CREATE TABLE publish_outbox (
  id          text PRIMARY KEY,
  kind        text NOT NULL,
  payload     jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  enqueued_at timestamptz
);
-- The sweeper's scan: only rows still waiting, oldest first.
CREATE INDEX publish_outbox_waiting_idx ON publish_outbox (created_at) WHERE enqueued_at IS NULL;
`;
