/**
 * Renders one captcha image: svg-captcha draws the glyphs as paths, we tilt and warp them, add
 * noise a script cannot peel off (specks, curves crossing the text) and rasterise it all to
 * PNG with resvg, so the picture no longer contains separable text paths.
 *
 * Rendering is CPU work (tens of ms per image, see bench/captcha.bench.ts). The rasterising,
 * most of it, runs on libuv's thread pool (resvg's renderAsync); building the SVG and encoding
 * the PNG stay on the event loop (a few ms), so the api keeps answering while the pool refills.
 */
import { randomInt } from 'node:crypto';
import { renderAsync } from '@resvg/resvg-js';
import * as svgCaptcha from 'svg-captcha';

export const IMAGE_WIDTH = 150;
export const IMAGE_HEIGHT = 50;
/** Rasterise at 2x so the image stays sharp on high-density screens. */
const SCALE = 2;
const BACKGROUND = '#f7f4ec';

export interface RenderedCaptcha {
  /** `data:image/png;base64,…` */
  image: string;
  answer: string;
}

// svg-captcha's default export (module.exports = createCaptcha(text, options)) is missing from
// its type declarations; under ESM interop it is the namespace's `default`.
const drawText = (svgCaptcha as unknown as { default: (text: string, options: svgCaptcha.ConfigObject) => string }).default;

export async function renderCaptcha(answer: string): Promise<RenderedCaptcha> {
  const svg = buildSvg(answer);
  const rendered = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: SCALE },
    font: { loadSystemFonts: false }, // glyphs are paths already; skipping font discovery is much faster
    logLevel: 'off',
  });
  return { image: `data:image/png;base64,${rendered.asPng().toString('base64')}`, answer };
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
  // put them in our own document under a warp filter, with our noise layers on top.
  const inner = glyphs
    .replace(/^<svg[^>]*>/, '')
    .replace(/<\/svg>$/, '')
    .replace(/<path fill="[^"]*" d="([^"]*)"\/>/g, (_match, d: string) => tiltedGlyph(d));
  const seed = randomInt(1, 10_000);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${IMAGE_WIDTH}" height="${IMAGE_HEIGHT}" viewBox="0 0 ${IMAGE_WIDTH} ${IMAGE_HEIGHT}">`,
    '<defs>',
    // A low-frequency turbulence displaces every pixel of the text a little: strokes wobble
    // the way handwriting does, which people read easily and segmenters do not. It is the
    // costliest step of a render (about three quarters of it), so only the text goes through it.
    `<filter id="warp" filterUnits="userSpaceOnUse" x="0" y="0" width="${IMAGE_WIDTH}" height="${IMAGE_HEIGHT}">`,
    `<feTurbulence type="fractalNoise" baseFrequency="0.03 0.06" numOctaves="1" seed="${seed}" result="noise"/>`,
    `<feDisplacementMap in="SourceGraphic" in2="noise" scale="7" xChannelSelector="R" yChannelSelector="G"/>`,
    '</filter>',
    '</defs>',
    `<rect width="100%" height="100%" fill="${BACKGROUND}"/>`,
    dots(35),
    // svg-captcha's baseline sits low for this font; lift the glyphs to the middle.
    `<g filter="url(#warp)"><g transform="translate(0 -5)">${inner}</g></g>`,
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
