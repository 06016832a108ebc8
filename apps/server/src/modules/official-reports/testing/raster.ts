import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateSync, inflateSync } from 'node:zlib';

/**
 * Page images for the visual test of the PDFs: poppler's `pdftoppm` renders pages to 8-bit grayscale PNG,
 * decoded here (non-interlaced grayscale PNG: inflate, then undo the per-row filters) so two renderings can
 * be compared pixel by pixel with a tolerance. Not a general PNG decoder.
 */

/** A grayscale image. */
export interface Gray {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Decodes an 8-bit grayscale or RGB non-interlaced PNG (what `pdftoppm` writes) to grayscale. */
export function decodeGrayPng(png: Buffer): Gray {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 1;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || (data[9] !== 0 && data[9] !== 2) || data[12] !== 0)
        throw new Error('only 8-bit grayscale or RGB non-interlaced PNG');
      channels = data[9] === 2 ? 3 : 1;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  // Undo the filters on the bytes of each row (bpp = channels), then average RGB to gray.
  const bytes = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? bytes[y * stride + x - channels]! : 0;
      const b = y > 0 ? bytes[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? bytes[(y - 1) * stride + x - channels]! : 0;
      const v = raw[src + x]!;
      let out: number;
      switch (filter) {
        case 0:
          out = v;
          break;
        case 1:
          out = v + a;
          break;
        case 2:
          out = v + b;
          break;
        case 3:
          out = v + ((a + b) >> 1);
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          out = v + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
          break;
        }
        default:
          throw new Error(`bad PNG filter ${filter}`);
      }
      bytes[y * stride + x] = out & 0xff;
    }
  }
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) {
    pixels[i] =
      channels === 1 ? bytes[i]! : Math.round((bytes[i * 3]! + bytes[i * 3 + 1]! + bytes[i * 3 + 2]!) / 3);
  }
  return { width, height, pixels };
}

/** Renders the pages of a PDF to grayscale PNGs at `dpi`; returns them in page order. */
export async function pdfPages(pdf: Buffer, dpi = 50): Promise<Buffer[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'heza-pages-'));
  try {
    await fs.writeFile(path.join(dir, 'in.pdf'), pdf);
    await new Promise<void>((resolve, reject) =>
      execFile(
        'pdftoppm',
        ['-r', String(dpi), '-gray', '-png', path.join(dir, 'in.pdf'), path.join(dir, 'p')],
        (err) => (err ? reject(err) : resolve()),
      ),
    );
    const files = (await fs.readdir(dir)).filter((f) => f.startsWith('p-') && f.endsWith('.png')).sort();
    return Promise.all(files.map((f) => fs.readFile(path.join(dir, f))));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF by poppler's `pdftotext` (layout order). */
export async function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('pdftotext', ['-layout', '-', '-'], { maxBuffer: 20 * 1024 * 1024 }, (err, out) =>
      err ? reject(err) : resolve(out),
    );
    child.stdin!.end(pdf);
  });
}

/** How far two images are apart: the share of pixels differing by more than `threshold` (0–255). */
export function compareGray(
  a: Gray,
  b: Gray,
  threshold = 64,
): { sameSize: boolean; differing: number; share: number } {
  if (a.width !== b.width || a.height !== b.height)
    return { sameSize: false, differing: Number.POSITIVE_INFINITY, share: 1 };
  let differing = 0;
  for (let i = 0; i < a.pixels.length; i++)
    if (Math.abs(a.pixels[i]! - b.pixels[i]!) > threshold) differing++;
  return { sameSize: true, differing, share: differing / a.pixels.length };
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes a grayscale image as a compact 8-bit grayscale PNG (the stored references). */
export function encodeGrayPng(img: Gray): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(img.width, 0);
  ihdr.writeUInt32BE(img.height, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  const raw = Buffer.alloc((img.width + 1) * img.height);
  for (let y = 0; y < img.height; y++) {
    // Filter "up" compresses text pages well.
    raw[y * (img.width + 1)] = 2;
    for (let x = 0; x < img.width; x++) {
      const v = img.pixels[y * img.width + x]!;
      const up = y > 0 ? img.pixels[(y - 1) * img.width + x]! : 0;
      raw[y * (img.width + 1) + 1 + x] = (v - up) & 0xff;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
