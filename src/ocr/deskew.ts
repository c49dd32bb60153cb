import type { Bitmap, GrayImage } from './gray-image.ts';

/** Skew is searched within ±MAX_SKEW_DEG. */
export const MAX_SKEW_DEG = 3;
/** A skew smaller than this is left alone (a rotation costs more sharpness than it gains). */
export const MIN_CORRECTED_SKEW_DEG = 0.05;

const COARSE_STEP_DEG = 0.1;
const FINE_STEP_DEG = 0.01;

/**
 * The ink pixels that lie on long straight runs along one axis: rows of a horizontal rule
 * (`axis` 'h') or columns of a vertical one ('v'), as flat [along, across] pairs.
 */
function runPixels(ink: Bitmap, axis: 'h' | 'v', minRun: number, stride: number): Int32Array {
  const { width: w, height: h, data } = ink;
  const out: number[] = [];
  const [lines, length] = axis === 'h' ? [h, w] : [w, h];
  const at = axis === 'h' ? (line: number, i: number) => data[line * w + i]! : (line: number, i: number) => data[i * w + line]!;
  for (let line = 0; line < lines; line++) {
    let start = -1;
    for (let i = 0; i <= length; i++) {
      const on = i < length && at(line, i) === 1;
      if (on && start < 0) start = i;
      else if (!on && start >= 0) {
        if (i - start >= minRun) for (let k = start; k < i; k += stride) out.push(k, line);
        start = -1;
      }
    }
  }
  return Int32Array.from(out);
}

/** How sharply the run pixels line up when the page is turned back by `deg`: Σ bin² of the projection. */
function alignmentScore(pixels: Int32Array, deg: number, sign: 1 | -1, size: number): number {
  const t = Math.tan((deg * Math.PI) / 180) * sign;
  const margin = Math.ceil(Math.abs(Math.tan((MAX_SKEW_DEG * Math.PI) / 180)) * size) + 2;
  const bins = new Float64Array(size + 2 * margin);
  for (let i = 0; i < pixels.length; i += 2) {
    const across = pixels[i + 1]! - pixels[i]! * t;
    const b = Math.round(across) + margin;
    if (b >= 0 && b < bins.length) bins[b]!++;
  }
  let score = 0;
  for (const v of bins) score += v * v;
  return score;
}

/**
 * The skew of a scanned page in degrees, from its long rules: the angle at which the pixels of
 * long horizontal runs project onto the fewest rows (and those of long vertical runs onto the
 * fewest columns). Positive: the content is turned clockwise (a rule falls to the right).
 * Returns 0 when the page holds no long runs.
 */
export function estimateSkew(ink: Bitmap, opts: { minRun?: number; maxDeg?: number } = {}): number {
  const minRun = opts.minRun ?? Math.max(12, Math.round(Math.min(ink.width, ink.height) / 100));
  const maxDeg = opts.maxDeg ?? MAX_SKEW_DEG;
  const stride = 3;
  const h = runPixels(ink, 'h', minRun, stride);
  const v = runPixels(ink, 'v', minRun, stride);
  if (h.length + v.length < 2 * minRun) return 0;
  // a horizontal rule turned clockwise by θ goes down by tan θ per pixel; a vertical one goes left
  const score = (deg: number) => alignmentScore(h, deg, 1, ink.height) + alignmentScore(v, deg, -1, ink.width);
  let best = 0;
  let bestScore = -1;
  for (let deg = -maxDeg; deg <= maxDeg + 1e-9; deg += COARSE_STEP_DEG) {
    const s = score(deg);
    if (s > bestScore) [best, bestScore] = [deg, s];
  }
  const center = best;
  for (let deg = center - COARSE_STEP_DEG; deg <= center + COARSE_STEP_DEG + 1e-9; deg += FINE_STEP_DEG) {
    const s = score(deg);
    if (s > bestScore) [best, bestScore] = [deg, s];
  }
  return Math.round(best * 100) / 100;
}

/**
 * The image turned by `deg` degrees (positive: clockwise) about its centre, same size, bilinear,
 * uncovered corners white. To straighten a page skewed by θ, rotate it by -θ.
 */
export function rotateGray(img: GrayImage, deg: number): GrayImage {
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(w * h).fill(255);
  const a = (deg * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  for (let y = 0; y < h; y++) {
    const dy = y - cy;
    // inverse mapping: the source pixel that lands on (x, y), stepped along the row
    let sx = -cos * cx + sin * dy + cx;
    let sy = sin * cx + cos * dy + cy;
    for (let x = 0; x < w; x++, sx += cos, sy -= sin) {
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * w + x0;
      const top = data[i]! + (data[i + 1]! - data[i]!) * fx;
      const bottom = data[i + w]! + (data[i + w + 1]! - data[i + w]!) * fx;
      out[y * w + x] = (top + (bottom - top) * fy + 0.5) | 0;
    }
  }
  return { width: w, height: h, data: out };
}
