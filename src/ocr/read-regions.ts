import type { Box } from '../geometry.ts';
import type { PageChar } from '../pdf/types.ts';
import { recognize, type OcrLine, type OcrSymbol, type RecognizeOptions } from './engine.ts';
import { clampRect, cropGray, padGray, scaleGray, type Bitmap, type PixelRect } from './gray-image.ts';
import type { ScannedPage } from './prepare-scan.ts';
import { voteReadings } from './vote-readings.ts';

/** White margin (px) put around a region before OCR. */
const OCR_PAD_PX = 12;
/** A region with less ink than this many square points holds no text (specks, rule remains). */
const MIN_INK_PT2 = 1.5;

/**
 * Glyph heights (px) Tesseract's chi_sim model reads best, measured on the samples: taller
 * glyphs are scaled down to GLYPH_DOWN_TO_PX (10 pt at 300 dpi, ~37 px, reads better at 24),
 * shorter ones up to GLYPH_UP_TO_PX.
 */
const GLYPH_MAX_PX = 32;
const GLYPH_MIN_PX = 16;
const GLYPH_DOWN_TO_PX = 26;
const GLYPH_UP_TO_PX = 22;

/** Bands of inked rows shorter than this (px) are specks, not lines of text. */
const MIN_BAND_PX = 5;

/** The bands of inked rows in a region (its lines of text), as [top, bottom) rows, top to bottom. */
function inkRowSpans(ink: Bitmap, rect: PixelRect): Array<[number, number]> {
  const [x0, y0, x1, y1] = clampRect(rect, ink.width, ink.height);
  const spans: Array<[number, number]> = [];
  let start = -1;
  for (let y = y0; y <= y1; y++) {
    let on = false;
    if (y < y1) {
      for (let x = x0; x < x1 && !on; x++) on = ink.data[y * ink.width + x] === 1;
    }
    if (on && start < 0) start = y;
    else if (!on && start >= 0) {
      if (y - start >= MIN_BAND_PX) spans.push([start, y]);
      start = -1;
    }
  }
  return spans;
}

/** The bands of inked rows in a region (lines of text), as heights in pixels, top to bottom; bands under 5 px are specks. */
export function inkBands(ink: Bitmap, rect: PixelRect): number[] {
  return inkRowSpans(ink, rect).map(([top, bottom]) => bottom - top);
}

/** The bands of inked rows of a region as rectangles (its lines of text), cut to the region's ink. */
export function inkLineRects(ink: Bitmap, rect: PixelRect): PixelRect[] {
  const [x0, , x1] = clampRect(rect, ink.width, ink.height);
  return inkRowSpans(ink, rect)
    .map(([top, bottom]) => inkBounds(ink, [x0, top, x1, bottom], 1))
    .filter((b): b is PixelRect => b !== null);
}

/** The median of band heights, or null when there are none. */
const median = (lengths: readonly number[]): number | null =>
  lengths.length > 0 ? [...lengths].sort((a, b) => a - b)[Math.floor(lengths.length / 2)]! : null;

/** The typical height of a line of glyphs in a region: the median height of its bands of inked rows. */
export function glyphHeight(ink: Bitmap, rect: PixelRect): number | null {
  return median(inkBands(ink, rect));
}

/** The factor to scale a region by so that its glyphs are of a height Tesseract reads well. */
function ocrScale(h: number | null): number {
  if (!h) return 1;
  if (h > GLYPH_MAX_PX) return GLYPH_DOWN_TO_PX / h;
  if (h < GLYPH_MIN_PX) return GLYPH_UP_TO_PX / h;
  return 1;
}

/**
 * A line read from a scaled, padded image, back in pixels of the page region it was cut from:
 * the padding taken off, the scale undone, moved by (dx, dy).
 */
function unscaleLine(line: OcrLine, k: number, pad: number, dx = 0, dy = 0): OcrLine {
  const r = (b: PixelRect): PixelRect => [(b[0] - pad) * k + dx, (b[1] - pad) * k + dy, (b[2] - pad) * k + dx, (b[3] - pad) * k + dy];
  return { ...line, bbox: r(line.bbox), words: line.words.map((w) => ({ ...w, bbox: r(w.bbox), symbols: w.symbols.map((s) => ({ ...s, bbox: r(s.bbox) })) })) };
}

/** The bounding box of the ink inside a rectangle, or null when there is (almost) none. */
export function inkBounds(ink: Bitmap, rect: PixelRect, minInk: number): PixelRect | null {
  const [x0, y0, x1, y1] = clampRect(rect, ink.width, ink.height);
  let bx0 = Infinity;
  let by0 = Infinity;
  let bx1 = -Infinity;
  let by1 = -Infinity;
  let n = 0;
  for (let y = y0; y < y1; y++) {
    const row = y * ink.width;
    for (let x = x0; x < x1; x++) {
      if (!ink.data[row + x]) continue;
      n++;
      if (x < bx0) bx0 = x;
      if (x > bx1) bx1 = x;
      if (y < by0) by0 = y;
      if (y > by1) by1 = y;
    }
  }
  return n >= minInk ? [bx0, by0, bx1 + 1, by1 + 1] : null;
}

/**
 * Recognized lines → glyphs in page space. Each line's glyphs share its baseline (its box's
 * bottom) and size (its height); inside a word, glyph boxes are Tesseract's symbol boxes
 * widened to meet each other, so that a word reads as one run; every glyph carries its word's
 * confidence.
 */
export function linesToChars(lines: readonly OcrLine[], origin: [number, number], scale: number): PageChar[] {
  const chars: PageChar[] = [];
  const [ox, oy] = origin;
  for (const line of lines) {
    const top = (line.bbox[1] + oy) / scale;
    const bottom = (line.bbox[3] + oy) / scale;
    const size = Math.max(1, bottom - top);
    for (const word of line.words) {
      const symbols =
        word.symbols.length > 0
          ? word.symbols
          : [...word.text].map((text, i, all) => {
              const w = (word.bbox[2] - word.bbox[0]) / all.length;
              return { text, confidence: word.confidence, bbox: [word.bbox[0] + i * w, word.bbox[1], word.bbox[0] + (i + 1) * w, word.bbox[3]] as PixelRect };
            });
      symbols.forEach((s, i) => {
        const prev = symbols[i - 1];
        const next = symbols[i + 1];
        const x0 = prev ? (prev.bbox[2] + s.bbox[0]) / 2 : Math.min(s.bbox[0], word.bbox[0]);
        const x1 = next ? (s.bbox[2] + next.bbox[0]) / 2 : Math.max(s.bbox[2], word.bbox[2]);
        const box: Box = [(x0 + ox) / scale, top, (Math.max(x1, x0 + 1) + ox) / scale, bottom];
        chars.push({ text: s.text, box, baseline: bottom, size, upright: true, confidence: Math.max(0, Math.min(1, word.confidence)) });
      });
    }
  }
  return chars;
}

/** A box in points → the pixel rectangle it covers on the scan, shrunk by `inset` pixels. */
export const boxToRect = (box: Box, scale: number, inset = 0): PixelRect => [
  Math.round(box[0] * scale) + inset,
  Math.round(box[1] * scale) + inset,
  Math.round(box[2] * scale) - inset,
  Math.round(box[3] * scale) - inset,
];

export interface RegionReading {
  chars: PageChar[];
  /** The pixels that were read (the ink's bounds), or null for an empty region. */
  rect: PixelRect | null;
}

/** Whether a region of a scanned page holds enough ink to be text. */
export function hasInk(scan: ScannedPage, rect: PixelRect): boolean {
  const scale = scan.dpi / 72;
  return inkBounds(scan.ink, rect, MIN_INK_PT2 * scale * scale) !== null;
}

/** Alternative scales a doubtful line is read again at, relative to the first reading's. */
const VOTE_SCALES = [0.8, 1.25] as const;
/** A line with a word read under this confidence is read again at VOTE_SCALES and voted on. */
const VOTE_BELOW = 0.7;
/**
 * Shorter lines are not voted on: a short value's misreadings (`]次/月` for `≥1次/月`) are as
 * likely to agree as its true glyphs, and the form's rules correct them better.
 */
const VOTE_MIN_CHARS = 6;

const lineSymbols = (line: OcrLine) => line.words.flatMap((w) => w.symbols);

/**
 * A doubtful line read again at two other scales, and each character taken by majority
 * (voteReadings): the misreadings of a line change with its scale, its true characters do not.
 * The line keeps its words; a voted character takes the box and confidence of the one it stands in for.
 */
async function voteLine(line: OcrLine, readAt: (scale: number) => Promise<OcrLine[]>): Promise<OcrLine> {
  const symbols = lineSymbols(line);
  if (symbols.length < VOTE_MIN_CHARS || line.words.some((w) => w.symbols.length === 0)) return line;
  const first = symbols.map((s) => s.text);
  const textAt = async (k: number) => (await readAt(k)).flatMap(lineSymbols).map((s) => s.text);
  const second = await textAt(VOTE_SCALES[0]);
  // a second reading that agrees leaves no change a majority could make: the third is not needed
  if (second.join('') === first.join('')) return line;
  const voted = voteReadings(first, second, await textAt(VOTE_SCALES[1]));
  const wordOf = line.words.flatMap((w, i) => w.symbols.map(() => i));
  const words = line.words.map((w) => ({ ...w, symbols: [] as OcrSymbol[] }));
  for (const v of voted) words[wordOf[v.from]!]!.symbols.push({ ...symbols[v.from]!, text: v.text });
  const kept = words.filter((w) => w.symbols.length > 0).map((w) => ({ ...w, text: w.symbols.map((s) => s.text).join('') }));
  return { ...line, text: kept.map((w) => w.text).join(' '), words: kept };
}

/** OCR one region of a scanned page (a cell, a line outside the tables): its glyphs in page space. */
export async function readRegion(scan: ScannedPage, rect: PixelRect, opts: RecognizeOptions): Promise<RegionReading> {
  const scale = scan.dpi / 72;
  const bounds = inkBounds(scan.ink, rect, MIN_INK_PT2 * scale * scale);
  if (!bounds) return { chars: [], rect: null };
  const bands = inkBands(scan.ink, bounds);
  const factor = ocrScale(median(bands));
  // one line of ink: Tesseract's single-line mode skips layout analysis (several times faster on short cells)
  const psm = opts.psm === '6' && bands.length === 1 ? '7' : opts.psm;
  /** Lines read from a rectangle of the page, in pixels of `bounds`. */
  const readLines = async (r: PixelRect, mode: RecognizeOptions['psm'], k = factor) => {
    const img = padGray(scaleGray(cropGray(scan.text, r), k), OCR_PAD_PX);
    const lines = await recognize(img, { ...opts, psm: mode, dpi: scan.dpi * k });
    return lines.map((l) => unscaleLine(l, 1 / k, OCR_PAD_PX, r[0] - bounds[0], r[1] - bounds[1]));
  };
  const lines = await Promise.all(
    (await readLines(bounds, psm)).map((l) => {
      if (Math.min(...l.words.map((w) => w.confidence)) >= VOTE_BELOW) return l;
      const r = clampRect([bounds[0] + l.bbox[0] - 2, bounds[1] + l.bbox[1] - 2, bounds[0] + l.bbox[2] + 2, bounds[1] + l.bbox[3] + 2], scan.text.width, scan.text.height);
      return voteLine(l, (k) => readLines(r, '7', factor * k));
    }),
  );
  let chars = linesToChars(lines, [bounds[0], bounds[1]], scale);
  if (chars.length === 0) {
    // Tesseract's line finding drops some crisp bold lines whole; its raw-line mode reads them
    const rects = inkLineRects(scan.ink, bounds);
    chars = linesToChars((await Promise.all(rects.map((r) => readLines(r, '13')))).flat(), [bounds[0], bounds[1]], scale);
  }
  return { chars, rect: bounds };
}
