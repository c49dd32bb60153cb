import { grown, inkIndices, type Bitmap, type GrayImage } from './gray-image.ts';
import { forEachInkRun } from './ink-runs.ts';

/**
 * Skew is searched within ±MAX_SKEW_DEG: ±3° is the usual bound, but a sheet laid on the glass
 * carelessly goes further (a page at 3.4° was read straightened by 3.1° and lost most of its grid).
 */
export const MAX_SKEW_DEG = 5;
/** A skew smaller than this is left alone (a rotation costs more sharpness than it gains). */
export const MIN_CORRECTED_SKEW_DEG = 0.05;

const COARSE_STEP_DEG = 0.1;
const FINE_STEP_DEG = 0.01;
/** The coarse search scores every COARSE_SAMPLE-th run pixel. */
const COARSE_SAMPLE = 4;

/** Every `n`-th [along, across] pair. */
function everyNth(pairs: Int32Array, n: number): Int32Array {
  const out = new Int32Array(2 * Math.ceil(pairs.length / (2 * n)));
  for (let i = 0, j = 0; i < pairs.length; i += 2 * n, j += 2) {
    out[j] = pairs[i]!;
    out[j + 1] = pairs[i + 1]!;
  }
  return out;
}

/** A growing list of [along, across] pairs. */
class Pairs {
  data = new Int32Array(1 << 16);
  length = 0;
  push(along: number, across: number): void {
    if (this.length + 2 > this.data.length) this.data = grown(this.data, this.length + 2);
    this.data[this.length++] = along;
    this.data[this.length++] = across;
  }
  /** Every `stride`-th pixel of the run [start, end) on line `across`. */
  run(start: number, end: number, across: number, stride: number): void {
    for (let k = start; k < end; k += stride) this.push(k, across);
  }
  get pairs(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/**
 * The ink pixels that lie on long straight runs along one axis: rows of a horizontal rule
 * (`axis` 'h') or columns of a vertical one ('v'), as flat [along, across] pairs (in no
 * particular order: the projection only counts them). `pixels`: the ink's indices in memory
 * order (see forEachInkRun).
 */
function runPixels(ink: Bitmap, pixels: Int32Array, axis: 'h' | 'v', minRun: number, stride: number): Int32Array {
  const out = new Pairs();
  forEachInkRun(ink, pixels, axis, 0, (line, start, end) => {
    if (end - start >= minRun) out.run(start, end, line, stride);
  });
  return out.pairs;
}

/** How sharply the run pixels line up when the page is turned back by `deg`: Σ bin² of the projection. */
function alignmentScore(pixels: Int32Array, deg: number, sign: 1 | -1, size: number): number {
  const t = Math.tan((deg * Math.PI) / 180) * sign;
  const margin = Math.ceil(Math.abs(Math.tan((MAX_SKEW_DEG * Math.PI) / 180)) * size) + 2;
  const bins = new Int32Array(size + 2 * margin);
  for (let i = 0; i < pixels.length; i += 2) {
    const across = pixels[i + 1]! - pixels[i]! * t;
    const b = Math.round(across) + margin;
    if (b >= 0 && b < bins.length) bins[b]!++;
  }
  let score = 0;
  for (let b = 0; b < bins.length; b++) score += bins[b]! * bins[b]!;
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
  const pixels = inkIndices(ink);
  const h = runPixels(ink, pixels, 'h', minRun, stride);
  const v = runPixels(ink, pixels, 'v', minRun, stride);
  if (h.length + v.length < 2 * minRun) return 0;
  // a horizontal rule turned clockwise by θ goes down by tan θ per pixel; a vertical one goes left
  const score = (hp: Int32Array, vp: Int32Array, deg: number) => alignmentScore(hp, deg, 1, ink.height) + alignmentScore(vp, deg, -1, ink.width);
  // the coarse search only has to land next to the peak: a quarter of the pixels do
  const [hc, vc] = [everyNth(h, COARSE_SAMPLE), everyNth(v, COARSE_SAMPLE)];
  let center = 0;
  let centerScore = -1;
  for (let deg = -maxDeg; deg <= maxDeg + 1e-9; deg += COARSE_STEP_DEG) {
    const s = score(hc, vc, deg);
    if (s > centerScore) [center, centerScore] = [deg, s];
  }
  // all of them for the fine search, from the coarse peak as it scores on all of them
  let best = center;
  let bestScore = score(h, v, center);
  for (let deg = center - COARSE_STEP_DEG; deg <= center + COARSE_STEP_DEG + 1e-9; deg += FINE_STEP_DEG) {
    const s = score(h, v, deg);
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
    const row = y * w;
    // inverse mapping: the source pixel that lands on (x, y), stepped along the row
    let sx = -cos * cx + sin * dy + cx;
    let sy = sin * cx + cos * dy + cy;
    for (let x = 0; x < w; x++, sx += cos, sy -= sin) {
      // truncation is the floor once the source is known to be inside
      if (sx < 0 || sy < 0) continue;
      const x0 = sx | 0;
      const y0 = sy | 0;
      if (x0 >= w - 1 || y0 >= h - 1) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * w + x0;
      const a = data[i]!;
      const c = data[i + w]!;
      const top = a + (data[i + 1]! - a) * fx;
      const bottom = c + (data[i + w + 1]! - c) * fx;
      out[row + x] = (top + (bottom - top) * fy + 0.5) | 0;
    }
  }
  return { width: w, height: h, data: out };
}
