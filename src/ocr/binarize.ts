import type { Bitmap, GrayImage } from './gray-image.ts';

/**
 * Otsu's threshold of a grayscale image: the level that best separates ink from paper
 * (maximal between-class variance of the histogram). Pixels at or below it are ink. When a
 * run of levels ties (no pixel lies between them, as in a bilevel scan, where every level
 * from 0 to 254 ties), the middle of the run: interpolated pixels (a turned page) then split
 * at half ink, not at the darkest level.
 */
export function otsuThreshold(img: GrayImage): number {
  const hist = new Float64Array(256);
  const px = img.data;
  for (let i = 0; i < px.length; i++) hist[px[i]!]!++;
  const total = px.length;
  let sumAll = 0;
  for (let i = 0; i < 256; i++) sumAll += i * hist[i]!;
  let sumB = 0;
  let weightB = 0;
  let best = 0;
  let first = 127;
  let last = 127;
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
      first = last = t;
    } else if (between === best && last === t - 1) {
      last = t;
    }
  }
  return Math.floor((first + last) / 2);
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
  const grid = paperGrid(img, cell, gw, gh);
  // a cell full of ink (a thick bar, a dark block) takes its brightest neighbour's level
  const level = new Uint8Array(grid.length);
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
  // levels are whole gray values: one lookup table per level replaces a division per pixel
  const tables: Array<Uint8Array | undefined> = [];
  const tableFor = (paper: number): Uint8Array => {
    let t = tables[paper];
    if (!t) {
      t = new Uint8Array(256);
      for (let v = 0; v < 256; v++) t[v] = Math.min(255, Math.round((v * 255) / paper));
      tables[paper] = t;
    }
    return t;
  };
  const out = new Uint8Array(data.length);
  for (let y = 0; y < h; y++) {
    const gy = Math.min(gh - 1, Math.floor(y / cell));
    const row = y * w;
    for (let gx = 0; gx < gw; gx++) {
      const t = tableFor(level[gy * gw + gx]!);
      const end = row + Math.min(w, (gx + 1) * cell);
      for (let i = row + gx * cell; i < end; i++) out[i] = t[data[i]!]!;
    }
  }
  return { width: w, height: h, data: out };
}

/**
 * The paper level of each cell of a `cell`-pixel grid: a high percentile of its gray values
 * rather than the maximum, so one bright speck does not set it. Histograms of a band of cells
 * are filled row by row, in memory order.
 */
function paperGrid(img: GrayImage, cell: number, gw: number, gh: number): Uint8Array {
  const { width: w, height: h, data } = img;
  const grid = new Uint8Array(gw * gh);
  const hist = new Uint32Array(gw * 256);
  const base = new Int32Array(w);
  for (let x = 0; x < w; x++) base[x] = Math.floor(x / cell) * 256;
  for (let gy = 0; gy < gh; gy++) {
    hist.fill(0);
    const y1 = Math.min(h, (gy + 1) * cell);
    for (let y = gy * cell; y < y1; y++) {
      const row = y * w;
      for (let x = 0; x < w; x++) hist[base[x]! + data[row + x]!]!++;
    }
    for (let gx = 0; gx < gw; gx++) {
      const n = (y1 - gy * cell) * (Math.min(w, (gx + 1) * cell) - gx * cell);
      const at = gx * 256;
      let acc = 0;
      let v = 255;
      for (; v > 0; v--) {
        acc += hist[at + v]!;
        if (acc >= n * 0.1) break;
      }
      grid[gy * gw + gx] = v;
    }
  }
  return grid;
}

/** Ink where the pixel is at or below `threshold`. */
export function threshold(img: GrayImage, level: number): Bitmap {
  const px = img.data;
  const data = new Uint8Array(px.length);
  // branch-free (ink edges are everywhere): px - cut - 1 is negative exactly when px <= level
  const cut = Math.max(-1, Math.min(255, Math.floor(level)));
  for (let i = 0; i < data.length; i++) data[i] = (px[i]! - cut - 1) >>> 31;
  return { width: img.width, height: img.height, data };
}

/** Drop ink pixels with fewer than two ink neighbours among their eight: specks of noise go, 1-pixel rules stay. */
export function despeckle(bm: Bitmap): Bitmap {
  const { width: w, height: h, data } = bm;
  const out = new Uint8Array(data);
  const count = (x: number, y: number): number => {
    let n = 0;
    for (let dy = -1; dy <= 1; dy++) {
      const yy = y + dy;
      if (yy < 0 || yy >= h) continue;
      for (let dx = -1; dx <= 1; dx++) {
        const xx = x + dx;
        if ((dx || dy) && xx >= 0 && xx < w) n += data[yy * w + xx]!;
      }
    }
    return n;
  };
  for (let y = 0; y < h; y++) {
    const row = y * w;
    const inner = y > 0 && y < h - 1;
    for (let x = 0; x < w; x++) {
      const i = row + x;
      if (!data[i]) continue;
      // inside the page the eight neighbours are summed directly; the border goes the slow way
      const n =
        inner && x > 0 && x < w - 1
          ? data[i - w - 1]! + data[i - w]! + data[i - w + 1]! + data[i - 1]! + data[i + 1]! + data[i + w - 1]! + data[i + w]! + data[i + w + 1]!
          : count(x, y);
      if (n < 2) out[i] = 0;
    }
  }
  return { width: w, height: h, data: out };
}

/**
 * The ink despeckle dropped, put back where it is part of a faint mark standing on its own: an
 * 8-connected piece of `faint` pixels reaching `minSpan` pixels across or down, with no ink of
 * `despeckled` in or around its box. A `。` ring of a 200 dpi JPEG scan is dark at a few lone
 * pixels only, all dropped, and with nothing left of it whitenPaper had nothing to keep. A speck
 * of noise with its halo stays under the span; a faint piece joined to ink, or with ink in its
 * box, is part of a glyph (a JPEG blur beside a stroke), not a mark of its own.
 */
export function restoreFaintMarks(dark: Bitmap, despeckled: Bitmap, faint: Bitmap, minSpan: number): Bitmap {
  const { width: w, height: h } = dark;
  const ink = despeckled.data;
  const out = new Uint8Array(ink);
  // each faint piece is flooded once, from the first dropped pixel met in it
  const seen = new Uint8Array(w * h);
  const piece: number[] = [];
  const inkAround = (x0: number, y0: number, x1: number, y1: number): boolean => {
    for (let y = Math.max(0, y0 - 1); y <= Math.min(h - 1, y1 + 1); y++) {
      for (let x = Math.max(0, x0 - 1); x <= Math.min(w - 1, x1 + 1); x++) if (ink[y * w + x]) return true;
    }
    return false;
  };
  for (let i = 0; i < out.length; i++) {
    if (!dark.data[i] || ink[i] || seen[i]) continue;
    let [x0, y0] = [i % w, Math.floor(i / w)];
    let [x1, y1] = [x0, y0];
    seen[i] = 1;
    piece.length = 0;
    piece.push(i);
    for (let k = 0; k < piece.length; k++) {
      const p = piece[k]!;
      const px = p % w;
      const py = (p - px) / w;
      if (px < x0) x0 = px;
      if (px > x1) x1 = px;
      if (py < y0) y0 = py;
      if (py > y1) y1 = py;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = py + dy;
        if (ny < 0 || ny >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = px + dx;
          const q = ny * w + nx;
          // ink is not flooded: a piece touching it has it in its box
          if (nx < 0 || nx >= w || seen[q] || !faint.data[q] || ink[q]) continue;
          seen[q] = 1;
          piece.push(q);
        }
      }
    }
    const mark = (x1 - x0 + 1 >= minSpan || y1 - y0 + 1 >= minSpan) && !inkAround(x0, y0, x1, y1);
    if (mark) for (const p of piece) out[p] = dark.data[p]!;
  }
  return { width: w, height: h, data: out };
}

/**
 * The gray level below which a pixel joined to ink is a faint part of it: halfway from Otsu's
 * level to white. Thin strokes of a serif face at 200 dpi, softened by JPEG, stay lighter than
 * the level (三's bars, 日's middle): whitened, their glyphs read as others (日→目, 晋→罚).
 */
export const faintLevel = (level: number): number => Math.round((level + 255) / 2);

/**
 * The grayscale image with paper noise set to white: a pixel is kept when it is within one pixel
 * of ink, or of a pixel darker than `faint` joined to ink through such pixels (8-connected), the
 * faint strokes binarizing broke off a glyph. Specks of paper noise that touch no ink go.
 * `faint` 0 keeps the ink's neighbourhood alone.
 */
export function whitenPaper(img: GrayImage, ink: Bitmap, faint = 0): GrayImage {
  const { width: w, height: h } = img;
  const src = img.data;
  const out = new Uint8Array(src.length).fill(255);
  // ink, grown through faint pixels joined to it
  const kept = new Uint8Array(src.length);
  const stack = new Int32Array(src.length);
  let top = 0;
  for (let i = 0; i < src.length; i++) {
    if (!ink.data[i]) continue;
    kept[i] = 1;
    stack[top++] = i;
  }
  while (top > 0) {
    const i = stack[--top]!;
    const x = i % w;
    const y = (i - x) / w;
    for (let dy = -1; dy <= 1; dy++) {
      const yy = y + dy;
      if (yy < 0 || yy >= h) continue;
      for (let dx = -1; dx <= 1; dx++) {
        const xx = x + dx;
        const j = yy * w + xx;
        if (xx < 0 || xx >= w || kept[j] || src[j]! >= faint) continue;
        kept[j] = 1;
        stack[top++] = j;
      }
    }
  }
  // that spread one pixel along each row, then a pixel is kept when its row or a neighbouring one has it there
  const near = new Uint8Array(src.length);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      if (!kept[row + x]) continue;
      near[row + x] = 1;
      if (x > 0) near[row + x - 1] = 1;
      if (x < w - 1) near[row + x + 1] = 1;
    }
  }
  for (let y = 0; y < h; y++) {
    const row = y * w;
    const up = y > 0 ? row - w : row;
    const down = y < h - 1 ? row + w : row;
    for (let x = 0; x < w; x++) {
      if (near[row + x]! | near[up + x]! | near[down + x]!) out[row + x] = src[row + x]!;
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
  return { clean: whitenPaper(flat, ink, faintLevel(level)), ink, level };
}

/**
 * Ink for finding rules along one axis: the image averaged over `radius` pixels each way along
 * that axis, thresholded halfway between the ink level and white. A thin, faint or noisy rule
 * stays one run; noise averages out; text is filtered later by length and shape.
 */
export function lineInk(img: GrayImage, level: number, axis: 'h' | 'v', radius = 2): Bitmap {
  const { width: w, height: h, data } = img;
  const cut = (level + 255) / 2;
  // sums are whole: at or below the limit is below its floor + 1, tested branch-free by the sign bit
  const limit = Math.floor(cut * (2 * radius + 1)) + 1;
  const out = new Uint8Array(w * h);
  const at = (i: number, length: number, offset: number, step: number) => (i < 0 || i >= length ? 255 : data[offset + i * step]!);
  if (axis === 'h') {
    for (let y = 0; y < h; y++) {
      const base = y * w;
      // running sum over [x - radius, x + radius], edges padded with white
      let sum = 0;
      for (let k = -radius; k <= radius; k++) sum += at(k, w, base, 1);
      for (let x = 0; x < w; x++) {
        out[base + x] = (sum - limit) >>> 31;
        const incoming = x + radius + 1;
        const outgoing = x - radius;
        // away from the row's ends both are inside the row
        sum += outgoing >= 0 && incoming < w ? data[base + incoming]! - data[base + outgoing]! : at(incoming, w, base, 1) - at(outgoing, w, base, 1);
      }
    }
    return { width: w, height: h, data: out };
  }
  // down the columns: one running sum per column, advanced a whole row at a time (memory order)
  const sums = new Int32Array(w);
  for (let x = 0; x < w; x++) for (let k = -radius; k <= radius; k++) sums[x]! += at(k, h, x, w);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    const incoming = y + radius + 1 < h ? (y + radius + 1) * w : -1;
    const outgoing = y - radius >= 0 ? (y - radius) * w : -1;
    for (let x = 0; x < w; x++) {
      const sum = sums[x]!;
      out[row + x] = (sum - limit) >>> 31;
      sums[x] = sum + (incoming >= 0 ? data[incoming + x]! : 255) - (outgoing >= 0 ? data[outgoing + x]! : 255);
    }
  }
  return { width: w, height: h, data: out };
}
