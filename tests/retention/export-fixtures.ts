/**
 * What the export:decisions tests share: running the command as it is, parsing its lines, and
 * comments with every personal field filled, stored and decided as the worker and moderators do.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { newCommentId } from '../../src/comments/ids.js';
import type { SubmittedComment } from '../../src/comments/types.js';
import type { Reason, Verdict } from '../../src/filters/index.js';
import type { SaveModeratedRequest } from '../../src/store/comments.js';
import type { DecidedComment } from '../../src/store/decided-comments.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');

/** A line of the export as parsed; its fields are checked by value below, not trusted from the type. */
export type Exported = DecidedComment;

/** Runs the command; env holds DATABASE_URL or DATA_DIR. Never throws: the exit code is in `code`. */
export async function cli(env: Record<string, string>, args: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src/retention/export-decisions-cli.ts'), ...args],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', ...env },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

export const parse = (stdout: string): Exported[] =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Exported);

/** Every personal string a commenter or moderator leaves; none may appear in an export. */
export const PERSONAL = {
  names: ['Trần Thị Bảo Ngọc', 'Lê Văn Tám', 'Hoàng Quốc Việt'],
  emails: ['bao.ngoc.1990@example.vn', 'le.tam@example.vn', 'qviet@example.com'],
  ips: ['198.51.100.23', '2001:db8::77', '203.0.113.45'],
  userAgents: ['Mozilla/5.0 (Macintosh) BaoNgocBrowser/1.0', 'CocCoc/120 TamAgent', 'ZaloWebView/9.1'],
  moderatorEmail: 'kiem.duyet.vien@example.vn',
  moderatorName: 'Kiểm Duyệt Viên Hà',
};

let clock = Date.parse('2026-10-01T00:00:00.000Z');

export function submitted(content: string, who: number): SubmittedComment {
  clock += 1_000;
  return {
    id: newCommentId(),
    articleId: 'bai-xuat-quyet-dinh',
    parentId: null,
    authorName: PERSONAL.names[who % 3],
    authorEmail: PERSONAL.emails[who % 3],
    content,
    ip: PERSONAL.ips[who % 3],
    userAgent: PERSONAL.userAgents[who % 3],
    createdAt: new Date(clock).toISOString(),
  };
}

/** A verdict whose reasons are the given words of `content` (the first occurrence of each). */
export function verdictOf(
  content: string,
  action: Verdict['action'],
  words: Array<[rule: string, tier: Reason['tier'], word: string, extra?: object]>,
): Verdict {
  const reasons = words.map(([rule, tier, word, extra]) => {
    const start = content.indexOf(word);
    if (start < 0) throw new Error(`"${word}" is not in "${content}"`);
    return { rule, tier, match: word, start, end: start + word.length, ...extra } as Reason;
  });
  return { action, score: action === 'block' ? 0.95 : 0.6, reasons, lexiconVersion: 'test-export' };
}

/** As the moderation worker stores a comment: pending for a person, or rejected by the filter naming its rules. */
export function asWorker(comment: SubmittedComment, verdict: Verdict, rejected: boolean): SaveModeratedRequest {
  return rejected
    ? { comment, verdict, status: 'rejected', decidedBy: 'filter', decisionReason: verdict.reasons.map((r) => r.rule).join(', ') }
    : { comment, verdict, status: 'pending', decidedBy: null, decisionReason: null };
}
