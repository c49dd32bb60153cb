import type { Box } from '../geometry.ts';
import type { PageChar } from '../pdf/types.ts';
import { isHan } from './cell-glyphs.ts';
import { loneIdeographs } from './lexicon.ts';
import { recognize, type OcrLine, type OcrModel, type OcrSymbol, type OcrWord, type RecognizeOptions } from './engine.ts';
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
/** Bands of ink are one line while together they are at most this many times a line's height. */
const LINE_JOIN = 1.3;
/** A band of ink this many times a line's height holds lines that touch. */
const MERGED_LINES = 1.6;
/** A line of ink under this share of a line's height holds marks only (`。`, `、`). */
const MARK_LINE = 0.5;
/** A speck this far (share of a line's height) from every line is a line of marks of its own. */
const MARK_APART = 0.3;

/** The runs of inked rows in a region, as [top, bottom) rows, top to bottom; runs shorter than `minPx` are left out. */
function inkRowSpans(ink: Bitmap, rect: PixelRect, minPx = MIN_BAND_PX): Array<[number, number]> {
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
      if (y - start >= minPx) spans.push([start, y]);
      start = -1;
    }
  }
  return spans;
}

/** A strip of a region holding one line of text, or (`touching`) lines whose ink touches, or (`mark`) a line of marks only (a wrapped `。`). */
export interface LineStrip {
  rect: PixelRect;
  touching: boolean;
  mark: boolean;
}

/**
 * A region cut into strips of whole rows, one per line of text. Bands of inked rows are joined
 * into lines up to a line's height (the taller bands' height): an ideograph's own white rows
 * (量, 三) split it into bands. A speck's band goes with the nearer line, unless it lies apart
 * (a small `。` wrapped onto a line of its own): then it is a line of its own, of marks. The
 * cuts fall midway through the white between lines, so every pixel of ink is in exactly one strip.
 */
export function lineStrips(ink: Bitmap, rect: PixelRect): LineStrip[] {
  const [x0, y0, x1, y1] = clampRect(rect, ink.width, ink.height);
  const whole: LineStrip[] = [{ rect: [x0, y0, x1, y1], touching: false, mark: false }];
  const spans = inkRowSpans(ink, rect, 1);
  const bands = spans.filter(([a, b]) => b - a >= MIN_BAND_PX);
  const heights = bands.map(([a, b]) => b - a).sort((a, b) => b - a);
  // a line's height: a quarter of the way down the tallest bands (a few bands of touching lines do not set it)
  const lineHeight = heights[Math.floor((heights.length - 1) / 4)] ?? 0;
  const lines: Array<[number, number]> = [];
  for (const [a, b] of bands) {
    const last = lines[lines.length - 1];
    if (last && b - last[0] <= LINE_JOIN * lineHeight) last[1] = b;
    else lines.push([a, b]);
  }
  if (lines.length === 0) return whole;
  for (const [a, b] of spans) {
    if (b - a >= MIN_BAND_PX) continue;
    const gap = (l: [number, number]) => (b <= l[0] ? l[0] - b : a >= l[1] ? a - l[1] : 0);
    const nearest = lines.reduce((best, l) => (gap(l) < gap(best) ? l : best));
    if (gap(nearest) >= MARK_APART * lineHeight) {
      lines.push([a, b]);
      continue;
    }
    nearest[0] = Math.min(nearest[0], a);
    nearest[1] = Math.max(nearest[1], b);
  }
  if (lines.length < 2) return whole;
  lines.sort((p, q) => p[0] - q[0]);
  const edges = [y0, ...lines.slice(1).map((l, i) => Math.round((lines[i]![1] + l[0]) / 2)), y1];
  return lines.map(([a, b], i) => ({ rect: [x0, edges[i]!, x1, edges[i + 1]!], touching: b - a > MERGED_LINES * lineHeight, mark: b - a < MARK_LINE * lineHeight }));
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

/** The median of some numbers (the upper one of an even count), or null when there are none. */
export const median = (values: readonly number[]): number | null =>
  values.length > 0 ? [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]! : null;

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

/**
 * How a doubtful stretch of a line is read again: by the second model (engine.ts), at the first
 * reading's scale and at 0.8 of it. The first model's own readings at other scales repeat its
 * steady misreadings (`派遣` as `派算` at every scale); a network trained apart misreads other
 * glyphs. Measured on two held-out scan families (fields exact): 971 → 978 of 1013 and 1602 →
 * 1607 of 1698 against the first model at 0.8 and 1.25.
 */
type Reading = readonly [scale: number, model: OcrModel];
const VOTE_READINGS: readonly [Reading, Reading] = [
  [1, 'second'],
  [0.8, 'second'],
];
/** A word read under this confidence is read again (VOTE_READINGS), with its neighbours, and voted on. */
const VOTE_BELOW = 0.7;
/**
 * Shorter stretches are not voted on by majority: a short value's misreadings (`]次/月` for
 * `≥1次/月`) are as likely to agree as its true glyphs, and the form's rules correct them better.
 * Their ideographs are still judged by spelling (`受训信员` → `受训人员`).
 */
const VOTE_MIN_CHARS = 6;
/**
 * A doubtful word is read again with this many characters of its line each side (fewer at the
 * line's ends): enough context for the engine to read it as text, while a 40-character line with
 * one doubtful word is not read twice more whole (the re-readings were a third of the OCR time).
 */
const VOTE_CONTEXT_CHARS = 4;

/**
 * A word under this confidence holding an ideograph whose box is under SQUEEZED_WIDTH of the
 * word's height is voted on too: a glyph the engine reads where there is none (`。有具体` for
 * `。具体`) gets a narrow box squeezed between its neighbours'.
 */
const SQUEEZED_BELOW = 0.8;
const SQUEEZED_WIDTH = 0.4;
const squeezed = (w: OcrWord) => w.symbols.some((s) => isHan(s.text) && s.bbox[2] - s.bbox[0] < SQUEEZED_WIDTH * (w.bbox[3] - w.bbox[1]));

/**
 * A word under this confidence holding an ideograph that stands alone in the likeliest split of
 * its run of ideographs into words (loneIdeographs: `费用文出标准`) is voted on too: the engine
 * misreads a glyph as a common one (`支` as `文`, `贷` as `货`) with fair confidence.
 */
const LONE_BELOW = 0.9;

/** For each word of a line, whether it holds an ideograph alone in its run's likeliest split into words. */
function loneWords(words: readonly OcrWord[]): boolean[] {
  const symbols = words.flatMap((w, i) => w.symbols.map((s) => ({ text: s.text, word: i })));
  const out = words.map(() => false);
  for (let a = 0; a < symbols.length; ) {
    if (!isHan(symbols[a]!.text)) {
      a++;
      continue;
    }
    let b = a;
    while (b < symbols.length && isHan(symbols[b]!.text)) b++;
    const run = symbols.slice(a, b);
    loneIdeographs(run.map((s) => s.text)).forEach((l, k) => {
      if (l) out[run[k]!.word] = true;
    });
    a = b;
  }
  return out;
}

/** A line is read again with this much (px) of the page around its box (the engine's boxes fit the ink tightly). */
const LINE_MARGIN_PX = 2;

const lineSymbols = (line: OcrLine) => line.words.flatMap((w) => w.symbols);

/** A stretch of a line to read again: its words [first, last], and the doubtful ones among them [first, last] (its core). */
export interface VoteStretch {
  words: [number, number];
  core: [number, number];
  /** Voted on only for an ideograph alone in its words (LONE_BELOW): judged by spelling only. */
  spellingOnly: boolean;
}

/**
 * The stretches of a line to read again: each doubtful word with VOTE_CONTEXT_CHARS characters
 * each side, overlapping stretches joined; and, to be judged by spelling only, each fairly sure
 * word holding an ideograph alone in its words (LONE_BELOW), where no doubtful word's stretch reaches.
 */
export function voteStretches(words: readonly OcrWord[]): VoteStretch[] {
  const chars = (i: number) => words[i]!.symbols.length;
  /** The stretches around some words, overlapping ones joined. */
  const around = (picked: readonly number[], spellingOnly: boolean): VoteStretch[] => {
    const stretches: VoteStretch[] = [];
    for (const i of picked) {
      let a = i;
      for (let n = 0; a > 0 && n < VOTE_CONTEXT_CHARS; ) n += chars(--a);
      let b = i;
      for (let n = 0; b < words.length - 1 && n < VOTE_CONTEXT_CHARS; ) n += chars(++b);
      const last = stretches[stretches.length - 1];
      if (last && a <= last.words[1] + 1) {
        last.words[1] = Math.max(last.words[1], b);
        last.core[1] = i;
      } else stretches.push({ words: [a, b], core: [i, i], spellingOnly });
    }
    return stretches;
  };
  const doubtful = (w: OcrWord) => w.confidence < VOTE_BELOW || (w.confidence < SQUEEZED_BELOW && squeezed(w));
  const voted = around(words.flatMap((w, i) => (doubtful(w) ? [i] : [])), false);
  // a stretch for a lone ideograph alone, where no doubtful word's stretch reaches (that one reads it again anyway)
  const lone = loneWords(words);
  const spelled = around(words.flatMap((w, i) => (!doubtful(w) && w.confidence < LONE_BELOW && lone[i] ? [i] : [])), true);
  const apart = spelled.filter((s) => !voted.some((v) => s.words[0] <= v.words[1] && v.words[0] <= s.words[1]));
  return [...voted, ...apart].sort((x, y) => x.words[0] - y.words[0]);
}

/**
 * The reader of the line's pixels between two cuts, each a column found in a span of columns
 * (the line's own end when null): the cuts are found once, the pixels read at any scale.
 */
type ReadBetween = (left: [number, number] | null, right: [number, number] | null) => (scale: number, model?: OcrModel) => Promise<OcrLine[]>;

const centre = (s: OcrSymbol) => (s.bbox[0] + s.bbox[2]) / 2;

/**
 * A doubtful stretch of a line read twice more (VOTE_READINGS), and its characters taken by
 * majority or by spelling (voteReadings): misreadings change with the model and the scale, true
 * characters do not. The context around the doubtful core helps the engine read it; a cut
 * through a neighbour glyph's ink would be read as a mark at the stretch's end, and two readings
 * could agree on it, so the ends are not voted on. The stretch keeps its words; a voted character
 * takes the box and confidence of the one it stands in for.
 */
async function voteStretch(words: readonly OcrWord[], { words: [firstWord, lastWord], core, spellingOnly }: VoteStretch, readBetween: ReadBetween): Promise<OcrWord[]> {
  const stretch = words.slice(firstWord, lastWord + 1);
  const symbols = stretch.flatMap((w) => w.symbols);
  const short = symbols.length < VOTE_MIN_CHARS;
  if ((short && !symbols.some((s) => isHan(s.text))) || stretch.some((w) => w.symbols.length === 0)) return stretch;
  const before = words[firstWord - 1];
  const after = words[lastWord + 1];
  // the cuts fall in the white between the stretch's outer glyphs and their neighbours
  const left: [number, number] | null = before ? [centre(before.symbols.at(-1)!), centre(symbols[0]!)] : null;
  const right: [number, number] | null = after ? [centre(symbols.at(-1)!), centre(after.symbols[0]!)] : null;
  const first = symbols.map((s) => s.text);
  const readAt = readBetween(left, right);
  const textAt = async ([k, model]: Reading) => (await readAt(k, model)).flatMap(lineSymbols).map((s) => s.text);
  const second = await textAt(VOTE_READINGS[0]);
  // a second reading that agrees leaves no change to make: the third is not needed
  if (second.join('') === first.join('')) return stretch;
  const symbolsBefore = (w: number) => stretch.slice(0, w - firstWord).reduce((n, x) => n + x.symbols.length, 0);
  const within: [number, number] = [before ? symbolsBefore(core[0]) : 0, after ? symbolsBefore(core[1] + 1) : symbols.length];
  // a glyph read with fair confidence is changed on firmer evidence: not at the line's edges, where the spelling sees only one side
  const lineEdges: [boolean, boolean] = spellingOnly ? [!before, !after] : [false, false];
  const voted = voteReadings(first, second, await textAt(VOTE_READINGS[1]), within, { majority: !short && !spellingOnly, lineEdges });
  const wordOf = stretch.flatMap((w, i) => w.symbols.map(() => i));
  const out = stretch.map((w) => ({ ...w, symbols: [] as OcrSymbol[] }));
  for (const v of voted) out[wordOf[v.from]!]!.symbols.push({ ...symbols[v.from]!, text: v.text });
  return out.filter((w) => w.symbols.length > 0).map((w) => ({ ...w, text: w.symbols.map((s) => s.text).join('') }));
}

/** A line with each of its doubtful stretches voted on (voteStretch). */
async function voteLine(line: OcrLine, readBetween: ReadBetween): Promise<OcrLine> {
  const stretches = voteStretches(line.words);
  if (stretches.length === 0) return line;
  const voted = await Promise.all(stretches.map((s) => voteStretch(line.words, s, readBetween)));
  const words: OcrWord[] = [];
  let next = 0;
  stretches.forEach(({ words: [a, b] }, i) => {
    words.push(...line.words.slice(next, a), ...voted[i]!);
    next = b + 1;
  });
  words.push(...line.words.slice(next));
  return { ...line, text: words.map((w) => w.text).join(' '), words };
}

/** The column of least ink in rows [y0, y1) between columns x0 and x1: the middle of the widest run of such columns. */
export function whitestColumn(ink: Bitmap, x0: number, x1: number, y0: number, y1: number): number {
  const [cx0, cy0, cx1, cy1] = clampRect([x0, y0, x1, y1], ink.width, ink.height);
  let best = Infinity;
  let run: [number, number] = [cx0, cx0];
  let start = -1;
  for (let x = cx0; x <= cx1; x++) {
    let n = Infinity;
    if (x < cx1) {
      n = 0;
      for (let y = cy0; y < cy1; y++) n += ink.data[y * ink.width + x]!;
    }
    if (n < best) {
      best = n;
      start = x;
      run = [x, x + 1];
    } else if (n === best) {
      if (start < 0) start = x;
      if (x + 1 - start > run[1] - run[0]) run = [start, x + 1];
    } else start = -1;
  }
  return cx1 > cx0 ? (run[0] + run[1]) / 2 : (x0 + x1) / 2;
}

/** A read line lying this share of its height in each of two strips of ink is two lines read as one. */
const STRADDLE = 0.25;

/**
 * A block's reading checked against its lines of ink (lineStrips; the read lines' boxes are
 * relative to `top`). Tesseract's layout analysis can read two lines as one (a short wrap,
 * right-aligned under a long line, read with it as nonsense) or leave a line out. When a read
 * line straddles two strips the block is read strip by strip instead; a strip no read line lies
 * in is read alone and added.
 */
export async function checkBlock(block: OcrLine[], strips: readonly LineStrip[], top: number, readStrip: (strip: LineStrip) => Promise<OcrLine[]>): Promise<OcrLine[]> {
  if (strips.length < 2) return block;
  const overlap = (l: OcrLine, s: LineStrip) => Math.min(top + l.bbox[3], s.rect[3]) - Math.max(top + l.bbox[1], s.rect[1]);
  const straddles = block.some((l) => strips.filter((s) => overlap(l, s) > STRADDLE * (l.bbox[3] - l.bbox[1])).length > 1);
  if (straddles) return (await Promise.all(strips.map(readStrip))).flat();
  const missed = strips.filter((s) => !block.some((l) => overlap(l, s) > 0));
  if (missed.length === 0) return block;
  const added = (await Promise.all(missed.map(readStrip))).flat();
  return [...block, ...added].sort((a, b) => a.bbox[1] - b.bbox[1]);
}

export interface RegionOptions extends RecognizeOptions {
  /** Scale the region so that its lines of glyphs are this tall (px), instead of to the height the model reads best in general. */
  glyphPx?: number;
}

/** OCR one region of a scanned page (a cell, a line outside the tables): its glyphs in page space. */
export async function readRegion(scan: ScannedPage, rect: PixelRect, { glyphPx, ...opts }: RegionOptions): Promise<RegionReading> {
  const scale = scan.dpi / 72;
  const bounds = inkBounds(scan.ink, rect, MIN_INK_PT2 * scale * scale);
  if (!bounds) return { chars: [], rect: null };
  const bands = inkBands(scan.ink, bounds);
  const h = median(bands);
  const factor = glyphPx && h ? glyphPx / h : ocrScale(h);
  /** Lines read from a rectangle of the page, in pixels of `bounds`. */
  const readLines = async (r: PixelRect, mode: RecognizeOptions['psm'], k = factor, model: OcrModel = 'best') => {
    const img = padGray(scaleGray(cropGray(scan.text, r), k), OCR_PAD_PX);
    const lines = await recognize(img, { ...opts, psm: mode, dpi: scan.dpi * k, model });
    return lines.map((l) => unscaleLine(l, 1 / k, OCR_PAD_PX, r[0] - bounds[0], r[1] - bounds[1]));
  };
  const readStrip = async (strip: LineStrip) => {
    if (strip.touching) return readLines(strip.rect, '6');
    const read = await readLines(strip.rect, '7');
    // the single-line mode reads nothing from some lone glyphs (a wrapped 数) that the block mode reads
    return read.length > 0 ? read : readLines(strip.rect, '6');
  };
  /**
   * The first reading. A region of one line of text is read in single-line mode (it skips layout
   * analysis: several times faster on short cells). Lines of marks only (a wrapped `。`) are left
   * unread, and the lines of text beside them read one by one: Tesseract reads nonsense from a
   * line read with a lone mark under it; checkWrappedFullStop puts a wrapped `。` back. Other
   * regions are read as a block, checked against their lines of ink (checkBlock).
   */
  const readFirst = async (): Promise<OcrLine[]> => {
    if (opts.psm !== '6') return readLines(bounds, opts.psm);
    const strips = lineStrips(scan.ink, bounds);
    const text = strips.filter((s) => !s.mark);
    if (text.length === 0) return readLines(bounds, '6');
    if (text.length === 1) return readLines(text[0]!.rect, text[0]!.touching ? '6' : '7');
    if (text.length < strips.length) return (await Promise.all(text.map(readStrip))).flat();
    return checkBlock(await readLines(bounds, '6'), strips, bounds[1], readStrip);
  };
  const firstLines = await readFirst();
  const lines = await Promise.all(
    firstLines.map((l) => {
      const y0 = bounds[1] + l.bbox[1];
      const y1 = bounds[1] + l.bbox[3];
      const cut = (span: [number, number]) => whitestColumn(scan.ink, bounds[0] + span[0], bounds[0] + span[1], y0, y1);
      return voteLine(l, (left, right) => {
        const x0 = left ? cut(left) : bounds[0] + l.bbox[0] - LINE_MARGIN_PX;
        const x1 = right ? cut(right) : bounds[0] + l.bbox[2] + LINE_MARGIN_PX;
        const r = clampRect([x0, y0 - LINE_MARGIN_PX, x1, y1 + LINE_MARGIN_PX], scan.text.width, scan.text.height);
        return (k, model) => readLines(r, '7', factor * k, model);
      });
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
