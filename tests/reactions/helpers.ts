/** Approved comments to like and report, and requests as the widget sends them. */
import { randomBytes } from 'node:crypto';
import { insertComment } from '../support/comments.js';
import type { TestService } from '../support/service.js';

/** A reader id as the widget makes one: 22 characters of base64url. */
export const newReaderId = (): string => randomBytes(16).toString('base64url');

/** A comment written as pending, then approved by a moderator's decision. */
export async function approvedComment(svc: TestService, articleId: string, createdAt?: string): Promise<string> {
  const { id } = await insertComment(svc.services, { articleId, ...(createdAt ? { createdAt } : {}) });
  await svc.services.decisionService.decide({ commentId: id, decision: 'approve', moderatorId: 'test-moderator' });
  return id;
}

export function sendJson(svc: TestService, method: 'POST' | 'DELETE', path: string, body: unknown, headers: Record<string, string> = {}) {
  return svc.fetch(path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export const like = (svc: TestService, id: string, readerId: string, headers?: Record<string, string>) =>
  sendJson(svc, 'POST', `/v1/comments/${id}/like`, { readerId }, headers);

export const unlike = (svc: TestService, id: string, readerId: string) => sendJson(svc, 'DELETE', `/v1/comments/${id}/like`, { readerId });

export const report = (svc: TestService, id: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
  sendJson(svc, 'POST', `/v1/comments/${id}/reports`, body, headers);

/** The stored like count and like rows of one comment. */
export async function storedLikes(svc: TestService, id: string): Promise<{ count: number; rows: number }> {
  const { rows } = await svc.services.db.query<{ count: number; rows: number }>(
    `SELECT like_count AS count, (SELECT count(*)::int FROM comment_likes WHERE comment_id = $1) AS rows FROM comments WHERE id = $1`,
    [id],
  );
  return rows[0];
}

export async function reportRows(svc: TestService, id: string): Promise<number> {
  const { rows } = await svc.services.db.query<{ n: number }>('SELECT count(*)::int AS n FROM comment_reports WHERE comment_id = $1', [id]);
  return rows[0].n;
}
