import { differingIndices, grown, inkIndices, wordsOf, type Bitmap, type GrayImage } from './gray-image.ts';

/**
 * Otsu's threshold of a grayscale image: the level that best separates ink from paper
 * (maximal between-class variance of the histogram). Pixels at or below it are ink. When a
 * run of levels ties (no pixel lies between them, as in a bilevel scan, where every level
 * from 0 to 254 ties), the middle of the run: interpolated pixels (a turned page) then split
 * at half ink, not at the darkest level.
 */
export function otsuThreshold(img: GrayImage): number {
  const hist = histogram(img.data);
  const total = img.data.length;
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
 * How many pixels hold each gray value. Neighbouring pixels are often alike (paper): counted
 * into four tables in turn, a count is not written again before the last write to it is done.
 */
function histogram(px: Uint8Array): Uint32Array {
  const parts = new Uint32Array(4 * 256);
  const whole = px.length & ~3;
  for (let i = 0; i < whole; i += 4) {
    parts[px[i]!]!++;
    parts[256 + px[i + 1]!]!++;
    parts[512 + px[i + 2]!]!++;
    parts[768 + px[i + 3]!]!++;
  }
  for (let i = whole; i < px.length; i++) parts[px[i]!]!++;
  const hist = new Uint32Array(256);
  for (let v = 0; v < 256; v++) hist[v] = parts[v]! + parts[256 + v]! + parts[512 + v]! + parts[768 + v]!;
  return hist;
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
  for (let gy = 0; gy < gh; gy++) {
    hist.fill(0);
    const y1 = Math.min(h, (gy + 1) * cell);
    for (let y = gy * cell; y < y1; y++) {
      const row = y * w;
      // a cell's stretch of the row at a time, into the cell's own histogram
      for (let gx = 0; gx < gw; gx++) {
        const at = gx * 256;
        const end = row + Math.min(w, (gx + 1) * cell);
        for (let i = row + gx * cell; i < end; i++) hist[at + data[i]!]!++;
      }
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
  const cut = Math.max(-1, Math.min(255, Math.floor(level)));
  // branch-free (ink edges are everywhere), four pixels a word: ink where a pixel is not at least cut + 1
  const [src, dst] = [wordsOf(px), wordsOf(data)];
  const words = src.length === dst.length ? src.length : 0;
  const lift = liftTo(cut + 1);
  for (let k = 0; k < words; k++) dst[k] = bytesAtLeast(src[k]!, lift) ^ 0x01010101;
  // the tail, or every pixel when the image does not start on a 4-byte boundary: px - cut - 1
  // is negative exactly when px <= level
  for (let i = 4 * words; i < data.length; i++) data[i] = (px[i]! - cut - 1) >>> 31;
  return { width: img.width, height: img.height, data };
}

/**
 * Four pixels of a 32-bit word compared with one level at once: 1 in each byte of the result
 * whose pixel is at least the level, 0 in the others. The even and the odd bytes are each spread
 * over two 16-bit lanes, where adding `lift` (liftTo(level)) carries into the lane's bit 8
 * exactly when the byte is at least the level. Lanes and bytes stay in place, whatever the
 * byte order of the machine.
 */
function bytesAtLeast(word: number, lift: number): number {
  const even = (((word & 0x00ff00ff) + lift) >>> 8) & 0x00010001;
  const odd = ((((word >>> 8) & 0x00ff00ff) + lift) >>> 8) & 0x00010001;
  return even | (odd << 8);
}

/** The `lift` of bytesAtLeast for a level from 0 to 256. */
const liftTo = (level: number): number => (256 - level) * 0x00010001;

/** Drop ink pixels with fewer than two ink neighbours among their eight: specks of noise go, 1-pixel rules stay. */
export function despeckle(bm: Bitmap): Bitmap {
  const { width: w, height: h, data } = bm;
  const out = new Uint8Array(data.length);
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
  // only the ink is visited (paper is skipped a word at a time), row by row
  const pixels = inkIndices(bm);
  for (let k = 0, y = 0, row = 0; k < pixels.length; k++) {
    const i = pixels[k]!;
    while (i >= row + w) {
      y++;
      row += w;
    }
    const x = i - row;
    // inside the page the eight neighbours are summed directly; the border goes the slow way
    const n =
      y > 0 && y < h - 1 && x > 0 && x < w - 1
        ? data[i - w - 1]! + data[i - w]! + data[i - w + 1]! + data[i - 1]! + data[i + 1]! + data[i + w - 1]! + data[i + w]! + data[i + w + 1]!
        : count(x, y);
    // kept (1) with two neighbours or more: 1 - n is then negative, its sign bit set
    out[i] = (1 - n) >>> 31;
  }
  return { width: w, height: h, data: out };
}

/**
 * The ink despeckle dropped from `dark`, put back into `ink` (the despeckled bitmap, changed in
 * place) where it is part of a faint mark standing on its own: an 8-connected piece of faint
 * pixels (of `faint.gray` at or under `faint.level`) reaching `minSpan` pixels across or down,
 * with no ink in or around its box. A `。` ring of a 200 dpi JPEG scan is dark at a few lone
 * pixels only, all dropped, and with nothing left of it whitenPaper had nothing to keep. A speck
 * of noise with its halo stays under the span; a faint piece joined to ink, or with ink in its
 * box, is part of a glyph (a JPEG blur beside a stroke), not a mark of its own.
 */
export function putBackFaintMarks(dark: Bitmap, ink: Bitmap, faint: { gray: GrayImage; level: number }, minSpan: number): void {
  const { width: w, height: h } = dark;
  const out = ink.data;
  const isFaint = (i: number) => faint.gray.data[i]! <= faint.level;
  const dropped = differingIndices(dark, ink);
  // each faint piece is flooded once, from the first dropped pixel met in it: dropped pixels are
  // few, and only they are visited. A flooded pixel is marked FLOODED in `out` until the end (no
  // page-sized array of its own): ink is 1 there, and the flood stops where `out` is not 0.
  const flooded: number[] = [];
  // [from, to) of the flooded pixels of each mark
  const marks: number[] = [];
  const inkAround = (x0: number, y0: number, x1: number, y1: number): boolean => {
    for (let y = Math.max(0, y0 - 1); y <= Math.min(h - 1, y1 + 1); y++) {
      for (let x = Math.max(0, x0 - 1); x <= Math.min(w - 1, x1 + 1); x++) if (out[y * w + x] === 1) return true;
    }
    return false;
  };
  for (const i of dropped) {
    if (!dark.data[i] || out[i] !== 0) continue;
    let [x0, y0] = [i % w, Math.floor(i / w)];
    let [x1, y1] = [x0, y0];
    const from = flooded.length;
    out[i] = FLOODED;
    flooded.push(i);
    for (let k = from; k < flooded.length; k++) {
      const p = flooded[k]!;
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
          if (nx < 0 || nx >= w || out[q] !== 0 || !isFaint(q)) continue;
          out[q] = FLOODED;
          flooded.push(q);
        }
      }
    }
    if ((x1 - x0 + 1 >= minSpan || y1 - y0 + 1 >= minSpan) && !inkAround(x0, y0, x1, y1)) marks.push(from, flooded.length);
  }
  // flooded pixels are paper again, but for the dark pixels of marks
  for (const p of flooded) out[p] = 0;
  for (let m = 0; m < marks.length; m += 2) {
    for (let k = marks[m]!; k < marks[m + 1]!; k++) out[flooded[k]!] = dark.data[flooded[k]!]!;
  }
}

/** putBackFaintMarks' mark, in its output, of a pixel it has flooded (no bitmap holds it). */
const FLOODED = 2;

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
  const runs = runsJoinedToInk(img, ink, faint);
  // paper is most of the page: it starts white, and the gray is copied around each kept run,
  // a pixel either side and the rows above and below included
  const out = new Uint8Array(src.length).fill(255);
  for (let r = 0; r < runs.length; r++) {
    const y = runs.line[r]!;
    const from = Math.max(0, runs.start[r]! - 1);
    const to = Math.min(w, runs.end[r]! + 1);
    for (let yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
      const row = yy * w;
      for (let i = row + from; i < row + to; i++) out[i] = src[i]!;
    }
  }
  return { width: w, height: h, data: out };
}

/**
 * The pixels whitenPaper keeps unwidened, as runs along the rows: the 8-connected pieces of ink
 * and pixels darker than `faint` together that hold some ink. Pieces are found run by run (a run
 * joins the runs of the row above it touches, union-find), so each pixel is read once, in memory
 * order, and the ink's neighbours are never looked at one by one.
 */
function runsJoinedToInk(img: GrayImage, ink: Bitmap, faint: number): RowRuns {
  const { width: w, height: h } = img;
  const src = img.data;
  const inked = ink.data;
  const runs = new RowRuns();
  const pieces = new RunPieces();
  // paper is passed over a word (four pixels) at a time where the words line up: no ink, and
  // every pixel at least `faint` (pixels are whole: at least its ceiling)
  const [grayWords, inkWords] = [wordsOf(src), wordsOf(inked)];
  const byWords = grayWords.length > 0 && inkWords.length === grayWords.length;
  const lift = liftTo(Math.max(0, Math.min(256, Math.ceil(faint))));
  // the runs of the row above: [above, aboveEnd)
  let above = 0;
  let aboveEnd = 0;
  for (let y = 0; y < h; y++) {
    const row = y * w;
    const rowFirst = runs.length;
    let touching = above;
    for (let x = 0; x < w; x++) {
      const i = row + x;
      if (byWords && (i & 3) === 0 && x + 4 <= w && inkWords[i >> 2] === 0 && bytesAtLeast(grayWords[i >> 2]!, lift) === 0x01010101) {
        x += 3;
        continue;
      }
      if (!inked[i] && src[i]! >= faint) continue;
      const start = x;
      let hasInk = 0;
      for (; x < w && (inked[row + x] || src[row + x]! < faint); x++) hasInk |= inked[row + x]!;
      const r = runs.push(y, start, x);
      pieces.add(r, hasInk !== 0);
      // a run above touches this one when it reaches from start - 1 to x (8-connected)
      while (touching < aboveEnd && runs.end[touching]! < start) touching++;
      for (let k = touching; k < aboveEnd && runs.start[k]! <= x; k++) pieces.join(k, r);
    }
    above = rowFirst;
    aboveEnd = runs.length;
  }
  const kept = new RowRuns();
  for (let r = 0; r < runs.length; r++) if (pieces.hasInk(r)) kept.push(runs.line[r]!, runs.start[r]!, runs.end[r]!);
  return kept;
}

/** Runs along lines (rows): line, first and past-the-end pixel of each, in the order pushed. */
class RowRuns {
  line: Int32Array = new Int32Array(4096);
  start: Int32Array = new Int32Array(4096);
  end: Int32Array = new Int32Array(4096);
  length = 0;
  /** Add a run; returns its index. */
  push(line: number, start: number, end: number): number {
    if (this.length === this.line.length) {
      this.line = grown(this.line, this.length + 1);
      this.start = grown(this.start, this.length + 1);
      this.end = grown(this.end, this.length + 1);
    }
    this.line[this.length] = line;
    this.start[this.length] = start;
    this.end[this.length] = end;
    return this.length++;
  }
}

/** Runs joined into pieces (union-find), each piece knowing whether it holds ink. */
class RunPieces {
  private parent: Int32Array = new Int32Array(4096);
  /** 1 where the piece rooted there holds ink. */
  private inked: Int32Array = new Int32Array(4096);
  /** Run `r` (the next index) as a piece of its own. */
  add(r: number, hasInk: boolean): void {
    if (r === this.parent.length) {
      this.parent = grown(this.parent, r + 1);
      this.inked = grown(this.inked, r + 1);
    }
    this.parent[r] = r;
    this.inked[r] = hasInk ? 1 : 0;
  }
  join(a: number, b: number): void {
    const ra = this.root(a);
    const rb = this.root(b);
    if (ra === rb) return;
    this.parent[rb] = ra;
    this.inked[ra]! |= this.inked[rb]!;
  }
  hasInk(r: number): boolean {
    return this.inked[this.root(r)] === 1;
  }
  private root(r: number): number {
    const parent = this.parent;
    let root = r;
    while (parent[root] !== root) root = parent[root]!;
    // path compression: every run on the way points at the root
    while (parent[r] !== root) {
      const next = parent[r]!;
      parent[r] = root;
      r = next;
    }
    return root;
  }
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
  const cut = (level + 255) / 2;
  // sums are whole: at or below the limit is below its floor + 1, tested branch-free by the sign bit
  const limit = Math.floor(cut * (2 * radius + 1)) + 1;
  const data = axis === 'h' ? inkAlongRows(img, limit, radius) : inkDownColumns(img, limit, radius);
  return { width: img.width, height: img.height, data };
}

/** lineInk along the rows: ink where the sum over [x - radius, x + radius] is below `limit`. */
function inkAlongRows(img: GrayImage, limit: number, radius: number): Uint8Array {
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(w * h);
  const span = 2 * radius + 1;
  // each row copied between `radius` white pixels each side (the edges padded with white), then
  // a running sum with no test for the ends
  const padded = new Uint8Array(w + span).fill(255);
  for (let y = 0; y < h; y++) {
    const base = y * w;
    padded.set(data.subarray(base, base + w), radius);
    let sum = 0;
    for (let k = 0; k < span; k++) sum += padded[k]!;
    for (let x = 0; x < w; x++) {
      out[base + x] = (sum - limit) >>> 31;
      sum += padded[x + span]! - padded[x]!;
    }
  }
  return out;
}

/**
 * lineInk down the columns: one running sum per column, advanced a whole row at a time (memory
 * order), rows beyond the image white. Two columns share a 32-bit word, in 16-bit lanes (sums of
 * up to 2 · 63 + 1 pixels fit in 15 bits), so a word of four pixels is read at once.
 */
function inkDownColumns(img: GrayImage, limit: number, radius: number): Uint8Array {
  const { width: w, height: h, data } = img;
  if ((2 * radius + 1) * 255 >= 0x8000 || limit < 0 || limit > 0x8000) return inkDownColumnsByPixel(img, limit, radius);
  const out = new Uint8Array(w * h);
  // rows are copied to word-aligned buffers: a row of the image starts anywhere
  const words = (w + 3) >> 2;
  const row = () => {
    const bytes = new Uint8Array(4 * words);
    return { bytes: bytes.subarray(0, w), words: new Uint32Array(bytes.buffer) };
  };
  const [incoming, outgoing, result] = [row(), row(), row()];
  const load = (to: { bytes: Uint8Array }, y: number) => {
    if (y >= 0 && y < h) to.bytes.set(data.subarray(y * w, (y + 1) * w));
    else to.bytes.fill(255);
  };
  const [inWords, outWords, resultWords] = [incoming.words, outgoing.words, result.words];
  // the sums of the even and the odd bytes of each word of the row
  const even = new Int32Array(words);
  const odd = new Int32Array(words);
  for (let k = -radius; k <= radius; k++) {
    load(incoming, k);
    for (let j = 0; j < words; j++) {
      even[j]! += inWords[j]! & 0x00ff00ff;
      odd[j]! += (inWords[j]! >>> 8) & 0x00ff00ff;
    }
  }
  // a lane with its top bit set, less the limit, keeps that bit exactly when the sum reaches the limit
  const limits = limit * 0x00010001;
  for (let y = 0; y < h; y++) {
    load(incoming, y + radius + 1);
    load(outgoing, y - radius);
    for (let j = 0; j < words; j++) {
      const e = even[j]!;
      const o = odd[j]!;
      const paperEven = (((e | 0x80008000) - limits) >>> 15) & 0x00010001;
      const paperOdd = (((o | 0x80008000) - limits) >>> 15) & 0x00010001;
      resultWords[j] = (paperEven | (paperOdd << 8)) ^ 0x01010101;
      // the outgoing pixel is in the sum: no lane goes below 0
      const inWord = inWords[j]!;
      const outWord = outWords[j]!;
      even[j] = e + (inWord & 0x00ff00ff) - (outWord & 0x00ff00ff);
      odd[j] = o + ((inWord >>> 8) & 0x00ff00ff) - ((outWord >>> 8) & 0x00ff00ff);
    }
    out.set(result.bytes, y * w);
  }
  return out;
}

/** inkDownColumns a pixel at a time (windows too tall for 16-bit lanes). */
function inkDownColumnsByPixel(img: GrayImage, limit: number, radius: number): Uint8Array {
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(w * h);
  const white = new Uint8Array(w).fill(255);
  const rowAt = (y: number) => (y >= 0 && y < h ? data.subarray(y * w, (y + 1) * w) : white);
  const sums = new Int32Array(w);
  for (let k = -radius; k <= radius; k++) {
    const row = rowAt(k);
    for (let x = 0; x < w; x++) sums[x]! += row[x]!;
  }
  for (let y = 0; y < h; y++) {
    const base = y * w;
    const incoming = rowAt(y + radius + 1);
    const outgoing = rowAt(y - radius);
    for (let x = 0; x < w; x++) {
      const sum = sums[x]!;
      out[base + x] = (sum - limit) >>> 31;
      sums[x] = sum + incoming[x]! - outgoing[x]!;
    }
  }
  return out;
}
