import { otsuThreshold } from './binarize.ts';
import type { GrayImage } from './gray-image.ts';

/**
 * A side of the image is a scanner's margin (the bed or lid beyond the sheet, dark along the
 * edge) when at least this share of its rows (left, right) or columns (top, bottom) start dark at
 * the edge pixel. Printed content keeps off the edge of the sheet, and the sheet off the image's.
 */
const MARGIN_SIDE_SHARE = 0.25;
/** A dark run from the edge is margin up to this share of the image's width (rows) or height (columns); a longer one is left to the other sides. */
const MARGIN_MAX_DEPTH = 0.15;

/**
 * The page image with the dark margins a scanner leaves along its edges turned to white paper:
 * on each side where the dark starts at the edge in enough lines (MARGIN_SIDE_SHARE), each line's
 * dark run from that edge, as deep as MARGIN_MAX_DEPTH. Such a margin is straight with the image
 * while the sheet in it is skewed, so left in it would decide the skew, and it would be read as
 * rules and ink. Dark is under the image's Otsu level. The image itself when it has none.
 */
export function whitenScanMargins(img: GrayImage): GrayImage {
  const { width: w, height: h, data } = img;
  const level = otsuThreshold(img);
  const dark = (x: number, y: number) => data[y * w + x]! < level;
  // each side: the lines across it, and the pixel at depth d of line i
  const sides = [
    { lines: h, depth: Math.floor(w * MARGIN_MAX_DEPTH), at: (i: number, d: number) => [d, i] as const },
    { lines: h, depth: Math.floor(w * MARGIN_MAX_DEPTH), at: (i: number, d: number) => [w - 1 - d, i] as const },
    { lines: w, depth: Math.floor(h * MARGIN_MAX_DEPTH), at: (i: number, d: number) => [i, d] as const },
    { lines: w, depth: Math.floor(h * MARGIN_MAX_DEPTH), at: (i: number, d: number) => [i, h - 1 - d] as const },
  ];
  let out: Uint8Array | null = null;
  for (const { lines, depth, at } of sides) {
    let starting = 0;
    for (let i = 0; i < lines; i++) if (dark(...at(i, 0))) starting++;
    if (starting < MARGIN_SIDE_SHARE * lines) continue;
    out ??= data.slice();
    for (let i = 0; i < lines; i++) {
      let d = 0;
      while (d < depth && dark(...at(i, d))) d++;
      // a run deeper than a margin is no margin of this side (a whole row of the bottom margin is the bottom side's)
      if (d === depth) continue;
      for (let k = 0; k < d; k++) {
        const [x, y] = at(i, k);
        out[y * w + x] = 255;
      }
    }
  }
  return out ? { width: w, height: h, data: out } : img;
}
