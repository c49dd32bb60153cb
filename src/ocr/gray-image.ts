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

/** RGBA pixels (canvas ImageData) → luma (ITU-R BT.601), transparent pixels counted as white. */
export function rgbaToGray(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GrayImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < data.length; i++, j += 4) {
    const a = rgba[j + 3]! / 255;
    const luma = 0.299 * rgba[j]! + 0.587 * rgba[j + 1]! + 0.114 * rgba[j + 2]!;
    data[i] = Math.round(luma * a + 255 * (1 - a));
  }
  return { width, height, data };
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
