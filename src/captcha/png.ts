/**
 * A palette PNG encoder (colour type 3, 1/2/4/8 bits per pixel), on node:zlib alone.
 *
 * Why our own: resvg only writes 32-bit RGBA PNGs (a 300×100 captcha ≈ 16 KB), pngjs writes
 * no palette images, and a palette encoder is the four chunks below. The image is a ramp of
 * at most 16 shades (render.ts uses 8), so 4 bits per pixel and DEFLATE bring it to about
 * 3.5 KB. DEFLATE level 6, not 9: level 9 took 3 times as long for 3% less.
 */
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export type Rgb = readonly [number, number, number];

/**
 * `indices` holds one palette index per pixel, row by row (width × height). Rows are written
 * unfiltered (filter type 0), the recommended choice for palette images.
 */
export function encodePalettePng(width: number, height: number, indices: Uint8Array, palette: readonly Rgb[]): Buffer {
  if (indices.length !== width * height) throw new RangeError(`expected ${width * height} pixels, got ${indices.length}`);
  if (palette.length < 1 || palette.length > 256) throw new RangeError('a palette holds 1 to 256 colours');
  const bitDepth = palette.length <= 2 ? 1 : palette.length <= 4 ? 2 : palette.length <= 16 ? 4 : 8;
  const perByte = 8 / bitDepth;
  const rowBytes = Math.ceil(width / perByte);
  const raw = Buffer.alloc((rowBytes + 1) * height); // each row: filter byte 0, then packed pixels
  for (let y = 0; y < height; y++) {
    const rowStart = y * (rowBytes + 1) + 1;
    for (let x = 0; x < width; x++) {
      const index = indices[y * width + x];
      if (index >= palette.length) throw new RangeError(`pixel ${x},${y}: index ${index} is outside the palette`);
      // The first pixel of a byte sits in its high bits.
      const shift = 8 - bitDepth * ((x % perByte) + 1);
      raw[rowStart + Math.floor(x / perByte)] |= index << shift;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = bitDepth;
  header[9] = 3; // colour type: indexed
  // compression 0, filter method 0, no interlace: the remaining three bytes stay 0
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', Buffer.from(palette.flat())),
    chunk('IDAT', deflateSync(raw, { level: 6 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
