/**
 * `npm run export:decisions`: decided comments as JSONL for retraining the span model, run as
 * the command it is against a real PostgreSQL (export-decisions-pglite.test.ts: against an
 * embedded PGlite directory). Comments are written through the stores and decided through the
 * decision service, as the worker and the moderator queue do; only decision times are set by
 * hand, to make the order known.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/moderation/accounts/password.js';
import type { Verdict } from '../../src/filters/index.js';
import { decidedComments } from '../../src/store/decided-comments.js';
import { startTestService, type TestService } from '../support/service.js';
import { cli, parse, PERSONAL, submitted, verdictOf, asWorker } from './export-fixtures.js';

describe('npm run export:decisions (PostgreSQL)', () => {
  let svc: TestService;
  let env: Record<string, string>;
  let moderatorId: string;
  const db = () => svc.services.db;
  const ids: Record<string, string> = {};
  const texts: Record<string, string> = {};

  const decide = (commentId: string, decision: 'approve' | 'reject', reason: string | null = null, force = false) =>
    svc.services.decisionService.decide({ commentId, decision, moderatorId, reason, force });
  /** Gives a decided comment a known decision time (microseconds kept), so the export's order is known. */
  const decidedAt = (id: string, at: string) => db().query(`UPDATE comments SET decided_at = $2::timestamptz WHERE id = $1`, [id, at]);

  beforeAll(async () => {
    svc = await startTestService({ engine: 'postgres', workers: false });
    env = { DATABASE_URL: svc.config.databaseUrl! };
    moderatorId = randomUUID();
    await svc.services.moderators.createIfAbsent({
      id: moderatorId,
      email: PERSONAL.moderatorEmail,
      displayName: PERSONAL.moderatorName,
      role: 'moderator',
      passwordHash: await hashPassword('mat-khau-kiem-duyet'),
    });
    const save = async (key: string, content: string, who: number, verdict: Verdict, rejected = false) => {
      const { comment } = await svc.services.comments.saveModerated(asWorker(submitted(content, who), verdict, rejected));
      ids[key] = comment.id;
      texts[key] = content;
      return comment.id;
    };

    // 1. Still pending: never exported.
    const pendingText = 'Bài này viết dở, đồ ngu';
    await save('pending', pendingText, 0, verdictOf(pendingText, 'review', [['profanity.vi', 'review', 'ngu']]));

    // 2. Approved by a moderator, with a highlight the moderator overruled.
    const approvedText = 'Con chó nhà tôi cũng biết đường này hỏng 😅 từ lâu';
    await save('approved', approvedText, 1, verdictOf(approvedText, 'review', [['profanity.vi', 'review', 'chó']]));
    await decide(ids.approved, 'approve');

    // 3. Rejected by a moderator with a reason, the model's reason (with its confidence) stored.
    const rejectedText = 'Thằng tác giả 🤡 óc chó, viết như hạch';
    await save(
      'rejected',
      rejectedText,
      2,
      verdictOf(rejectedText, 'review', [
        ['model.offensive', 'review', 'óc chó', { confidence: 0.87 }],
        ['profanity.vi', 'review', 'hạch'],
      ]),
    );
    await decide(ids.rejected, 'reject', 'Ngôn từ thô tục');

    // 4. Rejected by the filter on its own.
    const filterText = 'Vay tiền nhanh, gọi 0912 345 678, đm bọn ngân hàng';
    await save(
      'filter',
      filterText,
      0,
      verdictOf(filterText, 'block', [
        ['spam.lending', 'block', 'Vay tiền nhanh'],
        ['spam.phone', 'block', '0912 345 678'],
        ['profanity.vi', 'block', 'đm'],
      ]),
      true,
    );

    // 5. Rejected by the filter, then rescued by a moderator.
    const rescuedText = 'Đội tuyển đá như cặc… à không, như cắc cớ, chán thật';
    await save('rescued', rescuedText, 1, verdictOf(rescuedText, 'block', [['profanity.vi', 'block', 'cặc']]), true);
    await decide(ids.rescued, 'approve', null, true);

    // 6. Approved by a moderator, then overturned to a rejection: the latest decision counts.
    const overturnedText = 'Mua hàng giá rẻ tại shop em nhé các bác';
    await save('overturned', overturnedText, 2, verdictOf(overturnedText, 'pass', []));
    await decide(ids.overturned, 'approve');
    await decide(ids.overturned, 'reject', 'Quảng cáo / spam', true);

    // Decision times one second apart, in this order, with microseconds.
    const order = ['approved', 'rejected', 'filter', 'rescued', 'overturned'];
    for (const [i, key] of order.entries()) await decidedAt(ids[key], `2026-11-0${i + 1}T08:00:00.123456Z`);
  }, 120_000);
  afterAll(() => svc?.stop());

  it('writes each decided comment as one line with every field mapped, pending ones left out', async () => {
    const { code, stdout, stderr } = await cli(env);
    expect(code).toBe(0);
    expect(stderr).toContain('export:decisions: 5 decisions exported');
    expect(stdout.endsWith('\n')).toBe(true);
    const rows = parse(stdout);
    const span = (key: string, rule: string, tier: string, word: string, extra: object = {}) => {
      const start = texts[key].indexOf(word);
      return { rule, tier, start, end: start + word.length, ...extra };
    };
    expect(rows).toEqual([
      {
        id: ids.approved,
        text: texts.approved,
        decision: 'approved',
        reason: null,
        decidedBy: 'moderator',
        rescued: false,
        edited: false,
        reasons: [span('approved', 'profanity.vi', 'review', 'chó')],
        decidedAt: '2026-11-01T08:00:00.123Z',
      },
      {
        id: ids.rejected,
        text: texts.rejected,
        decision: 'rejected',
        reason: 'Ngôn từ thô tục',
        decidedBy: 'moderator',
        rescued: false,
        edited: false,
        reasons: [
          span('rejected', 'model.offensive', 'review', 'óc chó', { confidence: 0.87 }),
          span('rejected', 'profanity.vi', 'review', 'hạch'),
        ],
        decidedAt: '2026-11-02T08:00:00.123Z',
      },
      {
        id: ids.filter,
        text: texts.filter,
        decision: 'rejected',
        reason: 'spam.lending, spam.phone, profanity.vi',
        decidedBy: 'filter',
        rescued: false,
        edited: false,
        reasons: [
          span('filter', 'spam.lending', 'block', 'Vay tiền nhanh'),
          span('filter', 'spam.phone', 'block', '0912 345 678'),
          span('filter', 'profanity.vi', 'block', 'đm'),
        ],
        decidedAt: '2026-11-03T08:00:00.123Z',
      },
      {
        id: ids.rescued,
        text: texts.rescued,
        decision: 'approved',
        reason: null,
        decidedBy: 'moderator',
        rescued: true,
        edited: false,
        reasons: [span('rescued', 'profanity.vi', 'block', 'cặc')],
        decidedAt: '2026-11-04T08:00:00.123Z',
      },
      {
        id: ids.overturned,
        text: texts.overturned,
        decision: 'rejected',
        reason: 'Quảng cáo / spam',
        decidedBy: 'moderator',
        rescued: false,
        edited: false,
        reasons: [],
        decidedAt: '2026-11-05T08:00:00.123Z',
      },
    ]);
    expect(stdout).not.toContain(ids.pending);
    expect(stdout).not.toContain(texts.pending);
    // Spans are the verdict's UTF-16 offsets into the text as written (the 🤡 before "óc chó" is two units).
    expect(rows[1].text.slice(rows[1].reasons[0].start, rows[1].reasons[0].end)).toBe('óc chó');
  });

  it('lets no name, email, IP address, user agent or moderator out', async () => {
    const { stdout, stderr } = await cli(env);
    const personal = [
      ...PERSONAL.names,
      ...PERSONAL.emails,
      ...PERSONAL.ips,
      ...PERSONAL.userAgents,
      PERSONAL.moderatorEmail,
      PERSONAL.moderatorName,
      moderatorId,
    ];
    for (const value of personal) {
      expect(stdout, value).not.toContain(value);
      expect(stderr, value).not.toContain(value);
    }
    // Nor anything shaped like them: no @, no IPv4 address, no key other than the documented ones.
    expect(stdout).not.toContain('@');
    expect(stdout).not.toMatch(/\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/);
    for (const row of parse(stdout)) {
      expect(Object.keys(row).sort()).toEqual([
        'decidedAt',
        'decidedBy',
        'decision',
        'edited',
        'id',
        'reason',
        'reasons',
        'rescued',
        'text',
      ]);
    }
  });

  it('--since keeps decisions taken at or after the time; --limit stops after N', async () => {
    const since = parse((await cli(env, ['--since', '2026-11-03T08:00:00.123456Z'])).stdout);
    expect(since.map((r) => r.id)).toEqual([ids.filter, ids.rescued, ids.overturned]);
    const day = parse((await cli(env, ['--since', '2026-11-04'])).stdout);
    expect(day.map((r) => r.id)).toEqual([ids.rescued, ids.overturned]);
    const limited = await cli(env, ['--limit', '2']);
    expect(parse(limited.stdout).map((r) => r.id)).toEqual([ids.approved, ids.rejected]);
    expect(limited.stderr).toContain('2 decisions exported');
    const both = parse((await cli(env, ['--since', '2026-11-02', '--limit', '1'])).stdout);
    expect(both.map((r) => r.id)).toEqual([ids.rejected]);
    expect(parse((await cli(env, ['--since', '2027-01-01'])).stdout)).toEqual([]);
  });

  it('pages of any size give the same lines as one page', async () => {
    const whole = (await cli(env)).stdout;
    for (const size of ['1', '2', '4', '5']) expect((await cli(env, ['--page-size', size])).stdout, size).toBe(whole);
    expect((await cli(env, ['--page-size', '2', '--limit', '3'])).stdout).toBe(whole.split('\n').slice(0, 3).join('\n') + '\n');
  });

  it('--out writes the file only once complete, and nothing to stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'export-decisions-'));
    try {
      const file = join(dir, 'decisions.jsonl');
      const { code, stdout, stderr } = await cli(env, ['--out', file]);
      expect(code).toBe(0);
      expect(stdout).toBe('');
      expect(stderr).toContain(`5 decisions exported to ${file}`);
      expect(parse(readFileSync(file, 'utf8'))).toHaveLength(5);
      expect(existsSync(`${file}.partial`)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 1 with one line when the database cannot be reached, 2 on bad arguments', async () => {
    const down = await cli({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nothing' });
    expect(down.code).toBe(1);
    expect(down.stdout).toBe('');
    expect(down.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^export:decisions: cannot reach the database: .*ECONNREFUSED/)]);
    for (const args of [['--limit', '0'], ['--limit', 'nhiều'], ['--since', 'hôm qua'], ['--unknown']]) {
      const bad = await cli(env, args);
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.stderr).toContain('Usage: npm run export:decisions');
    }
  });

  it('pages across many rows decided in the same statement (equal decision times) without repeating or losing one', async () => {
    // 2,500 filter rejections in batches of 300, as the worker saves them: every row of a
    // batch has the same decided_at, so page boundaries (every 1,000 rows) fall inside ties.
    const many: string[] = [];
    for (let b = 0; b < 2_500; b += 300) {
      const batch = [];
      for (let i = b; i < Math.min(2_500, b + 300); i++) {
        const text = `Quảng cáo số ${i}: vay tiền nhanh, gọi 0987 654 ${String(i).padStart(3, '0')}`;
        batch.push(asWorker(submitted(text, i), verdictOf(text, 'block', [['spam.lending', 'block', 'vay tiền nhanh']]), true));
      }
      await svc.services.comments.saveModeratedMany(batch);
      many.push(...batch.map((r) => r.comment.id));
    }
    const { code, stdout, stderr } = await cli(env);
    expect(code).toBe(0);
    const rows = parse(stdout);
    expect(rows).toHaveLength(2_505);
    expect(new Set(rows.map((r) => r.id)).size).toBe(2_505);
    expect(new Set(rows.filter((r) => r.decidedBy === 'filter' && r.reason === 'spam.lending').map((r) => r.id))).toEqual(new Set(many));
    // Oldest decision first, ties in id order.
    const keys = rows.map((r) => [r.decidedAt, r.id] as const);
    for (let i = 1; i < keys.length; i++)
      expect(keys[i - 1][0] < keys[i][0] || (keys[i - 1][0] === keys[i][0] && keys[i - 1][1] < keys[i][1])).toBe(true);
    expect(stderr).toContain('2505 decisions exported');
    // The store reads one page per statement and hands them over as it goes.
    const pages: number[] = [];
    for await (const page of decidedComments(db(), { pageSize: 1_000 })) pages.push(page.length);
    expect(pages).toEqual([1_000, 1_000, 505]);
    const limited = parse((await cli(env, ['--limit', '1500'])).stdout);
    expect(limited.map((r) => r.id)).toEqual(rows.slice(0, 1_500).map((r) => r.id));
  }, 120_000);
});
