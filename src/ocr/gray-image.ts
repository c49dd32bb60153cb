import type { DecodedImage } from '../pdf/page-image.ts';

/** An 8-bit grayscale image, row-major, 0 = black, 255 = white. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A 1-bit image as bytes, row-major: 1 = ink, 0 = background. */
export interface Bitmap {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A rectangle of pixels: [x0, y0, x1, y1), x1 and y1 exclusive. */
export type PixelRect = [x0: number, y0: number, x1: number, y1: number];

export const blankGray = (width: number, height: number, value = 255): GrayImage => ({ width, height, data: new Uint8Array(width * height).fill(value) });

/** Red this far above both green and blue is a seal's ink (see inkGray). */
const SEAL_RED_MARGIN = 60;

/**
 * The gray of a pixel as the reader should see it: its luma (ITU-R BT.601), except where red
 * stands well above green and blue, the ink of an official seal stamped over the form, which is
 * taken by its red channel, so it reads as paper: black text under the seal stays dark (its red
 * is low too). A form prints no red of its own.
 */
export function inkGray(r: number, g: number, b: number): number {
  return r - Math.max(g, b) > SEAL_RED_MARGIN ? r : Math.round(0.299 * r + 0.587 * g + 0.114 * b);
}

/** RGBA pixels (canvas ImageData) → gray (inkGray), transparent pixels counted as white. */
export function rgbaToGray(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GrayImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < data.length; i++, j += 4) {
    const luma = inkGray(rgba[j]!, rgba[j + 1]!, rgba[j + 2]!);
    const alpha = rgba[j + 3]!;
    if (alpha === 255) {
      data[i] = luma; // opaque, the usual case: luma · 1 + 255 · 0
      continue;
    }
    const a = alpha / 255;
    data[i] = Math.round(luma * a + 255 * (1 - a));
  }
  return { width, height, data };
}

/**
 * An image as pdf.js decoded it → a `width` × `height` gray image, the pixels at its top-left
 * (cut off, or white beyond them, where the sizes differ), gray as rgbaToGray makes it of the
 * same pixels drawn.
 */
export function decodedToGray(img: DecodedImage, width: number, height: number): GrayImage {
  const out = blankGray(width, height);
  const w = Math.min(width, img.width);
  const h = Math.min(height, img.height);
  const src = img.data;
  const rowBytes = img.kind === 1 ? (img.width + 7) >> 3 : 3 * img.width;
  for (let y = 0; y < h; y++) {
    const from = y * rowBytes;
    const to = y * width;
    if (img.kind === 1) {
      for (let x = 0; x < w; x++) out.data[to + x] = src[from + (x >> 3)]! & (128 >> (x & 7)) ? 255 : 0;
    } else {
      for (let x = 0, j = from; x < w; x++, j += 3) out.data[to + x] = inkGray(src[j]!, src[j + 1]!, src[j + 2]!);
    }
  }
  return out;
}

/** A rectangle clamped to the image. */
export function clampRect(r: PixelRect, width: number, height: number): PixelRect {
  const x0 = Math.max(0, Math.min(width, Math.floor(r[0])));
  const y0 = Math.max(0, Math.min(height, Math.floor(r[1])));
  const x1 = Math.max(x0, Math.min(width, Math.ceil(r[2])));
  const y1 = Math.max(y0, Math.min(height, Math.ceil(r[3])));
  return [x0, y0, x1, y1];
}

/** A copy of a rectangle of the image (clamped to it). */
export function cropGray(img: GrayImage, rect: PixelRect): GrayImage {
  const [x0, y0, x1, y1] = clampRect(rect, img.width, img.height);
  const width = x1 - x0;
  const height = y1 - y0;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) data.set(img.data.subarray((y0 + y) * img.width + x0, (y0 + y) * img.width + x1), y * width);
  return { width, height, data };
}

/** The image turned clockwise by `quarters` quarter turns (0–3): exact, no resampling. */
export function turnGray(img: GrayImage, quarters: number): GrayImage {
  const q = ((quarters % 4) + 4) % 4;
  if (q === 0) return img;
  const { width: w, height: h, data } = img;
  const [ow, oh] = q === 2 ? [w, h] : [h, w];
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // where (x, y) lands: a clockwise quarter turn sends it to (h - 1 - y, x)
      const [tx, ty] = q === 1 ? [h - 1 - y, x] : q === 2 ? [w - 1 - x, h - 1 - y] : [y, w - 1 - x];
      out[ty * ow + tx] = data[y * w + x]!;
    }
  }
  return { width: ow, height: oh, data: out };
}

/** The image on a white margin of `pad` pixels each side (Tesseract reads glyphs that touch the border badly). */
export function padGray(img: GrayImage, pad: number): GrayImage {
  const out = blankGray(img.width + 2 * pad, img.height + 2 * pad);
  for (let y = 0; y < img.height; y++) out.data.set(img.data.subarray(y * img.width, (y + 1) * img.width), (y + pad) * out.width + pad);
  return out;
}

/** A binary PGM (P5) file of the image: what Tesseract (Leptonica) decodes fastest. */
export function grayToPgm(img: GrayImage): Uint8Array {
  const head = new TextEncoder().encode(`P5\n${img.width} ${img.height}\n255\n`);
  const out = new Uint8Array(head.length + img.data.length);
  out.set(head, 0);
  out.set(img.data, head.length);
  return out;
}

/** Count ink pixels of a bitmap inside a rectangle. */
export function countInk(bm: Bitmap, rect: PixelRect): number {
  const [x0, y0, x1, y1] = clampRect(rect, bm.width, bm.height);
  let n = 0;
  for (let y = y0; y < y1; y++) {
    const row = y * bm.width;
    for (let x = x0; x < x1; x++) n += bm.data[row + x]!;
  }
  return n;
}

/** The image scaled by `factor` (area-averaging when shrinking, bilinear when enlarging). */
export function scaleGray(img: GrayImage, factor: number): GrayImage {
  if (factor === 1) return img;
  const width = Math.max(1, Math.round(img.width * factor));
  const height = Math.max(1, Math.round(img.height * factor));
  const data = new Uint8Array(width * height);
  const inv = 1 / factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (factor < 1) {
        const x0 = Math.floor(x * inv);
        const y0 = Math.floor(y * inv);
        const x1 = Math.min(img.width, Math.max(x0 + 1, Math.floor((x + 1) * inv)));
        const y1 = Math.min(img.height, Math.max(y0 + 1, Math.floor((y + 1) * inv)));
        let sum = 0;
        for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) sum += img.data[yy * img.width + xx]!;
        data[y * width + x] = Math.round(sum / ((x1 - x0) * (y1 - y0)));
      } else {
        const sx = Math.min(img.width - 1.001, (x + 0.5) * inv - 0.5);
        const sy = Math.min(img.height - 1.001, (y + 0.5) * inv - 0.5);
        const xi = Math.max(0, Math.floor(sx));
        const yi = Math.max(0, Math.floor(sy));
        const fx = Math.max(0, sx - xi);
        const fy = Math.max(0, sy - yi);
        const i = yi * img.width + xi;
        const top = img.data[i]! + (img.data[i + 1]! - img.data[i]!) * fx;
        const bottom = img.data[i + img.width]! + (img.data[i + img.width + 1]! - img.data[i + img.width]!) * fx;
        data[y * width + x] = Math.round(top + (bottom - top) * fy);
      }
    }
  }
  return { width, height, data };
}

/**
 * The indices of a bitmap's ink pixels, in memory order. Paper is most of a page: it is
 * skipped four pixels at a time.
 */
export function inkIndices(bm: Bitmap): Int32Array {
  const data = bm.data;
  const words = wordsOf(data);
  // room for every pixel of every word holding ink, and the tail: no growing (a page-sized
  // array grown twice costs more than counting the words)
  let inkedWords = 0;
  for (let k = 0; k < words.length; k++) if (words[k] !== 0) inkedWords++;
  const out = new Int32Array(4 * inkedWords + data.length - 4 * words.length);
  let n = 0;
  for (let k = 0; k < words.length; k++) {
    if (words[k] === 0) continue;
    // branch-free (ink edges are everywhere): each index is written, and kept when its byte is
    // not 0 (-byte is then negative, its sign bit 1)
    for (let i = 4 * k; i < 4 * k + 4; i++) {
      out[n] = i;
      n += -data[i]! >>> 31;
    }
  }
  // the tail, or every byte when the data does not start on a 4-byte boundary
  for (let i = 4 * words.length; i < data.length; i++) if (data[i]) out[n++] = i;
  return out.subarray(0, n);
}

/**
 * The indices of the pixels where two bitmaps of one size differ, in memory order: where
 * despeckle dropped ink, say. Words of four equal pixels are passed over whole.
 */
export function differingIndices(a: Bitmap, b: Bitmap): Int32Array {
  const [da, db] = [a.data, b.data];
  let out: Int32Array = new Int32Array(1024);
  let n = 0;
  const [wa, wb] = [wordsOf(da), wordsOf(db)];
  const words = wa.length === wb.length ? wa.length : 0;
  for (let k = 0; k < words; k++) {
    if (wa[k] === wb[k]) continue;
    if (n + 4 > out.length) out = grown(out, n + 4);
    for (let i = 4 * k; i < 4 * k + 4; i++) if (da[i] !== db[i]) out[n++] = i;
  }
  for (let i = 4 * words; i < da.length; i++) {
    if (n === out.length) out = grown(out, n + 1);
    if (da[i] !== db[i]) out[n++] = i;
  }
  return out.subarray(0, n);
}

/** The whole 4-byte words of a byte array, as one; none when the array does not start on a 4-byte boundary. */
export const wordsOf = (data: Uint8Array): Uint32Array =>
  data.byteOffset % 4 === 0 ? new Uint32Array(data.buffer, data.byteOffset, data.length >> 2) : new Uint32Array(0);

/** A copy of `a` with room for at least `length` entries (twice its length at least: amortized growth). */
export function grown(a: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(Math.max(length, 2 * a.length));
  out.set(a);
  return out;
}

/** The columns of the first glyph in a band of a bitmap: the first run of columns holding ink (rows of `rect`), or null. */
export function firstInkRun(ink: Bitmap, rect: PixelRect): PixelRect | null {
  const [x0, y0, x1, y1] = rect;
  let start = -1;
  for (let x = Math.max(0, x0); x < Math.min(ink.width, x1); x++) {
    let n = 0;
    for (let y = Math.max(0, y0); y < Math.min(ink.height, y1); y++) n += ink.data[y * ink.width + x]!;
    if (n > 0 && start < 0) start = x;
    if (n === 0 && start >= 0) return [start, y0, x, y1];
  }
  return start >= 0 ? [start, y0, x1, y1] : null;
}
