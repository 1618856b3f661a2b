/**
 * The moderator pages added for the newsroom (shared/API.md "Newsroom additions"): the readable
 * audit log, one comment's page with its history, and Bài viết. Mounted by ./routes.tsx, which
 * lends its page middleware (session, CSP, language) and its render.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { COMMENT_ID_PARAM_PATTERN } from '../../comments/id-patterns.js';
import type { Comment } from '../../comments/types.js';
import { AUDIT_KINDS } from '../../moderation/audit.js';
import type { Services } from '../../services.js';
import type { AuditEntry } from '../../store/audit.js';
import { mountArticlePages } from './articles-routes.js';
import { commentHistory } from './comment-history.js';
import { t } from './i18n/index.js';
import type { PageContext } from './layout.js';
import { AuditPage, type AuditCommentRef } from './pages/audit.js';
import { CommentPage } from './pages/comment.js';

export interface PageKit {
  page: readonly [MiddlewareHandler, ...MiddlewareHandler[]];
  pageContext: (c: Context) => PageContext;
  render: (c: Context, page: JSX.Element, status?: 200 | 400 | 403 | 404) => Response | Promise<Response>;
}

/** The comments an audit page names, each once. */
async function auditComments(services: Services, entries: readonly AuditEntry[]): Promise<Map<string, AuditCommentRef>> {
  const ids = [...new Set(entries.filter((e) => e.targetType === 'comment' && e.targetId).map((e) => e.targetId as string))];
  const found = (await Promise.all(ids.map((id) => services.comments.findById(id)))).filter((c): c is Comment => c !== null);
  const { articles } = await services.commentContext.of(found);
  const refs = new Map<string, AuditCommentRef>();
  for (const c of found) {
    const articleTitle = articles.get(c.articleId)?.title ?? null;
    refs.set(c.id, { content: c.content, authorName: c.authorName, articleId: c.articleId, articleTitle });
  }
  return refs;
}

async function findComment(services: Services, id: string): Promise<Comment | null> {
  // Only id characters reach the database: a NUL in the path was a 500 (PostgreSQL refuses it).
  return COMMENT_ID_PARAM_PATTERN.test(id) ? services.comments.findById(id) : null;
}

export function mountNewsroomPages(ui: Hono, services: Services, kit: PageKit): void {
  const { page, pageContext, render } = kit;
  mountArticlePages(ui, services, kit);

  ui.get('/audit', ...page, async (c) => {
    const kind = AUDIT_KINDS.find((k) => k === c.req.query('kind'));
    const before = Number(c.req.query('before'));
    // Safe integers only: 1e20 is an integer too, and PostgreSQL's bigint refused it (a 500).
    const { entries, nextBeforeId } = await services.auditService.list({
      kind,
      beforeId: Number.isSafeInteger(before) && before > 0 ? before : undefined,
    });
    const comments = await auditComments(services, entries);
    return render(c, <AuditPage page={pageContext(c)} entries={entries} comments={comments} kind={kind} nextBefore={nextBeforeId} />);
  });

  /** One comment (linked from the audit log): the comment, its article, its parent, its history. */
  ui.get('/comments/:id', ...page, async (c) => {
    const comment = await findComment(services, c.req.param('id') ?? '');
    if (!comment) return render(c, <p>{t(c.get('uiLang'), 'queue.empty')}</p>, 404);
    const [audit, context, reports] = await Promise.all([
      services.commentEditService.history(comment.id),
      services.commentContext.of([comment]),
      services.reportReviewService.history(comment.id),
    ]);
    const lang = c.get('uiLang');
    return render(
      c,
      <CommentPage
        page={pageContext(c)}
        comment={comment}
        article={context.articles.get(comment.articleId) ?? { id: comment.articleId, title: null, url: null }}
        parent={(comment.parentId && context.parents.get(comment.parentId)) || null}
        events={commentHistory(comment, audit, reports, lang)}
      />,
    );
  });
}
