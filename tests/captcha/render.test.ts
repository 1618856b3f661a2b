import { describe, expect, it } from 'vitest';
import { buildSvg, IMAGE_HEIGHT, IMAGE_WIDTH, renderCaptcha } from '../../src/captcha/render.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('captcha rendering', () => {
  it('produces a PNG data URL at twice the drawing size', async () => {
    const { image, answer } = await renderCaptcha('ab3kd');
    expect(answer).toBe('ab3kd');
    expect(image.startsWith('data:image/png;base64,')).toBe(true);
    const png = Buffer.from(image.split(',')[1], 'base64');
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.readUInt32BE(16)).toBe(IMAGE_WIDTH * 2);
    expect(png.readUInt32BE(20)).toBe(IMAGE_HEIGHT * 2);
    // Small enough to keep a pool of hundreds in Redis and send it in one response.
    expect(png.length).toBeLessThan(40_000);
  });

  it('draws glyphs as paths under a warp filter with extra noise, never as text', () => {
    const svg = buildSvg('ab3kd');
    expect(svg).not.toMatch(/<text/);
    expect(svg).not.toContain('ab3kd');
    expect(svg).toContain('feDisplacementMap');
    expect((svg.match(/<circle /g) ?? []).length).toBeGreaterThanOrEqual(50);
    expect((svg.match(/transform="rotate\(/g) ?? []).length).toBe(5); // every glyph tilted
  });

  it('never draws the same answer the same way twice', async () => {
    const a = await renderCaptcha('ab3kd');
    const b = await renderCaptcha('ab3kd');
    expect(a.image).not.toBe(b.image);
  });
});
