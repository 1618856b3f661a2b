/**
 * The widget's calls to the public API (see API.md). Every call omits cookies — the widget
 * sets and sends none — and asks for messages in the widget's language. A call never throws:
 * it returns either the data, the contract's error, or `network` when no answer came.
 */
export interface PublicComment {
  id: string;
  parentId: string | null;
  authorName: string;
  content: string;
  createdAt: string;
  publishedAt: string | null;
  /** Newsroom additions; absent from an older service. */
  likes?: number;
}

export type Sort = 'oldest' | 'newest' | 'top';

export interface ArticleState {
  id: string;
  title: string | null;
  closed: boolean;
  notice: string | null;
}

export interface CommentPage {
  articleId: string;
  count: number;
  comments: PublicComment[];
  nextCursor: string | null;
  article?: ArticleState;
}

export interface Captcha {
  id: string;
  image: string;
  expiresIn: number;
}

export interface NewComment {
  articleId: string;
  parentId?: string;
  authorName: string;
  authorEmail?: string;
  content: string;
  captchaId: string;
  captchaAnswer: string;
  website: string;
  articleTitle?: string;
  articleUrl?: string;
}

export type ReportReason = 'spam' | 'offensive' | 'illegal' | 'off_topic' | 'other';

export interface Report {
  readerId: string;
  reason: ReportReason;
  note?: string;
}

export interface ApiError {
  code: string;
  message?: string;
  details?: { fields?: unknown; [key: string]: unknown };
}

export type ApiResult<T> =
  | { kind: 'ok'; data: T }
  | { kind: 'error'; status: number; error: ApiError; retryAfter: number | null }
  | { kind: 'network' };

export interface Api {
  /** `fresh`: past the browser's HTTP cache (after the API said something the cached page may not know). */
  comments(articleId: string, cursor: string | null, sort: Sort, fresh?: boolean): Promise<ApiResult<CommentPage>>;
  captcha(): Promise<ApiResult<Captcha>>;
  postComment(comment: NewComment, idempotencyKey: string): Promise<ApiResult<{ id: string; status: string }>>;
  like(commentId: string, readerId: string, liked: boolean): Promise<ApiResult<{ likes: number; liked: boolean }>>;
  report(commentId: string, report: Report): Promise<ApiResult<{ status: string }>>;
}

function retryAfterOf(response: Response): number | null {
  // Readable cross-origin only when the API exposes it (Access-Control-Expose-Headers).
  const seconds = Number(response.headers.get('Retry-After'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : null;
}

export async function request<T>(url: string, init: RequestInit): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: 'omit', mode: 'cors' });
  } catch {
    return { kind: 'network' };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A proxy's HTML error page: fall through with no body.
  }
  if (response.ok && body) return { kind: 'ok', data: body as T };
  const fallback: ApiError = { code: response.ok ? 'bad_answer' : `http_${response.status}` };
  const error = (body as { error?: ApiError } | null)?.error || fallback;
  return { kind: 'error', status: response.status, error, retryAfter: retryAfterOf(response) };
}

export function createApi(base: string, acceptLanguage: string): Api {
  const headers = { Accept: 'application/json', 'Accept-Language': acceptLanguage };
  const send = <T>(method: string, path: string, body: unknown, extra: Record<string, string> = {}) =>
    request<T>(base + path, { method, headers: { ...headers, 'Content-Type': 'application/json', ...extra }, body: JSON.stringify(body) });
  return {
    comments(articleId, cursor, sort, fresh) {
      const query = `limit=50&sort=${sort}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      return request(`${base}/v1/articles/${encodeURIComponent(articleId)}/comments?${query}`, {
        headers,
        cache: fresh ? 'no-cache' : 'default',
      });
    },
    captcha() {
      return request(`${base}/v1/captcha`, { headers, cache: 'no-store' });
    },
    postComment(comment, idempotencyKey) {
      return send('POST', '/v1/comments', comment, { 'Idempotency-Key': idempotencyKey });
    },
    like(commentId, readerId, liked) {
      return send(liked ? 'POST' : 'DELETE', `/v1/comments/${encodeURIComponent(commentId)}/like`, { readerId });
    },
    report(commentId, report) {
      return send('POST', `/v1/comments/${encodeURIComponent(commentId)}/reports`, report);
    },
  };
}

/** A fresh key per submission attempt. randomUUID needs a secure context; many sites are plain http. */
export function newIdempotencyKey(): string {
  const c = typeof crypto !== 'undefined' ? crypto : undefined;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c?.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => (b < 16 ? '0' : '') + b.toString(16)).join('');
}
