/**
 * SQL for comments. Every statement that touches the comments table lives here or in a
 * sibling file of src/store; callers get domain objects, never rows.
 */
import type { ArticleFromPage, Comment, StoredStatus, SubmittedComment } from '../comments/types.js';
import type { Verdict } from '../filters/index.js';
import { commentFromRow, type CommentRow } from './comment-row.js';
import type { Db, Queryable } from './db.js';

/** What the worker stores for a comment: its verdict, and the status that verdict leads to. */
export interface ModeratedOutcome {
  verdict: Verdict;
  /** `pending` for a person to judge, or `rejected` when the filter (or a ban) decided. */
  status: 'pending' | 'rejected';
  /** Set when status is `rejected`: `filter`. */
  decidedBy: string | null;
  decisionReason: string | null;
}

export interface SaveModeratedRequest extends ModeratedOutcome {
  comment: SubmittedComment;
  /**
   * Stored instead when an active ban matches the comment's email (case-insensitive) or IP at
   * the moment of the insert. Unset: no ban look-up.
   */
  whenBanned?: ModeratedOutcome;
  /** The page's title and URL from the job: kept on the article when this comment is its latest. */
  article?: ArticleFromPage;
}

/** What a batch save answers per comment: just what the worker needs (no content, no verdict). */
export interface SavedComment {
  id: string;
  articleId: string;
  status: StoredStatus;
  /** False when the row already existed (a retried or duplicated job): nothing was changed. */
  created: boolean;
  /** True when this call created the row and an active ban decided it (`whenBanned` was stored). */
  banned: boolean;
}

export interface SaveModeratedResult {
  comment: Comment;
  /** False when the row already existed (a retried or duplicated job): nothing was changed. */
  created: boolean;
  /** True when this call created the row and an active ban decided it (`whenBanned` was stored). */
  banned: boolean;
}

const ACTIVE_BAN = `lifted_at IS NULL AND (expires_at IS NULL OR expires_at > now())`;

/**
 * One statement for a batch of comments, hence one round trip and one transaction: the rows
 * come in as one JSON array; for each, the ban look-up (the two partial-index probes of
 * src/store/bans.ts), the insert keyed on the id, the filter's decisions row for a rejected
 * comment, the articles row (last comment time; title and URL from the latest comment that
 * sent them, unless a moderator set the title); then the stored rows of the ids that already
 * existed. Rows are inserted in id order and articles upserted in id order, so two batches
 * sharing ids wait for each other instead of deadlocking.
 */
const SAVE_MODERATED = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(
    id text, article_id text, parent_id text, author_name text, author_email text, ip text, user_agent text,
    content text, created_at timestamptz, check_ban boolean, article_title text, article_url text,
    status text, verdict jsonb, decided_by text, decision_reason text,
    b_status text, b_verdict jsonb, b_decided_by text, b_decision_reason text)
), judged AS MATERIALIZED (
  SELECT i.*, i.check_ban AND EXISTS (
    SELECT 1 FROM bans WHERE i.author_email IS NOT NULL AND lower(email) = lower(i.author_email) AND ${ACTIVE_BAN}
    UNION ALL
    SELECT 1 FROM bans WHERE i.ip IS NOT NULL AND ip = i.ip AND ${ACTIVE_BAN}
  ) AS banned
  FROM input i
), chosen AS (
  SELECT id, article_id, parent_id, author_name, author_email, ip, user_agent, content, created_at, banned,
         CASE WHEN banned THEN b_status ELSE status END AS status,
         CASE WHEN banned THEN b_verdict ELSE verdict END AS verdict,
         CASE WHEN banned THEN b_decided_by ELSE decided_by END AS decided_by,
         CASE WHEN banned THEN b_decision_reason ELSE decision_reason END AS decision_reason
    FROM judged
), ins AS (
  INSERT INTO comments (id, article_id, parent_id, author_name, author_email, ip, user_agent, content, created_at,
                        status, verdict, verdict_action, lexicon_version, decided_by, decided_at, decision_reason)
  SELECT id, article_id, parent_id, author_name, author_email, ip, user_agent, content, created_at,
         status, verdict, verdict->>'action', verdict->>'lexiconVersion', decided_by,
         CASE WHEN decided_by IS NULL THEN NULL ELSE now() END, decision_reason
    FROM chosen ORDER BY id
  ON CONFLICT (id) DO NOTHING
  RETURNING *
), decision AS (
  INSERT INTO decisions (comment_id, decision, decided_by, previous_status, reason)
  SELECT id, 'reject', decided_by, 'queued', decision_reason FROM ins WHERE status = 'rejected' AND decided_by IS NOT NULL
), latest AS (
  SELECT article_id, max(created_at) AS created_at,
         (array_agg(article_title ORDER BY created_at DESC) FILTER (WHERE article_title IS NOT NULL))[1] AS title,
         (array_agg(article_url ORDER BY created_at DESC) FILTER (WHERE article_url IS NOT NULL))[1] AS url
    FROM input GROUP BY article_id
), article AS (
  INSERT INTO articles AS a (id, title, url, last_comment_at)
  SELECT article_id, title, url, created_at FROM latest ORDER BY article_id
  ON CONFLICT (id) DO UPDATE SET
    title = CASE WHEN a.title_edited OR excluded.title IS NULL OR excluded.last_comment_at < a.last_comment_at THEN a.title ELSE excluded.title END,
    url = CASE WHEN excluded.url IS NULL OR excluded.last_comment_at < a.last_comment_at THEN a.url ELSE excluded.url END,
    last_comment_at = GREATEST(a.last_comment_at, excluded.last_comment_at)
)
SELECT ins.id, ins.article_id, ins.status, true AS created, chosen.banned FROM ins JOIN chosen ON chosen.id = ins.id
UNION ALL
SELECT c.id, c.article_id, c.status, false AS created, false AS banned
  FROM comments c JOIN input i ON c.id = i.id
 WHERE NOT EXISTS (SELECT 1 FROM ins WHERE ins.id = i.id)`;

type SavedRow = { id: string; article_id: string; status: StoredStatus; created: boolean; banned: boolean };

export class CommentStore {
  constructor(private readonly db: Db) {}

  /**
   * Writes the worker's result once. A second call with the same id changes nothing and
   * returns the stored row, so a job that runs twice never doubles a row or touches a
   * comment a moderator already decided.
   */
  async saveModerated(req: SaveModeratedRequest): Promise<SaveModeratedResult> {
    const [saved] = await this.saveModeratedMany([req]);
    const comment = await this.findById(saved.id);
    if (!comment) throw new Error(`comment ${saved.id} vanished after it was saved`);
    return { comment, created: saved.created, banned: saved.banned };
  }

  /**
   * saveModerated for several comments in one statement (one round trip, one commit); the
   * results come in the order of the requests. All or nothing: when the database refuses one
   * row (SQLSTATE 22/23), none is written. The same id twice is written once: the first
   * request gets `created`, the others the stored row.
   */
  async saveModeratedMany(reqs: readonly SaveModeratedRequest[]): Promise<SavedComment[]> {
    if (reqs.length === 0) return [];
    const unique = new Map<string, SaveModeratedRequest>();
    for (const req of reqs) if (!unique.has(req.comment.id)) unique.set(req.comment.id, req);
    const input = [...unique.values()].map((req) => {
      const c = req.comment;
      const banned = req.whenBanned ?? req;
      return {
        id: c.id,
        article_id: c.articleId,
        parent_id: c.parentId,
        author_name: c.authorName,
        author_email: c.authorEmail,
        ip: c.ip,
        user_agent: c.userAgent,
        content: c.content,
        created_at: c.createdAt,
        check_ban: req.whenBanned !== undefined,
        article_title: req.article?.title ?? null,
        article_url: req.article?.url ?? null,
        status: req.status,
        verdict: req.verdict,
        decided_by: req.decidedBy,
        decision_reason: req.decisionReason,
        b_status: banned.status,
        b_verdict: banned.verdict,
        b_decided_by: banned.decidedBy,
        b_decision_reason: banned.decisionReason,
      };
    });
    const { rows } = await this.db.query<SavedRow>(SAVE_MODERATED, [JSON.stringify(input)]);
    const byId = new Map<string, SavedComment>();
    for (const row of rows) {
      byId.set(row.id, { id: row.id, articleId: row.article_id, status: row.status, created: row.created, banned: row.banned });
    }
    for (const id of unique.keys()) {
      if (byId.has(id)) continue;
      // Inserted by a transaction that committed after this statement's snapshot: ON CONFLICT
      // skipped the insert and the snapshot cannot see the winner. A new statement can.
      const existing = await this.findById(id);
      if (!existing) throw new Error(`comment ${id} was neither inserted nor found`);
      byId.set(id, { id, articleId: existing.articleId, status: existing.status, created: false, banned: false });
    }
    const handed = new Set<string>();
    return reqs.map((req) => {
      const result = byId.get(req.comment.id)!;
      if (handed.has(req.comment.id)) return { ...result, created: false, banned: false };
      handed.add(req.comment.id);
      return result;
    });
  }

  async findById(id: string): Promise<Comment | null> {
    return this.findByIdIn(this.db, id);
  }

  private async findByIdIn(q: Queryable, id: string): Promise<Comment | null> {
    const { rows } = await q.query<CommentRow>('SELECT * FROM comments WHERE id = $1', [id]);
    return rows[0] ? commentFromRow(rows[0]) : null;
  }

  /** True when `id` is an approved comment of `articleId` (replies may only answer those). */
  async isApprovedInArticle(id: string, articleId: string): Promise<boolean> {
    const { rows } = await this.db.query(`SELECT 1 FROM comments WHERE id = $1 AND article_id = $2 AND status = 'approved'`, [
      id,
      articleId,
    ]);
    return rows.length > 0;
  }
}
