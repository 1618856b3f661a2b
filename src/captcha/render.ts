/**
 * Renders one captcha image: svg-captcha draws the glyphs as paths, we tilt and warp them, add
 * noise a script cannot peel off (specks, curves crossing the text), rasterise it all with
 * resvg, and write it as a 16-shade palette PNG (about 4 KB), so the picture no longer
 * contains separable text paths.
 *
 * Rendering is CPU work (about 10 ms per image, see bench/captcha.bench.ts) and runs
 * synchronously: call it only on a render thread (render-pool.ts), never on a process's event
 * loop; tests and benches call it directly.
 */
import { randomInt } from 'node:crypto';
import { Resvg } from '@resvg/resvg-js';
import * as svgCaptcha from 'svg-captcha';
import { encodePalettePng, type Rgb } from './png.js';

export const IMAGE_WIDTH = 150;
export const IMAGE_HEIGHT = 50;
/** Rasterise at 2x so the image stays sharp on high-density screens. */
const SCALE = 2;
const BACKGROUND = '#f7f4ec';
/**
 * The image's 16 shades, from the paper background to a dark blue-black ink. Shades rather than
 * the drawing's colours: they keep the anti-aliased edges (the text stays smooth at 4 bits a
 * pixel), and colour never helped against OCR, which thresholds to black and white first.
 */
const PAPER: Rgb = [0xf7, 0xf4, 0xec];
const INK: Rgb = [0x1c, 0x1f, 0x2e];
const SHADES = 8;
const PALETTE: Rgb[] = Array.from(
  { length: SHADES },
  (_, i) => PAPER.map((p, k) => Math.round(p + ((INK[k] - p) * i) / (SHADES - 1))) as unknown as Rgb,
);
const luma = ([r, g, b]: Rgb) => (r * 77 + g * 150 + b * 29) >> 8; // as lightness() below
const PAPER_LUMA = luma(PAPER);
const INK_LUMA = luma(INK);

export interface RenderedCaptcha {
  /** `data:image/png;base64,…` */
  image: string;
  answer: string;
}

// svg-captcha's default export (module.exports = createCaptcha(text, options)) is missing from
// its type declarations; under ESM interop it is the namespace's `default`.
const drawText = (svgCaptcha as unknown as { default: (text: string, options: svgCaptcha.ConfigObject) => string }).default;

/** Synchronous and CPU-bound: see the header. */
export function renderCaptcha(answer: string): RenderedCaptcha {
  const rendered = new Resvg(buildSvg(answer), {
    fitTo: { mode: 'zoom', value: SCALE },
    font: { loadSystemFonts: false }, // glyphs are paths already; skipping font discovery is much faster
    logLevel: 'off',
  }).render();
  const { width, height } = rendered;
  const shades = toShades(warp(lightness(rendered.pixels), width, height));
  const png = encodePalettePng(width, height, shades, PALETTE);
  return { image: `data:image/png;base64,${png.toString('base64')}`, answer };
}

/** Lightness (0–255) of each RGBA pixel; the background is opaque, so alpha is ignored. */
function lightness(rgba: Buffer): Uint8Array {
  const out = new Uint8Array(rgba.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = (rgba[4 * i] * 77 + rgba[4 * i + 1] * 150 + rgba[4 * i + 2] * 29) >> 8;
  return out;
}

/**
 * Displaces every pixel by a smooth random field (up to WARP_PX each way): strokes wobble the
 * way handwriting does, which people read easily and segmenters do not. The field is value
 * noise: random offsets on a coarse grid (cells of WARP_CELL), eased in between. Done here,
 * on 30,000 lightness values, rather than as an SVG feTurbulence filter, which was three
 * quarters of resvg's time.
 */
const WARP_PX = 7;
const WARP_CELL = { x: 60, y: 30 };
function warp(src: Uint8Array, width: number, height: number): Uint8Array {
  const cols = Math.ceil(width / WARP_CELL.x) + 2;
  const rows = Math.ceil(height / WARP_CELL.y) + 2;
  const field = () => Float64Array.from({ length: cols * rows }, () => (randomInt(-1000, 1001) / 1000) * WARP_PX);
  const fx = field();
  const fy = field();
  const ease = (t: number) => t * t * (3 - 2 * t);
  // Per column: its grid cell and eased weight, the same on every row.
  const cellOf = new Int32Array(width);
  const weightOf = new Float64Array(width);
  for (let x = 0; x < width; x++) {
    cellOf[x] = Math.floor(x / WARP_CELL.x);
    weightOf[x] = ease(x / WARP_CELL.x - cellOf[x]);
  }
  const rowX = new Float64Array(cols); // the field between two grid rows, at this y
  const rowY = new Float64Array(cols);
  const out = new Uint8Array(src.length);
  const maxX = width - 1.001;
  const maxY = height - 1.001;
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / WARP_CELL.y);
    const ty = ease(y / WARP_CELL.y - row);
    for (let c = 0; c < cols; c++) {
      const k = row * cols + c;
      rowX[c] = fx[k] * (1 - ty) + fx[k + cols] * ty;
      rowY[c] = fy[k] * (1 - ty) + fy[k + cols] * ty;
    }
    for (let x = 0; x < width; x++) {
      const c = cellOf[x];
      const tx = weightOf[x];
      // Bilinear sample of the source at the displaced point, clamped to the edges.
      const sx = Math.min(Math.max(x + rowX[c] * (1 - tx) + rowX[c + 1] * tx, 0), maxX);
      const sy = Math.min(Math.max(y + rowY[c] * (1 - tx) + rowY[c + 1] * tx, 0), maxY);
      const x0 = sx | 0;
      const y0 = sy | 0;
      const ax = sx - x0;
      const ay = sy - y0;
      const i = y0 * width + x0;
      out[y * width + x] = (src[i] * (1 - ax) + src[i + 1] * ax) * (1 - ay) + (src[i + width] * (1 - ax) + src[i + width + 1] * ax) * ay;
    }
  }
  return out;
}

/** Lightness to indices into PALETTE: paper is 0, ink is SHADES - 1. */
function toShades(light: Uint8Array): Uint8Array {
  const out = new Uint8Array(light.length);
  const span = PAPER_LUMA - INK_LUMA;
  for (let i = 0; i < out.length; i++) {
    const shade = Math.round(((PAPER_LUMA - light[i]) * (SHADES - 1)) / span);
    out[i] = shade < 0 ? 0 : shade >= SHADES ? SHADES - 1 : shade;
  }
  return out;
}

/** The SVG before rasterising (exported for tests and for tuning the look). */
export function buildSvg(answer: string): string {
  const glyphs = drawText(answer, {
    width: IMAGE_WIDTH,
    height: IMAGE_HEIGHT,
    fontSize: 44,
    noise: 2,
    color: true,
  });
  // Keep svg-captcha's glyphs and noise lines, recoloured and each glyph turned a little, and
  // put them in our own document with our noise layers; the whole picture is warped after
  // rasterising (warp()).
  const inner = glyphs
    .replace(/^<svg[^>]*>/, '')
    .replace(/<\/svg>$/, '')
    .replace(/<path fill="[^"]*" d="([^"]*)"\/>/g, (_match, d: string) => tiltedGlyph(d));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${IMAGE_WIDTH}" height="${IMAGE_HEIGHT}" viewBox="0 0 ${IMAGE_WIDTH} ${IMAGE_HEIGHT}">`,
    `<rect width="100%" height="100%" fill="${BACKGROUND}"/>`,
    dots(35),
    // svg-captcha's baseline sits low for this font; lift the glyphs to the middle.
    `<g transform="translate(0 -5)">${inner}</g>`,
    dots(25),
    arcs(3),
    '</svg>',
  ].join('');
}

/**
 * One glyph in a dark random colour (svg-captcha sometimes picks pale ones), turned up to
 * ±18° about its own centre so neighbours overlap less predictably.
 */
function tiltedGlyph(d: string): string {
  // opentype.js writes absolute commands, so the numbers alternate x, y.
  const numbers = d.match(/-?\d+(?:\.\d+)?/g)?.map(Number) ?? [];
  const xs = numbers.filter((_, i) => i % 2 === 0);
  const ys = numbers.filter((_, i) => i % 2 === 1);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  const angle = randomInt(-18, 19);
  const ink = color(10, 110);
  // The font's strokes are thin; outlining each glyph in its own colour thickens them so the
  // text survives the warp and the downscaling to 150×50 CSS pixels.
  return `<path fill="${ink}" stroke="${ink}" stroke-width="1.2" stroke-linejoin="round" transform="rotate(${angle} ${cx.toFixed(1)} ${cy.toFixed(1)})" d="${d}"/>`;
}

/** Specks of random colour over the whole image. */
function dots(count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) {
    const r = (randomInt(6, 16) / 10).toFixed(1);
    out += `<circle cx="${randomInt(IMAGE_WIDTH)}" cy="${randomInt(IMAGE_HEIGHT)}" r="${r}" fill="${color(90, 200)}"/>`;
  }
  return out;
}

/** Thin curves that cross the text from edge to edge, in colours close to the glyphs'. */
function arcs(count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) {
    const y = () => randomInt(8, IMAGE_HEIGHT - 8);
    const third = IMAGE_WIDTH / 3;
    const d = `M0 ${y()} C${randomInt(third)} ${y()} ${randomInt(third, 2 * third)} ${y()} ${IMAGE_WIDTH} ${y()}`;
    out += `<path d="${d}" stroke="${color(40, 160)}" stroke-width="${(randomInt(10, 18) / 10).toFixed(1)}" fill="none"/>`;
  }
  return out;
}

function color(min: number, max: number): string {
  const c = () => randomInt(min, max).toString(16).padStart(2, '0');
  return `#${c()}${c()}${c()}`;
}
