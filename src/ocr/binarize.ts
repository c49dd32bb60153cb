import type { Bitmap, GrayImage } from './gray-image.ts';

/**
 * Otsu's threshold of a grayscale image: the level that best separates ink from paper
 * (maximal between-class variance of the histogram). Pixels at or below it are ink.
 */
export function otsuThreshold(img: GrayImage): number {
  const hist = new Float64Array(256);
  for (const v of img.data) hist[v]!++;
  const total = img.data.length;
  let sumAll = 0;
  for (let i = 0; i < 256; i++) sumAll += i * hist[i]!;
  let sumB = 0;
  let weightB = 0;
  let best = 0;
  let threshold = 127;
  for (let t = 0; t < 256; t++) {
    weightB += hist[t]!;
    if (weightB === 0) continue;
    const weightF = total - weightB;
    if (weightF === 0) break;
    sumB += t * hist[t]!;
    const meanB = sumB / weightB;
    const meanF = (sumAll - sumB) / weightF;
    const between = weightB * weightF * (meanB - meanF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/**
 * Flatten the paper: divide each pixel by the local paper level (the brightest value around it,
 * on a coarse grid), so uneven lighting, yellowed paper and scanner shading become white.
 * `cell` is the grid step in pixels; ink narrower than a cell does not lower the estimate.
 */
export function normalizeBackground(img: GrayImage, cell = 32): GrayImage {
  const { width: w, height: h, data } = img;
  const gw = Math.ceil(w / cell);
  const gh = Math.ceil(h / cell);
  const grid = new Float64Array(gw * gh);
  for (let gy = 0; gy < gh; gy++) {
    for (let gx = 0; gx < gw; gx++) {
      // a high percentile rather than the maximum: one bright speck does not set the paper level
      const hist = new Uint32Array(256);
      let n = 0;
      for (let y = gy * cell; y < Math.min(h, (gy + 1) * cell); y++) {
        for (let x = gx * cell; x < Math.min(w, (gx + 1) * cell); x++) {
          hist[data[y * w + x]!]!++;
          n++;
        }
      }
      let acc = 0;
      let v = 255;
      for (; v > 0; v--) {
        acc += hist[v]!;
        if (acc >= n * 0.1) break;
      }
      grid[gy * gw + gx] = v;
    }
  }
  // a cell full of ink (a thick bar, a dark block) takes its brightest neighbour's level
  const level = new Float64Array(grid.length);
  for (let gy = 0; gy < gh; gy++) {
    for (let gx = 0; gx < gw; gx++) {
      let m = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const yy = gy + dy;
          const xx = gx + dx;
          if (yy >= 0 && yy < gh && xx >= 0 && xx < gw) m = Math.max(m, grid[yy * gw + xx]!);
        }
      }
      level[gy * gw + gx] = Math.max(m, 64);
    }
  }
  const out = new Uint8Array(data.length);
  for (let y = 0; y < h; y++) {
    const gy = Math.min(gh - 1, Math.floor(y / cell));
    for (let x = 0; x < w; x++) {
      const paper = level[gy * gw + Math.min(gw - 1, Math.floor(x / cell))]!;
      out[y * w + x] = Math.min(255, Math.round((data[y * w + x]! * 255) / paper));
    }
  }
  return { width: w, height: h, data: out };
}

/** Ink where the pixel is at or below `threshold`. */
export function threshold(img: GrayImage, level: number): Bitmap {
  const data = new Uint8Array(img.data.length);
  for (let i = 0; i < data.length; i++) data[i] = img.data[i]! <= level ? 1 : 0;
  return { width: img.width, height: img.height, data };
}

/** Drop ink pixels with fewer than two ink neighbours among their eight: specks of noise go, 1-pixel rules stay. */
export function despeckle(bm: Bitmap): Bitmap {
  const { width: w, height: h, data } = bm;
  const out = new Uint8Array(data);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!data[y * w + x]) continue;
      let n = 0;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if ((dx || dy) && xx >= 0 && xx < w) n += data[yy * w + xx]!;
        }
      }
      if (n < 2) out[y * w + x] = 0;
    }
  }
  return { width: w, height: h, data: out };
}

/** The grayscale image with every pixel farther than one pixel from ink set to white (paper noise gone, glyph edges kept). */
export function whitenPaper(img: GrayImage, ink: Bitmap): GrayImage {
  const { width: w, height: h } = img;
  const out = new Uint8Array(img.data.length).fill(255);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!ink.data[y * w + x]) continue;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx >= 0 && xx < w) out[yy * w + xx] = img.data[yy * w + xx]!;
        }
      }
    }
  }
  return { width: w, height: h, data: out };
}

export interface Binarized {
  /** The grayscale page with the paper flattened to white and noise away from ink removed. */
  clean: GrayImage;
  /** Its ink. */
  ink: Bitmap;
  /** The gray level at or below which a pixel is ink. */
  level: number;
}

/**
 * Binarize a scanned page robustly: flatten the paper (lighting, yellowing, JPEG blocks in the
 * background), threshold at Otsu's level, drop specks; the grayscale kept for OCR is whitened
 * away from the ink.
 */
export function binarize(img: GrayImage): Binarized {
  const flat = normalizeBackground(img);
  const level = otsuThreshold(flat);
  const ink = despeckle(threshold(flat, level));
  return { clean: whitenPaper(flat, ink), ink, level };
}

/**
 * Ink for finding rules along one axis: the image averaged over `radius` pixels each way along
 * that axis, thresholded halfway between the ink level and white. A thin, faint or noisy rule
 * stays one run; noise averages out; text is filtered later by length and shape.
 */
export function lineInk(img: GrayImage, level: number, axis: 'h' | 'v', radius = 2): Bitmap {
  const { width: w, height: h, data } = img;
  const cut = (level + 255) / 2;
  const limit = cut * (2 * radius + 1);
  const out = new Uint8Array(w * h);
  const [lines, length, lineStep, step] = axis === 'h' ? [h, w, w, 1] : [w, h, 1, w];
  for (let line = 0; line < lines; line++) {
    const base = line * lineStep;
    let sum = 0;
    // running sum over [i - radius, i + radius], edges padded with white
    for (let k = -radius; k <= radius; k++) sum += k < 0 || k >= length ? 255 : data[base + k * step]!;
    for (let i = 0; i < length; i++) {
      if (sum <= limit) out[base + i * step] = 1;
      const outgoing = i - radius;
      const incoming = i + radius + 1;
      sum += (incoming < length ? data[base + incoming * step]! : 255) - (outgoing >= 0 ? data[base + outgoing * step]! : 255);
    }
  }
  return { width: w, height: h, data: out };
}
