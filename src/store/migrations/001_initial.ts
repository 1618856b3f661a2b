/**
 * The first schema. Status and time columns carry the indexes the hot paths read:
 * the pending queue oldest-first (overall and per article), the public list per article,
 * the commenter's history by email and IP, and per-article counts.
 */
export const name = '001_initial';

export const up = /* sql */ `
CREATE TABLE moderators (
  id            text PRIMARY KEY,
  email         text NOT NULL,
  display_name  text,
  role          text NOT NULL CHECK (role IN ('admin', 'moderator')),
  password_hash text NOT NULL,
  disabled_at   timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX moderators_email_key ON moderators (lower(email));

CREATE TABLE comments (
  id              text PRIMARY KEY,
  article_id      text NOT NULL,
  parent_id       text REFERENCES comments (id),
  author_name     text NOT NULL,
  author_email    text,
  ip              text,
  user_agent      text,
  content         text NOT NULL,
  status          text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  verdict         jsonb,
  verdict_action  text CHECK (verdict_action IN ('pass', 'review', 'block')),
  lexicon_version text,
  created_at      timestamptz NOT NULL,
  moderated_at    timestamptz NOT NULL DEFAULT now(),
  decided_by      text,
  decided_at      timestamptz,
  decision_reason text,
  published_at    timestamptz
);
CREATE INDEX comments_queue_idx ON comments (status, created_at, id);
CREATE INDEX comments_article_queue_idx ON comments (article_id, status, created_at, id);
CREATE INDEX comments_email_idx ON comments (lower(author_email), created_at) WHERE author_email IS NOT NULL;
CREATE INDEX comments_ip_idx ON comments (ip, created_at) WHERE ip IS NOT NULL;
CREATE INDEX comments_parent_idx ON comments (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX comments_decided_idx ON comments (decided_at) WHERE decided_at IS NOT NULL;

-- One row per decision on a comment, the filter's included; overturns are marked.
CREATE TABLE decisions (
  id              bigserial PRIMARY KEY,
  comment_id      text NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
  decision        text NOT NULL CHECK (decision IN ('approve', 'reject')),
  decided_by      text NOT NULL,
  previous_status text NOT NULL,
  reason          text,
  overturn        boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX decisions_comment_idx ON decisions (comment_id, created_at);
CREATE INDEX decisions_by_idx ON decisions (decided_by, created_at);

-- Everything a person changed: decisions, bans, word lists, accounts.
CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  actor       text NOT NULL,
  action      text NOT NULL,
  target_type text NOT NULL,
  target_id   text,
  details     jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_created_idx ON audit_log (created_at DESC, id DESC);
CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id);

CREATE TABLE article_counts (
  article_id     text PRIMARY KEY,
  approved_count integer NOT NULL DEFAULT 0 CHECK (approved_count >= 0),
  updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE bans (
  id         bigserial PRIMARY KEY,
  email      text,
  ip         text,
  reason     text,
  expires_at timestamptz,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  lifted_at  timestamptz,
  lifted_by  text,
  CHECK (email IS NOT NULL OR ip IS NOT NULL)
);
CREATE INDEX bans_email_idx ON bans (lower(email)) WHERE lifted_at IS NULL;
CREATE INDEX bans_ip_idx ON bans (ip) WHERE lifted_at IS NULL;

-- Word-list entries added by admins on top of the lexicon files shipped in the repo.
CREATE TABLE lexicon_entries (
  id         bigserial PRIMARY KEY,
  kind       text NOT NULL CHECK (kind IN ('term', 'allow')),
  lang       text NOT NULL CHECK (lang IN ('vi', 'en')),
  term       text NOT NULL,
  tier       text CHECK (tier IN ('review', 'block')),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, lang, term)
);
`;
