import type { GrayImage } from '../../src/ocr/gray-image.ts';
import { rotateGray } from '../../src/ocr/deskew.ts';

/** What a scanner and its JPEG encoder do to a page. */
export interface Degradation {
  /** Turn of the page on the glass, degrees (positive: clockwise). */
  skewDeg: number;
  /** Gaussian blur sigma, pixels (optics, focus). */
  blurSigma: number;
  /** Gaussian sensor noise, standard deviation in gray levels. */
  noiseSigma: number;
  /** Share of pixels hit by dust: a dark or white speck. */
  speckRate: number;
  /** Paper level at the brightest (255 = white) and the drop across the page (lighting falloff). */
  paper: number;
  shading: number;
  /**
   * The scanner's bed, seen where the sheet does not cover the glass: its gray level, and how far
   * (pixels, right and down) the sheet lies off the image's corner. The sheet's skew turns its
   * edges against the image's, so the bed shows as wedges along them. None when absent.
   */
  bed?: { level: number; shift: [number, number] };
  /** Seed of the random noise, so the same plan gives the same bytes. */
  seed: number;
}

import { mulberry32 as prng } from '../../src/random.ts';
export { prng };

/** A standard normal variate (Box–Muller). */
const gaussian = (rand: () => number) => Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());

/** Separable Gaussian blur. */
export function blurGray(img: GrayImage, sigma: number): GrayImage {
  if (sigma <= 0) return img;
  const r = Math.max(1, Math.ceil(sigma * 3));
  const kernel = Array.from({ length: 2 * r + 1 }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * sigma * sigma)));
  const sum = kernel.reduce((a, b) => a + b, 0);
  const k = kernel.map((v) => v / sum);
  const { width: w, height: h } = img;
  const tmp = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let acc = 0;
      for (let i = -r; i <= r; i++) acc += k[i + r]! * img.data[y * w + Math.min(w - 1, Math.max(0, x + i))]!;
      tmp[y * w + x] = acc;
    }
  }
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let acc = 0;
      for (let i = -r; i <= r; i++) acc += k[i + r]! * tmp[Math.min(h - 1, Math.max(0, y + i)) * w + x]!;
      out[y * w + x] = Math.round(acc);
    }
  }
  return { width: w, height: h, data: out };
}

/** The turned sheet moved by `shift` on the scanner's bed: image pixels the sheet does not cover take the bed's level. */
function onBed(turned: GrayImage, skewDeg: number, { level, shift: [sx, sy] }: NonNullable<Degradation['bed']>): GrayImage {
  const { width: w, height: h } = turned;
  const out = new Uint8Array(w * h).fill(level);
  const a = (-skewDeg * Math.PI) / 180;
  const [cos, sin, cx, cy] = [Math.cos(a), Math.sin(a), w / 2, h / 2];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [px, py] = [x - sx, y - sy];
      // the sheet's own coordinates of this point (the turn undone about the centre)
      const u = cx + cos * (px - cx) - sin * (py - cy);
      const v = cy + sin * (px - cx) + cos * (py - cy);
      if (u >= 0 && v >= 0 && u < w && v < h && px >= 0 && py >= 0 && px < w && py < h) out[y * w + x] = turned.data[py * w + px]!;
    }
  }
  return { width: w, height: h, data: out };
}

/** Scan a clean page image: skew, the bed around the sheet, blur, paper tone and shading, sensor noise, dust. */
export function degrade(img: GrayImage, d: Degradation): GrayImage {
  const rand = prng(d.seed);
  let out = d.skewDeg !== 0 ? rotateGray(img, d.skewDeg) : img;
  if (d.bed) out = onBed(out, d.skewDeg, d.bed);
  out = blurGray(out, d.blurSigma);
  const { width: w, height: h } = out;
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      // paper: ink stays dark, white becomes the paper level, darker towards the right and bottom
      const paper = d.paper - d.shading * ((x / w + y / h) / 2);
      let v = (out.data[i]! / 255) * paper + gaussian(rand) * d.noiseSigma;
      if (rand() < d.speckRate) v = rand() < 0.5 ? 40 : 255;
      data[i] = Math.max(0, Math.min(255, Math.round(v)));
    }
  }
  return { width: w, height: h, data };
}
