import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSWER_ALPHABET, randomAnswer } from '../../src/captcha/answer.js';
import { buildSvg, IMAGE_HEIGHT, IMAGE_WIDTH, renderCaptcha } from '../../src/captcha/render.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const pngOf = (image: string) => Buffer.from(image.slice('data:image/png;base64,'.length), 'base64');
/** The budget for one image (the RGBA PNG of before was ~16 KB, ~21 KB as a data URL). */
const MAX_PNG_BYTES = 6 * 1024;

describe('captcha rendering', () => {
  it('produces a palette PNG data URL at twice the drawing size', () => {
    const { image, answer } = renderCaptcha('ab3kd');
    expect(answer).toBe('ab3kd');
    expect(image.startsWith('data:image/png;base64,')).toBe(true);
    const png = pngOf(image);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(IMAGE_WIDTH * 2);
    expect(png.readUInt32BE(20)).toBe(IMAGE_HEIGHT * 2);
    expect([png[24], png[25]]).toEqual([4, 3]); // 4 bits per pixel, colour type 3 (palette)
    expect(png.toString('latin1', 37, 41)).toBe('PLTE');
  });

  it(`every image is at most ${MAX_PNG_BYTES} bytes (40 samples)`, () => {
    const sizes = Array.from({ length: 40 }, () => pngOf(renderCaptcha(randomAnswer()).image).length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_PNG_BYTES);
  });

  it('draws glyphs as tilted paths with extra noise, never as text', () => {
    const svg = buildSvg('ab3kd');
    expect(svg).not.toMatch(/<text/);
    expect(svg).not.toContain('ab3kd');
    expect((svg.match(/<circle /g) ?? []).length).toBeGreaterThanOrEqual(50);
    expect((svg.match(/transform="rotate\(/g) ?? []).length).toBe(5); // every glyph tilted
  });

  it('never draws the same answer the same way twice', () => {
    const a = renderCaptcha('ab3kd');
    const b = renderCaptcha('ab3kd');
    expect(a.image).not.toBe(b.image);
  });
});

// Off-the-shelf OCR on a small sample: tesseract, told the alphabet, as a script would run it.
// Skipped where tesseract is not installed (apt-get install tesseract-ocr; .ci/run installs it).
const hasTesseract = spawnSync('tesseract', ['--version']).status === 0;

describe.skipIf(!hasTesseract)('captcha images against OCR (tesseract)', () => {
  it('tesseract with a character whitelist reads at most 1 of 30 images', () => {
    const dir = mkdtempSync(join(tmpdir(), 'captcha-ocr-'));
    try {
      let read = 0;
      for (let i = 0; i < 30; i++) {
        const { image, answer } = renderCaptcha(randomAnswer());
        const file = join(dir, `${i}.png`);
        writeFileSync(file, pngOf(image));
        // --psm 7: one line of text, the most favourable layout for a captcha. Tesseract 5.3
        // sometimes dies (SIGFPE) on these images: it read nothing then.
        const ocr = spawnSync('tesseract', [file, '-', '--psm', '7', '-c', `tessedit_char_whitelist=${ANSWER_ALPHABET}`], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        });
        if ((ocr.stdout ?? '').replace(/\s/g, '').toLowerCase() === answer.toLowerCase()) read++;
      }
      expect(read).toBeLessThanOrEqual(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
