import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs the command line as a user would, feeding `input` on stdin. */
function runCli(input: string, args: string[] = []): Promise<{ code: number | null; lines: unknown[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/filters/cli.ts', ...args], { cwd: process.cwd() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const lines = stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as unknown);
      resolve({ code, lines, stderr });
    });
    child.stdin.end(input);
  });
}

describe('filter command line', () => {
  it('writes one JSON line per input line, with an error line for a malformed one', async () => {
    const input = [
      'Địt mẹ bọn lâm tặc',
      '{"id":"c2","text":"Vay tiền nhanh, liên hệ 0905 123 456"}',
      '{"id": "c3", "text": unterminated',
      '{"id":"c4"}',
      'Cảm ơn báo đã đưa tin trên baoquangtri.vn',
    ].join('\n');
    const { code, lines } = await runCli(`${input}\n`, ['--site-domains=baoquangtri.vn']);
    expect(code).toBe(0);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({ id: '1', action: 'block' });
    // The learned model adds its own review reasons beside the rules' (new rule names are additions).
    const reasons = (lines[0] as { reasons: Array<{ rule: string; tier: string }> }).reasons;
    expect(reasons[0]).toMatchObject({ rule: 'profanity.vi', match: 'Địt mẹ' });
    for (const r of reasons.slice(1)) expect(r).toMatchObject({ rule: 'model.offensive', tier: 'review' });
    expect(lines[1]).toMatchObject({ id: 'c2', action: 'block' });
    expect(lines[2]).toEqual({ line: 3, error: 'invalid JSON' });
    expect(lines[3]).toEqual({ line: 4, error: 'missing "text" string' });
    expect(lines[4]).toMatchObject({ id: '5', action: 'pass', score: 0, reasons: [] });
    expect(Object.keys(lines[0] as object)).toEqual(['id', 'action', 'score', 'reasons', 'lexiconVersion']);
  });

  it('streams many lines and exits 0', async () => {
    const many = Array.from({ length: 20_000 }, (_, i) => `{"id":"${i}","text":"bình luận số ${i}, đm"}`).join('\n');
    const { code, lines } = await runCli(many);
    expect(code).toBe(0);
    expect(lines).toHaveLength(20_000);
    expect(lines[19_999]).toMatchObject({ id: '19999', action: 'block' });
  }, 60_000);
});
