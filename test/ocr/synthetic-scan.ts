import { blankGray, type GrayImage } from '../../src/ocr/gray-image.ts';

/** Paint a dark axis-aligned rectangle [x0, x1) × [y0, y1) into a page image. */
export function fillRect(img: GrayImage, x0: number, y0: number, x1: number, y1: number, value = 0): void {
  for (let y = Math.max(0, Math.round(y0)); y < Math.min(img.height, Math.round(y1)); y++) {
    for (let x = Math.max(0, Math.round(x0)); x < Math.min(img.width, Math.round(x1)); x++) img.data[y * img.width + x] = value;
  }
}

export interface GridSpec {
  xs: number[];
  ys: number[];
  thickness?: number;
  /** Leave a gap of this many pixels every `breakEvery` pixels along each rule. */
  breakGap?: number;
  breakEvery?: number;
  /** Bow of the rules at their middle, pixels (a slightly curved scan). */
  bow?: number;
}

/** A white page with a ruled grid (pixels), optionally broken and bowed. */
export function gridImage(width: number, height: number, spec: GridSpec): GrayImage {
  const img = blankGray(width, height);
  const t = spec.thickness ?? 2;
  const xs = spec.xs;
  const ys = spec.ys;
  const broken = (i: number) => spec.breakGap !== undefined && spec.breakEvery !== undefined && i % spec.breakEvery < spec.breakGap;
  const bow = (i: number, from: number, to: number) => (spec.bow ?? 0) * Math.sin((Math.PI * (i - from)) / (to - from));
  for (const y of ys) {
    for (let x = xs[0]!; x < xs[xs.length - 1]! + t; x++) {
      if (broken(x)) continue;
      const dy = Math.round(bow(x, xs[0]!, xs[xs.length - 1]!));
      fillRect(img, x, y + dy, x + 1, y + dy + t);
    }
  }
  for (const x of xs) {
    for (let y = ys[0]!; y < ys[ys.length - 1]! + t; y++) {
      if (broken(y)) continue;
      const dx = Math.round(bow(y, ys[0]!, ys[ys.length - 1]!));
      fillRect(img, x + dx, y, x + dx + t, y + 1);
    }
  }
  return img;
}

/**
 * Text-like ink in a box: rows of "glyphs" 24 px square, 2 px apart, each with three horizontal
 * strokes and two vertical ones — strokes of neighbouring glyphs nearly touch, as in bold text.
 */
export function fakeText(img: GrayImage, x0: number, y0: number, glyphs: number, lines = 1): void {
  for (let l = 0; l < lines; l++) {
    const top = y0 + l * 34;
    for (let g = 0; g < glyphs; g++) {
      const left = x0 + g * 26;
      for (const dy of [2, 11, 20]) fillRect(img, left, top + dy, left + 24, top + dy + 3);
      for (const dx of [5, 17]) fillRect(img, left + dx, top, left + dx + 3, top + 24);
    }
  }
}

/** Deterministic noise: ± amplitude on every pixel (a cheap LCG). */
export function addNoise(img: GrayImage, amplitude: number, seed = 1): void {
  let s = seed >>> 0;
  for (let i = 0; i < img.data.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const n = ((s / 4294967296) * 2 - 1) * amplitude;
    img.data[i] = Math.max(0, Math.min(255, Math.round(img.data[i]! + n)));
  }
}
