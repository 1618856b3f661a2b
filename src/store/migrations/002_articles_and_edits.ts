/**
 * Articles (title, link, closing comments) and moderators' edits of a comment's text.
 *
 * `articles` holds what the service knows of an article: the latest title and URL a reader's
 * page sent (upserted by the moderation worker from the job, so the accept path adds no query),
 * whether comments are closed and the notice shown instead of the form. A row may exist before
 * any comment (a sensitive story closed before it is published). `last_comment_at` orders the
 * moderators' list of articles (most recently commented first, keyset on it, or created_at
 * while there is no comment, and the id); existing comments fill it here. `title_edited` keeps a moderator's title from being replaced
 * by the next page title a reader's page sends.
 *
 * `comments.original_content` keeps the reader's own text the first time a moderator edits it
 * (null: never edited); `content` is always what readers see.
 */
export const name = '002_articles_and_edits';

export const up = /* sql */ `
CREATE TABLE articles (
  id              text PRIMARY KEY,
  title           text,
  url             text,
  title_edited    boolean NOT NULL DEFAULT false,
  closed          boolean NOT NULL DEFAULT false,
  notice          text,
  last_comment_at timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
-- The moderators' list: most recently commented first; an article without comments by when it was added.
CREATE INDEX articles_recent_idx ON articles ((COALESCE(last_comment_at, created_at)) DESC, id DESC);

INSERT INTO articles (id, last_comment_at)
SELECT article_id, max(created_at) FROM comments GROUP BY article_id;

ALTER TABLE comments ADD COLUMN original_content text;
ALTER TABLE comments ADD COLUMN edited_by text;
ALTER TABLE comments ADD COLUMN edited_at timestamptz;
`;
