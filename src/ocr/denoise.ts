import { otsuThreshold, threshold } from './binarize.ts';
import type { Bitmap, GrayImage } from './gray-image.ts';
import { labelInk } from './ink-pieces.ts';

/**
 * A page this much of whose pixels are specks (dark, with fewer than two dark neighbours) is
 * grainy: a copy of a copy, a high-ISO photo, shot noise. Clean scans of every toolchain measured
 * stay under 0.0015, scans with salt-and-pepper noise (which despeckle handles) under 0.003;
 * grainy ones measured 0.075 to 0.085, their noise clumped enough to pass despeckle and be read as
 * ink everywhere (the paper joins the glyphs, the rules drown).
 */
const GRAINY_SPECK_SHARE = 0.02;
/** A grainy page is smoothed until its speck share is down to this, near what clean scans have. */
const SMOOTH_SPECK_SHARE = 0.001;
/** Median passes at most: the grainiest page measured needed three (0.075, 0.015, 0.0022, 0.0006). */
const MAX_MEDIAN_PASSES = 3;

/** Rows read to judge a page grainy: one in this many (grain covers the page; a page is ~2000 rows). */
const JUDGED_ROW_STEP = 4;

/**
 * The share of the pixels of `dark` that are specks: ink with fewer than two ink neighbours
 * among its eight (what despeckle drops). Counted on every `rowStep`-th row.
 */
export function speckShare(dark: Bitmap, rowStep = 1): number {
  const { width: w, height: h, data } = dark;
  let specks = 0;
  let pixels = 0;
  for (let y = 0; y < h; y += rowStep) {
    pixels += w;
    for (let x = 0, i = y * w; x < w; x++, i++) {
      if (!data[i]) continue;
      let n = 0;
      for (let yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
        for (let xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) n += data[yy * w + xx]!;
      }
      // n counts the pixel itself
      if (n < 3) specks++;
    }
  }
  return pixels > 0 ? specks / pixels : 0;
}

/**
 * A grainy page (see GRAINY_SPECK_SHARE) smoothed by 3 × 3 medians, at most MAX_MEDIAN_PASSES,
 * until its specks fall to SMOOTH_SPECK_SHARE; any other page is returned as it is (a median would
 * thin the strokes of a small face for nothing). With the image's Otsu level and its ink at that
 * level (`dark`), which the caller goes on with.
 */
export function smoothGrain(img: GrayImage): { image: GrayImage; level: number; dark: Bitmap; passes: number } {
  let image = img;
  let level = otsuThreshold(image);
  let dark = threshold(image, level);
  let passes = 0;
  let limit = GRAINY_SPECK_SHARE;
  while (passes < MAX_MEDIAN_PASSES && speckShare(dark, JUDGED_ROW_STEP) > limit) {
    limit = SMOOTH_SPECK_SHARE;
    image = median3(image);
    level = otsuThreshold(image);
    dark = threshold(image, level);
    passes++;
  }
  return { image, level, dark, passes };
}

/**
 * The 3 × 3 median of every pixel (edge pixels take their nearest row and column again). Each
 * column's three pixels are sorted once per row; the median of the nine is then the median of
 * the largest low, the middle middle and the smallest high of three neighbouring columns.
 */
export function median3(img: GrayImage): GrayImage {
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(data.length);
  const [lo, mid, hi] = [new Uint8Array(w), new Uint8Array(w), new Uint8Array(w)];
  for (let y = 0; y < h; y++) {
    const up = Math.max(0, y - 1) * w;
    const row = y * w;
    const down = Math.min(h - 1, y + 1) * w;
    for (let x = 0; x < w; x++) {
      const a = data[up + x]!;
      const b = data[row + x]!;
      const c = data[down + x]!;
      lo[x] = Math.min(a, b, c);
      hi[x] = Math.max(a, b, c);
      mid[x] = a + b + c - lo[x]! - hi[x]!;
    }
    for (let x = 0; x < w; x++) {
      const l = x > 0 ? x - 1 : 0;
      const r = x < w - 1 ? x + 1 : w - 1;
      const maxLow = Math.max(lo[l]!, lo[x]!, lo[r]!);
      const minHigh = Math.min(hi[l]!, hi[x]!, hi[r]!);
      const m0 = mid[l]!;
      const m1 = mid[x]!;
      const m2 = mid[r]!;
      const midMid = Math.max(Math.min(m0, m1), Math.min(Math.max(m0, m1), m2));
      out[row + x] = Math.max(Math.min(maxLow, midMid), Math.min(Math.max(maxLow, midMid), minHigh));
    }
  }
  return { width: w, height: h, data: out };
}

/**
 * The ink of a grainy page with its grain taken out: every 8-connected piece of at most
 * `maxPixels` pixels goes (changed in place). Medians leave the grain as clumps of a few pixels
 * that despeckle keeps and the engine reads as glyphs. Clean scans at 240 and 300 dpi have
 * almost no piece so small; at 200 dpi a few (dots, a stroke's end) are, and go with the grain.
 */
export function dropGrain(ink: Bitmap, maxPixels: number): void {
  const { label, pieces } = labelInk(ink, [0, 0, ink.width, ink.height]);
  const small = new Uint8Array(pieces.length);
  for (const p of pieces) if (p.pixels <= maxPixels) small[p.id] = 1;
  for (let i = 0; i < label.length; i++) if (label[i]! >= 0 && small[label[i]!]) ink.data[i] = 0;
}

/** The largest piece of grain dropGrain takes, at a resolution: 12 pixels at 240 dpi. */
export const grainPixels = (dpi: number): number => Math.round(12 * (dpi / 240) ** 2);
