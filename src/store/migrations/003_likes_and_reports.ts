/**
 * Readers' likes and reports on approved comments.
 *
 * Each counts once per (comment, reader): the primary key of comment_likes and the unique key
 * of comment_reports say so, whatever a reader repeats, concurrently or not. The totals live
 * on the comment row (like_count, open_reports) and change in the same statement as the row
 * that was inserted or deleted (src/store/likes.ts, src/store/reports.ts), so the public list
 * reads a number instead of counting, and the counts stay exact under concurrency.
 *
 * Indexes serve the new listings: the public list by most liked (article, like_count DESC,
 * created_at, id) among approved comments, and the moderators' reported list (open_reports
 * DESC, created_at, id) among approved comments with open reports, which also counts its tab.
 */
export const name = '003_likes_and_reports';

export const up = /* sql */ `
ALTER TABLE comments ADD COLUMN like_count integer NOT NULL DEFAULT 0 CHECK (like_count >= 0);
ALTER TABLE comments ADD COLUMN open_reports integer NOT NULL DEFAULT 0 CHECK (open_reports >= 0);

CREATE TABLE comment_likes (
  comment_id text NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
  reader_id  text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (comment_id, reader_id)
);

-- A reader reports a comment once, ever: a report a moderator dismissed is not reopened by
-- the same reader repeating it.
CREATE TABLE comment_reports (
  id           bigserial PRIMARY KEY,
  comment_id   text NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
  reader_id    text NOT NULL,
  reason       text NOT NULL CHECK (reason IN ('spam', 'offensive', 'illegal', 'off_topic', 'other')),
  note         text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  dismissed_at timestamptz,
  dismissed_by text,
  UNIQUE (comment_id, reader_id)
);
CREATE INDEX comment_reports_open_idx ON comment_reports (comment_id, reason) WHERE dismissed_at IS NULL;

CREATE INDEX comments_article_top_idx ON comments (article_id, like_count DESC, created_at, id) WHERE status = 'approved';
CREATE INDEX comments_reported_idx ON comments (open_reports DESC, created_at, id) WHERE status = 'approved' AND open_reports > 0;
`;
