import type { Cell } from '../table/types.ts';
import type { TextFix } from './correct-text.ts';
import { clampRect, type Bitmap, type PixelRect } from './gray-image.ts';
import { cellGlyphs, isHan, isOcrCell } from './cell-glyphs.ts';
import { labelInk, type InkPiece, type LabeledInk } from './ink-pieces.ts';
import type { ScannedPage } from './prepare-scan.ts';
import { boxToRect } from './read-regions.ts';

/**
 * The shape of a punctuation mark in the ink, as printed in a line of CJK text:
 * - `semicolon` (；): a dot at mid height above a comma at the baseline;
 * - `colon` (：): two dots of one size, stacked;
 * - `comma` (，): a comma alone at the baseline, solid, clearly taller than wide;
 * - `ring` (。): a small ring at the baseline (its middle paper, its ink all around);
 * - `dot` (.): a solid dot at the baseline;
 * - `slant` (、): a short stroke slanting down-right at the baseline;
 * - `bar` (-): a short horizontal bar at mid height.
 */
export type MarkShape = 'semicolon' | 'colon' | 'comma' | 'ring' | 'dot' | 'slant' | 'bar';

/** What a shape is written as, full-width and half-width (the ring and the slant have only one width). */
const WRITTEN: Readonly<Record<'semicolon' | 'colon' | 'comma' | 'ring', readonly [full: string, half: string]>> = {
  semicolon: ['；', ';'],
  colon: ['：', ':'],
  comma: ['，', ','],
  ring: ['。', '。'],
};

/**
 * The readings this check looks at, and the shapes whose ink overrules each: a shape not listed
 * leaves the reading as it is. Corrections measured on scans: `；` read `，`, `：` read `；`, `，`
 * read `.`, `。` read `-`, `.` or `，`. `、` is never touched (it is read well, and at low
 * resolution its stroke and a comma's are too alike), nor anything but these marks.
 */
const OVERRULED_BY: ReadonlyMap<string, ReadonlySet<MarkShape>> = new Map([
  ['，', new Set<MarkShape>(['semicolon', 'ring'])],
  [',', new Set<MarkShape>(['semicolon', 'ring'])],
  ['；', new Set<MarkShape>(['colon', 'comma'])],
  [';', new Set<MarkShape>(['colon', 'comma'])],
  ['：', new Set<MarkShape>(['semicolon'])],
  [':', new Set<MarkShape>(['semicolon'])],
  ['。', new Set<MarkShape>(['comma', 'semicolon', 'colon'])],
  ['.', new Set<MarkShape>(['comma', 'ring', 'semicolon', 'colon'])],
  ['．', new Set<MarkShape>(['comma', 'ring', 'semicolon', 'colon'])],
  ['-', new Set<MarkShape>(['comma', 'ring'])],
]);

/** Marks whose width class is their own: the corrected mark keeps it. Others take the width their ink is printed at. */
const FULL_WIDTH = new Set(['，', '；', '：']);
const HALF_WIDTH = new Set([',', ';', ':']);

/** Every mark that may be printed in a text and may own a small piece of ink (any of them claims its ink). */
const MARKS = new Set(['，', ',', '；', ';', '：', ':', '。', '.', '．', '-', '、', '·', '・', '`']);

const isDigit = (s: string | undefined) => s !== undefined && /^[0-9０-９]$/.test(s);

/**
 * All sizes below are fractions of the line's glyph height H (the height of its band of ink),
 * so that the check holds at any resolution and type size.
 */
/** Pieces of ink smaller than SPECK × H² pixels are noise. */
const SPECK = 0.003;
/** A mark's ink is at most this tall (half of it for one piece) and wide, and its top at least this far below the band's top. */
const MARK_MAX_HEIGHT = 1;
const MARK_MAX_WIDTH = 0.5;
const MARK_MIN_TOP = 0.12;
/**
 * A mark stands apart: the white on its two sides adds up to this much at least. A printed mark
 * takes the width of a glyph (full-width) or half of one and its ink a fraction of that; the
 * separate strokes of an ideograph (the dots of 小, 冫 or 心) lie closer to their neighbours.
 */
const MARK_MIN_SPACE = 0.35;
/** A mark's ink is looked for with its box moved this far each way (the engine's boxes can be off by a glyph). */
const MARK_SEARCH = 1.3;
/** A mark's ink is the piece of mark ink within this of its (moved) box. */
const MARK_NEAR = 0.4;
/** The glyphs each side of a mark whose boxes tell how far the boxes are off. */
const FIT_GLYPHS = 4;
/** Another shift finding other ink must fit worse than the best by this much (about half a glyph's box on the wrong ink). */
const FIT_MARGIN = 0.5;
/** A colon's upper dot has its middle no lower than this below the band's top. */
const COLON_MAX_MID = 0.58;
/** Two marks read for one glyph take no more than this width together. */
const PAIR_MAX_WIDTH = 1.3;
/** Printed full-width, the ink of the glyphs on either side of a mark is at least this far apart. */
const FULL_WIDTH_SPAN = 0.8;

/** Marks the engine inserts where nothing is printed (measured: `】:43`, `万元)-`, `4.,2`): deleted when their place holds paper only. */
const STRAY = new Set(['：', ':', '-', ',', '，', '.', '；', ';', '`']);
/** Marks never printed in these texts: the ink of a mark read beside one is no ink of its own. */
const NEVER_PRINTED = new Set(['`']);
/** Around a stray mark's (moved) box, this far each way, no piece of mark-sized ink at all. */
const STRAY_NEAR = 0.5;
/** In the middle of a stray mark's (moved) box, at most this share of SPECK × H² pixels of ink of any size. */
const STRAY_INK = 1;
/** A mark read last in a line on a speck no bigger than this, this far past the line's last glyph's ink, is no mark. */
const SPECK_MARK = 0.2;
const SPECK_APART = 2;
/** The ink of a glyph alone is no wider than this (a mark run into a glyph makes it wider). */
const GLYPH_MAX_WIDTH = 1.05;
/**
 * A dropped mark is inserted between two glyphs whose ink stands at least this far apart (a
 * glyph's width: the mark was printed full-width), and no mark read within this of its ink.
 */
const DROPPED_SPAN = 0.8;
const DROPPED_CLEAR = 1.5;
/** The shifts placing the glyphs read either side of a dropped mark: those fitting the reading this nearly as well as the best. */
const DROPPED_MARGIN = 0.25;
/** The glyphs a dropped mark may be inserted after (and before: ideographs alone). */
const DROPPED_AFTER = new Set(['）', ')', '》', '”', '’', '】', '」', '』']);

/** One piece of ink of a line's window. */
interface Piece extends InkPiece {
  /** It touches the window's top or bottom: part of a taller glyph or of a neighbouring line. */
  cut: boolean;
}

/** The pieces of ink in a window of the page, with their label image (to look at their shapes). */
interface Window extends LabeledInk {
  pieces: Piece[];
}

function labelWindow(ink: Bitmap, rect: PixelRect): Window {
  const labeled = labelInk(ink, rect);
  const [, top, , bottom] = labeled.rect;
  return { ...labeled, pieces: labeled.pieces.map((p) => ({ ...p, cut: p.box[1] === top || p.box[3] === bottom })) };
}

const widthOf = (r: PixelRect) => r[2] - r[0];
const heightOf = (r: PixelRect) => r[3] - r[1];
const union = (a: PixelRect, b: PixelRect): PixelRect => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];

/**
 * How closed a piece is around the middle of its box: -1 when the middle is ink, else in how many
 * of eight directions going out from the middle meets the piece's ink. A ring meets it in all
 * eight, or seven where binarizing broke it open; a ring broken open more (a `C`) still in five
 * or six; a comma, a dot, a bar or a stroke has ink at its middle or is met in few.
 */
function enclosure(win: Window, p: Piece): number {
  const [wx0, wy0, wx1] = win.rect;
  const ww = wx1 - wx0;
  const on = (x: number, y: number) => x >= p.box[0] && x < p.box[2] && y >= p.box[1] && y < p.box[3] && win.label[(y - wy0) * ww + x - wx0] === p.id;
  const cx = Math.floor((p.box[0] + p.box[2] - 1) / 2);
  const cy = Math.floor((p.box[1] + p.box[3] - 1) / 2);
  // the middle, a pixel each way for boxes of even size
  if (on(cx, cy) || on(cx + ((p.box[2] - p.box[0]) % 2 === 0 ? 1 : 0), cy + ((p.box[3] - p.box[1]) % 2 === 0 ? 1 : 0))) return -1;
  let hits = 0;
  for (const [dx, dy] of [
    [1, 0],
    [1, 1],
    [0, 1],
    [-1, 1],
    [-1, 0],
    [-1, -1],
    [0, -1],
    [1, -1],
  ] as const) {
    let [x, y] = [cx, cy];
    while (x >= p.box[0] && x < p.box[2] && y >= p.box[1] && y < p.box[3] && !on(x, y)) [x, y] = [x + dx, y + dy];
    if (on(x, y)) hits++;
  }
  return hits;
}

/** Mean x of a piece's pixels in rows [from, to) of its box (NaN when none). */
function meanX(win: Window, p: Piece, from: number, to: number): number {
  const [wx0, wy0, wx1] = win.rect;
  const ww = wx1 - wx0;
  let sum = 0;
  let n = 0;
  for (let y = p.box[1] + from; y < p.box[1] + to; y++) {
    for (let x = p.box[0]; x < p.box[2]; x++) {
      if (win.label[(y - wy0) * ww + x - wx0] === p.id) {
        sum += x;
        n++;
      }
    }
  }
  return sum / n;
}

/** The band of the line's glyphs: [top, bottom) rows of the page. */
type Band = [top: number, bottom: number];

/** A dot: about as wide as tall, solid. */
function isDot(p: Piece, H: number): boolean {
  const w = widthOf(p.box);
  const h = heightOf(p.box);
  return h <= 0.3 * H && w <= 0.3 * H && h <= 1.4 * w + 1 && w <= 1.6 * h + 1 && p.pixels >= 0.5 * w * h;
}

/** Mean row of a piece's pixels, as a fraction of its height (0.5: balanced; less: heavy at the top). */
function meanRow(win: Window, p: Piece): number {
  const [wx0, wy0, wx1] = win.rect;
  const ww = wx1 - wx0;
  let sum = 0;
  let n = 0;
  for (let y = p.box[1]; y < p.box[3]; y++) {
    for (let x = p.box[0]; x < p.box[2]; x++) {
      if (win.label[(y - wy0) * ww + x - wx0] === p.id) {
        sum += y - p.box[1] + 0.5;
        n++;
      }
    }
  }
  return sum / n / heightOf(p.box);
}

/** How far a piece's bottom third lies right of its top third, as a fraction of its width (negative: left). */
function lean(win: Window, p: Piece): number {
  const h = heightOf(p.box);
  const third = Math.max(1, Math.floor(h / 3));
  return (meanX(win, p, h - third, h) - meanX(win, p, 0, third)) / widthOf(p.box);
}

/**
 * A comma: clearly taller than wide, solid (a ring binarized open into a thin `C` is not), not
 * slanting down-right as 、 does (measured on scans: a comma's bottom third lies at most a quarter
 * of its width right of its top third, whichever way the font turns its tail; a 、's lies half its
 * width right, and it is about as wide as tall).
 */
function isComma(win: Window, p: Piece, H: number): boolean {
  const w = widthOf(p.box);
  const h = heightOf(p.box);
  return h >= 1.4 * w && h >= 0.15 * H && h <= 0.5 * H && p.pixels >= 0.45 * w * h && lean(win, p) <= 0.3;
}

/**
 * The shape of the ink of one mark (its pieces, left to right overlapping), or null when it is
 * none of the shapes clearly.
 */
function shapeOf(win: Window, parts: readonly Piece[], band: Band): MarkShape | null {
  const [top, bottom] = band;
  const H = bottom - top;
  const low = (p: Piece) => p.box[3] >= top + 0.7 * H && p.box[3] <= bottom + 0.25 * H;
  if (parts.length === 1) {
    const p = parts[0]!;
    const w = widthOf(p.box);
    const h = heightOf(p.box);
    const mid = (p.box[1] + p.box[3]) / 2;
    if (w >= 2 * h && h <= 0.2 * H && mid >= top + 0.3 * H && mid <= top + 0.75 * H) return 'bar';
    if (!low(p)) return null;
    if (w <= 0.45 * H && h <= 0.45 * H && h <= 1.35 * w && w <= 1.35 * h && enclosure(win, p) >= 7) return 'ring';
    if (p.box[1] < top + 0.55 * H) return null;
    if (isDot(p, H)) return 'dot';
    if (isComma(win, p, H)) return 'comma';
    if (h <= 0.5 * H && w <= 0.5 * H && h >= 0.12 * H && lean(win, p) >= 0.35) return 'slant';
    return null;
  }
  if (parts.length === 2) {
    const [upper, lower] = [...parts].sort((a, b) => a.box[1] - b.box[1]) as [Piece, Piece];
    if (upper.box[3] > lower.box[1]) return null;
    const upperMid = (upper.box[1] + upper.box[3]) / 2;
    if (upperMid < top + 0.2 * H || upperMid > top + 0.72 * H || !low(lower) || !isDot(upper, H)) return null;
    // one above the other
    const cx = (p: Piece) => (p.box[0] + p.box[2]) / 2;
    if (Math.abs(cx(upper) - cx(lower)) > 0.6 * Math.max(widthOf(upper.box), widthOf(lower.box))) return null;
    // the lower piece the upper one's twin (：), or a comma longer than it (；)
    const [hu, hl, wu, wl] = [heightOf(upper.box), heightOf(lower.box), widthOf(upper.box), widthOf(lower.box)];
    const mass = lower.pixels / upper.pixels;
    const twin = mass >= 0.75 && mass <= 1.25 && Math.abs(hl - hu) <= Math.max(1, 0.25 * hu) && Math.abs(wl - wu) <= Math.max(1, 0.25 * wu);
    // (a ring broken open at its sides into two arcs is no colon: its upper half stands low, in the lower half of the line)
    if (twin && isDot(lower, H) && upperMid <= top + COLON_MAX_MID * H) return 'colon';
    // a comma with a dot of its own pen above it, not a speck: the dot about as wide as the comma, not much lighter
    const ownDot = wu >= 0.5 * wl && mass <= 3.5 && Math.min(wu, hu) >= 0.08 * H;
    if (ownDot && hl >= 1.2 * wl && hl <= 0.5 * H && (hl >= 1.5 * hu || (hl > hu && mass >= 1.3 && meanRow(win, lower) <= 0.47))) return 'semicolon';
    return null;
  }
  return null;
}

/**
 * The one mark a rectangle of the page holds (specks aside), for a line of glyphs `H` px tall
 * whose baseline is the mark's bottom: its shape and box; null when the rectangle holds no ink,
 * more than one glyph's, or ink of no clear shape.
 */
export function loneMark(ink: Bitmap, rect: PixelRect, H: number): { shape: MarkShape; box: PixelRect } | null {
  const win = labelWindow(ink, rect);
  const columns = columnsOf(win.pieces.filter((p) => p.pixels >= SPECK * H * H));
  if (columns.length !== 1) return null;
  const { parts, box } = columns[0]!;
  const shape = shapeOf(win, parts, [box[3] - H, box[3]]);
  return shape && { shape, box };
}

/**
 * Between two ideographs, a `.` read on a dot this small (its width and height, × H) is a comma
 * whose tail binarizing lost: 1-bit scans of thin Ming faces keep only a comma's head (4×4 px at
 * H = 39). A `.` is never printed between ideographs, and a `。` is a ring twice as wide.
 */
const COMMA_HEAD_MAX = 0.15;
const POINTS = new Set(['.', '．']);

function isCommaHead(c: Column, m: MarkRead, before: string | undefined, after: string | undefined, H: number): boolean {
  return m.length === 1 && POINTS.has(m.text) && isHan(before) && isHan(after) && widthOf(c.box) <= COMMA_HEAD_MAX * H && heightOf(c.box) <= COMMA_HEAD_MAX * H;
}

/** A run of pieces whose columns overlap: one glyph, or a part of one split by white columns. */
interface Column {
  parts: Piece[];
  box: PixelRect;
}

function columnsOf(pieces: readonly Piece[]): Column[] {
  const sorted = [...pieces].sort((a, b) => a.box[0] - b.box[0]);
  const out: Column[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && p.box[0] < last.box[2]) {
      last.parts.push(p);
      last.box = union(last.box, p.box);
    } else out.push({ parts: [p], box: p.box });
  }
  return out;
}

/** The band of a line's glyphs: the rows, inside the window, where its ink is dense. */
function lineBand(ink: Bitmap, rect: PixelRect): Band | null {
  const [x0, y0, x1, y1] = clampRect(rect, ink.width, ink.height);
  const counts: number[] = [];
  for (let y = y0; y < y1; y++) {
    let n = 0;
    for (let x = x0; x < x1; x++) n += ink.data[y * ink.width + x]!;
    counts.push(n);
  }
  const max = Math.max(0, ...counts);
  if (max === 0) return null;
  const first = counts.findIndex((n) => n >= 0.1 * max);
  let last = counts.length - 1;
  while (counts[last]! < 0.1 * max) last--;
  return [y0 + first, y0 + last + 1];
}

/** A mark of the text (one glyph, or two adjacent marks read for one), at its place in the cell text. */
interface MarkRead {
  /** Index in the cell text's code points, and how many code points it takes. */
  at: number;
  /** Index of its (first) glyph in its line. */
  index: number;
  length: number;
  text: string;
  /** Its box, pixels (x only matters). */
  x0: number;
  x1: number;
  /** Whether this check may correct it (the others only claim their ink). */
  checked: boolean;
}

/**
 * Check each punctuation mark of an OCR'd cell against its ink, and correct those whose shape
 * clearly says otherwise (see OVERRULED_BY): `；` read `，`, `：` read `；`, `，` read `.`, `。`
 * read `-`; a mark read as two (`;,`) where the ink holds one glyph becomes that glyph. A mark
 * keeps its width class (`，` → `；`, `,` → `;`); a `.` or `-` takes the width it is printed at.
 * Marks between digits (`4.2`, `1,200`), and marks next to a digit other than `，；：`, are left.
 * The mark's ink is found from the glyph boxes of the mark and its neighbours: the engine's boxes
 * can be off by a glyph, so they are moved as far as a glyph each way to where the reading fits
 * the ink best (ideographs' boxes on glyphs' ink, marks' boxes on little), and the mark's ink is
 * the small piece of ink standing apart at its moved box — when no other piece fits nearly as
 * well, and no other mark finds the same piece.
 *
 * Two more errors of the engine's are corrected the same way:
 * - a mark read where nothing is printed (`【2017】:43号`, `万元)-`): when at every shift fitting
 *   the reading the mark's box holds paper only and no piece of ink the size of a mark lies near
 *   it, and no piece of mark ink that no other mark claims lies within MARK_SEARCH of its box as
 *   read (the engine can box a mark further off than the shifts that fit the others), the mark is deleted (never a point or separator beside a digit; `4.,2` with one dot of
 *   ink is `4.2`); so is a mark read last in a line on a speck far past its last glyph;
 * - a mark printed but not read (`工作每名`): a piece of ink standing apart, shaped as a comma or a
 *   ring (or a dot the size of the cell's commas read, a small comma binarized), claimed by no
 *   mark, between two glyphs standing a glyph's width apart — the glyphs read on either side,
 *   the same at every shift fitting the reading, ideographs, with no mark read near — is inserted
 *   full-width there (`，`, `。`); so is one after a line's last glyph.
 *
 * Returns the corrected text, or null when nothing changes; the rule names each change in its
 * context, for the warning (`punctuation-glyph: by the ink's shape "万元，全省" → "万元；全省"`,
 * `punctuation-glyph: no mark in the ink "7】:43" → "7】43"`, `punctuation-glyph: a mark in the
 * ink not read "工作每名" → "工作，每名"`; several kinds in one cell joined by `; `).
 */
export function checkPunctuation(cell: Cell, scan: ScannedPage): TextFix | null {
  if (!isOcrCell(cell)) return null;
  const aligned = cellGlyphs(cell);
  if (!aligned) return null;
  const { lines, text, glyphs } = aligned;
  const scale = scan.dpi / 72;
  const cellRect = boxToRect(cell.box, scale, 1);
  const out = [...text];
  /** Each change, as the text around it read and corrected (for the warning: a long text changed in one mark). */
  const changes: string[] = [];
  const strays: string[] = [];
  const dropped: string[] = [];
  const CONTEXT = 2;
  /** The ink of the marks read (found unambiguously), and the dropped marks looked for once all of it is known. */
  const readInk: Array<{ text: string; w: number; h: number; dot: boolean }> = [];
  const pending: Array<() => void> = [];
  /** Whether a piece of ink has the size of a dot read as one of `texts` in the cell. */
  const likeInk = (c: Column, texts: string[]) => {
    const [w, h] = [widthOf(c.box), heightOf(c.box)];
    const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(1, 0.25 * b);
    return readInk.some((r) => r.dot && texts.includes(r.text) && close(w, r.w) && close(h, r.h));
  };
  lines.forEach((line, li) => {
    const idx = glyphs.map((g, i) => (g.line === li ? i : -1)).filter((i) => i >= 0);
    // the window: the line's rows and some above and below, not past the neighbouring lines
    const lineTop = line.box[1] * scale;
    const lineBottom = line.box[3] * scale;
    const lh = lineBottom - lineTop;
    const prev = lines[li - 1];
    const next = lines[li + 1];
    const wTop = Math.max(cellRect[1], lineTop - 0.35 * lh, prev ? (prev.box[3] * scale + lineTop) / 2 : -Infinity);
    const wBottom = Math.min(cellRect[3], lineBottom + 0.35 * lh, next ? (next.box[1] * scale + lineBottom) / 2 : Infinity);
    const band = lineBand(scan.ink, [line.box[0] * scale, wTop, line.box[2] * scale, wBottom]);
    if (!band) return;
    const H = band[1] - band[0];
    if (H < 0.6 * lh || H > 1.5 * lh || H < 6) return;
    const win = labelWindow(scan.ink, [cellRect[0], Math.floor(wTop), cellRect[2], Math.ceil(wBottom)]);
    const columns = columnsOf(win.pieces.filter((p) => p.pixels >= SPECK * H * H));
    // the columns that may be a mark: small, low enough, standing apart
    const candidates = columns.filter((c, i) => {
      if (c.parts.some((p) => p.cut)) return false;
      if (heightOf(c.box) > (c.parts.length === 1 ? MARK_MAX_HEIGHT / 2 : MARK_MAX_HEIGHT) * H || widthOf(c.box) > MARK_MAX_WIDTH * H || c.box[1] < band[0] + MARK_MIN_TOP * H) return false;
      const left = i > 0 ? c.box[0] - columns[i - 1]!.box[2] : Infinity;
      const right = i < columns.length - 1 ? columns[i + 1]!.box[0] - c.box[2] : Infinity;
      return left + right >= MARK_MIN_SPACE * H;
    });
    // the line's glyphs as read, left to right, and the marks among them: adjacent marks this check looks at are one group (`;,`)
    const row = idx.map((i) => ({ text: glyphs[i]!.text, at: glyphs[i]!.at, x0: glyphs[i]!.ch.box[0] * scale, x1: glyphs[i]!.ch.box[2] * scale }));
    const marks: MarkRead[] = [];
    row.forEach((g, k) => {
      if (!MARKS.has(g.text)) return;
      const last = marks[marks.length - 1];
      const checked = OVERRULED_BY.has(g.text);
      // (within one glyph's width: a glyph misread as a mark right after a mark is no part of it)
      if (last && last.checked && checked && last.length === 1 && last.at === g.at - 1 && g.x1 - last.x0 <= PAIR_MAX_WIDTH * H) {
        last.length = 2;
        last.text += g.text;
        last.x1 = g.x1;
        return;
      }
      marks.push({ at: g.at, index: k, length: 1, text: g.text, x0: g.x0, x1: g.x1, checked });
    });
    // the ink across the line, column by column: 1 where a glyph's, 2 where a piece of mark ink's
    const [wx0, , wx1] = win.rect;
    const inkKind = new Uint8Array(wx1 - wx0);
    for (const c of columns) inkKind.fill(candidates.includes(c) ? 2 : 1, c.box[0] - wx0, c.box[2] - wx0);
    const glyphInk = new Float64Array(inkKind.length + 1);
    inkKind.forEach((v, x) => (glyphInk[x + 1] = glyphInk[x]! + (v === 1 ? 1 : 0)));
    const glyphShare = (a: number, b: number) => {
      const lo = Math.max(0, Math.min(inkKind.length, Math.round(a - wx0)));
      const hi = Math.max(lo, Math.min(inkKind.length, Math.round(b - wx0)));
      return b - a < 1 ? 0 : (glyphInk[hi]! - glyphInk[lo]!) / (b - a);
    };
    /**
     * How well the glyphs read around a mark sit on the ink when their boxes are moved by `dx`:
     * an ideograph's box on a glyph's ink, a mark's box on none (its ink is small). The engine's
     * boxes can be off by a glyph, the same way for the glyphs around: moved back, the reading
     * fits its ink again.
     */
    const fit = (m: MarkRead, dx: number) => {
      let score = 0;
      for (let k = Math.max(0, m.index - FIT_GLYPHS); k < Math.min(row.length, m.index + m.length + FIT_GLYPHS); k++) {
        const g = row[k]!;
        const share = glyphShare(g.x0 + dx, g.x1 + dx);
        score += MARKS.has(g.text) ? 1 - share : share;
      }
      return score;
    };
    const gap = (x0: number, x1: number, c: Column) => Math.max(0, x0 - c.box[2], c.box[0] - x1);
    /** The piece of mark ink at a mark's box moved by dx: the nearest within MARK_NEAR; null for none, or two as near. */
    const inkAt = (m: MarkRead, dx: number): Column | null => {
      const near = candidates.map((c) => ({ c, d: gap(m.x0 + dx, m.x1 + dx, c) })).filter((n) => n.d <= MARK_NEAR * H).sort((a, b) => a.d - b.d);
      if (near.length === 0 || (near.length > 1 && near[1]!.d <= near[0]!.d + 0.1 * H)) return null;
      return near[0]!.c;
    };
    /**
     * Each mark's ink: the piece found at the shifts that fit the reading best, when they fit
     * nearly as well as any shift, and no shift finding other ink fits nearly as well.
     */
    const step = Math.max(1, 0.05 * H);
    const inkOf = new Map<MarkRead, Column>();
    for (const m of marks) {
      let top = -Infinity;
      const byInk = new Map<Column, number>();
      for (let dx = -MARK_SEARCH * H; dx <= MARK_SEARCH * H; dx += step) {
        const score = fit(m, dx);
        top = Math.max(top, score);
        const c = inkAt(m, dx);
        if (c) byInk.set(c, Math.max(byInk.get(c) ?? -Infinity, score));
      }
      const ranked = [...byInk].sort((a, b) => b[1] - a[1]);
      const [first, second] = ranked;
      if (!first || first[1] < top - FIT_MARGIN || (second && second[1] >= first[1] - FIT_MARGIN)) continue;
      inkOf.set(m, first[0]);
    }
    const claimed = new Set(inkOf.values());
    // (not a point or separator in a number: in some fonts its dot is the comma's size)
    for (const [m, c] of inkOf) if (m.length === 1 && !isDigit(text[m.at - 1]) && !isDigit(text[m.at + 1])) readInk.push({ text: m.text, w: widthOf(c.box), h: heightOf(c.box), dot: c.parts.length === 1 && isDot(c.parts[0]!, H) });
    /** The shifts that fit the reading around a mark nearly as well as the best. */
    const fitting = (m: MarkRead): number[] => {
      const scores: Array<[number, number]> = [];
      for (let dx = -MARK_SEARCH * H; dx <= MARK_SEARCH * H; dx += step) scores.push([dx, fit(m, dx)]);
      const top = Math.max(...scores.map(([, s]) => s));
      return scores.filter(([, s]) => s >= top - FIT_MARGIN).map(([dx]) => dx);
    };
    /** Ink the size of a mark (standing apart or not). */
    const small = (c: Column) =>
      !c.parts.some((p) => p.cut) && heightOf(c.box) <= (c.parts.length === 1 ? MARK_MAX_HEIGHT / 2 : MARK_MAX_HEIGHT) * H && widthOf(c.box) <= MARK_MAX_WIDTH * H;
    // the columns of one glyph's ink (no wider than a glyph: no mark run into it)
    const glyphAlone = new Uint8Array(wx1 - wx0);
    for (const c of columns) if (!small(c) && widthOf(c.box) <= GLYPH_MAX_WIDTH * H) glyphAlone.fill(1, c.box[0] - wx0, c.box[2] - wx0);
    /** Ink pixels in columns [a, b) of the band, but for a glyph's. */
    const inkIn = (a: number, b: number) => {
      let n = 0;
      const [x0, y0, x1, y1] = clampRect([Math.floor(a), band[0], Math.ceil(b), band[1]], scan.ink.width, scan.ink.height);
      for (let x = x0; x < x1; x++) if (!glyphAlone[x - wx0]) for (let y = y0; y < y1; y++) n += scan.ink.data[y * scan.ink.width + x]!;
      return n;
    };
    // a mark where the ink holds none: at every shift fitting the reading, its box on paper and no small ink near it
    const deleted = new Set<MarkRead>();
    for (const m of marks) {
      if (m.length !== 1 || !STRAY.has(m.text)) continue;
      // marks in numbers: a decimal point or a separator is set tight against its digits (its ink may run into theirs), and a wrapped line may cut the number
      const [before, after] = [text[m.at - 1], text[m.at + 1]];
      if (/^[.,．，]$/.test(m.text) && (isDigit(before) || isDigit(after))) continue;
      if (isDigit(before) && isDigit(after)) continue;
      // a speck read as a mark far past the line's last glyph (its ink nothing near the text)
      const at = columns.filter((c) => small(c) && gap(m.x0, m.x1, c) <= MARK_NEAR * H);
      const own = inkOf.get(m) ?? (at.length === 1 ? at[0] : undefined);
      const lastGlyph = own ? columns.filter((c) => c.box[2] <= own.box[0] && !small(c)).pop() : undefined;
      const speck =
        own !== undefined &&
        m.index === row.length - 1 &&
        m.index > 0 &&
        !MARKS.has(row[m.index - 1]!.text) &&
        Math.max(widthOf(own.box), heightOf(own.box)) <= SPECK_MARK * H &&
        lastGlyph !== undefined &&
        own.box[0] - lastGlyph.box[2] >= SPECK_APART * H &&
        columns.every((c) => c === own || c.box[2] <= own.box[0]) &&
        columns.every((c) => c === own || c.box[2] <= lastGlyph.box[2]);
      if (own && !speck && !NEVER_PRINTED.has(m.text)) continue;
      // a piece of mark ink no other mark claims, within the search of the box as read: the engine put the box a glyph or more off its own ink
      const claimedByOthers = new Set(marks.filter((o) => o !== m).map((o) => inkOf.get(o)));
      if (!speck && !NEVER_PRINTED.has(m.text) && columns.some((c) => small(c) && !claimedByOthers.has(c) && gap(m.x0, m.x1, c) <= MARK_SEARCH * H)) continue;
      const shifts = fitting(m);
      const empty = speck || shifts.every((dx) => {
        const [a, b] = [m.x0 + dx, m.x1 + dx];
        // (a mark never printed may stand beside marks read: as many small pieces as those are theirs)
        const besides = NEVER_PRINTED.has(m.text) ? [row[m.index - 1], row[m.index + 1]].filter((g) => g && MARKS.has(g.text) && !NEVER_PRINTED.has(g.text)).length : 0;
        if (columns.filter((c) => small(c) && gap(a, b, c) <= STRAY_NEAR * H).length > besides) return false;
        const q = (b - a) / 4;
        return inkIn(a + q, b - q) <= STRAY_INK * SPECK * H * H;
      });
      if (!empty) continue;
      deleted.add(m);
      const left = text.slice(Math.max(0, m.at - CONTEXT), m.at).join('');
      const right = text.slice(m.at + 1, m.at + 1 + CONTEXT).join('');
      strays.push(`"${left}${m.text}${right}" → "${left}${right}"`);
      out[m.at] = '';
    }
    // a mark dropped: a piece of ink shaped as a comma or a ring, claimed by no mark, standing a glyph's width apart between two glyphs read side by side
    const reach = (FIT_GLYPHS + MARK_SEARCH) * H;
    pending.push(() =>
      columns.forEach((c, i) => {
        if (!candidates.includes(c) || claimed.has(c)) return;
        let shape = shapeOf(win, c.parts, band);
        // a comma printed small binarizes to a dot: a dot is a comma when commas read in the cell have ink of its size, and no full stop or point read has
        if (shape === 'dot' && likeInk(c, ['，', ',']) && !likeInk(c, ['。', '.', '．', '、', '·', '・'])) shape = 'comma';
        if (shape !== 'comma' && shape !== 'ring') return;
        const L = columns[i - 1];
        const R = columns[i + 1];
        if (!L || candidates.includes(L) || (R && candidates.includes(R))) return;
        if (R ? R.box[0] - L.box[2] < DROPPED_SPAN * H : c.box[0] - L.box[2] < 0.05 * H) return;
        const cx = (c.box[0] + c.box[2]) / 2;
        // the glyphs read around it, at the shifts that fit them best: the same two at each
        const near = row.map((g, k) => k).filter((k) => Math.abs((row[k]!.x0 + row[k]!.x1) / 2 - cx) <= reach);
        if (near.length === 0) return;
        const score = (dx: number) => {
          let s = 0;
          for (const k of near) {
            const g = row[k]!;
            const share = glyphShare(g.x0 + dx, g.x1 + dx);
            s += MARKS.has(g.text) ? 1 - share : share;
          }
          return s;
        };
        const scores: Array<[number, number]> = [];
        for (let dx = -MARK_SEARCH * H; dx <= MARK_SEARCH * H; dx += step) scores.push([dx, score(dx)]);
        const top = Math.max(...scores.map(([, s]) => s));
        const after = new Set<number>();
        for (const [dx, s] of scores) {
          if (s < top - DROPPED_MARGIN) continue;
          // the glyphs read on the ink either side: those whose boxes cover most of it, side by side in the reading
          const on = (col: Column) => {
            let [best, most] = [-1, 0];
            row.forEach((g, j) => {
              const o = Math.min(g.x1 + dx, col.box[2]) - Math.max(g.x0 + dx, col.box[0]);
              if (o > most) [best, most] = [j, o];
            });
            return best;
          };
          // (a shift leaving the ink either side to no glyph does not account for it: not the boxes' place)
          const [k, kr] = [on(L), R ? on(R) : row.length];
          if (k < 0 || kr < 0) continue;
          after.add(kr === k + 1 ? k : -3);
          // no mark read near it
          if (row.some((g) => MARKS.has(g.text) && gap(g.x0 + dx, g.x1 + dx, c) <= DROPPED_CLEAR * H)) after.add(-2);
        }
        if (after.size !== 1) return;
        const k = [...after][0]!;
        if (k < 0) return;
        const g = row[k]!;
        const nextGlyph = row[k + 1];
        if (!(isHan(g.text) || DROPPED_AFTER.has(g.text))) return;
        if (nextGlyph ? !isHan(nextGlyph.text) || R === undefined : R !== undefined) return;
        const mark = WRITTEN[shape][0];
        const left = text.slice(Math.max(0, g.at - CONTEXT + 1), g.at + 1).join('');
        const right = text.slice(g.at + 1, g.at + 1 + CONTEXT).join('');
        dropped.push(`"${left}${right}" → "${left}${mark}${right}"`);
        out[g.at] = out[g.at] + mark;
      }),
    );
    // a decimal point read with a stray mark beside it (`4.,2`): at every shift fitting the reading, one small piece of ink near, a dot
    for (const m of marks) {
      if (m.length !== 2 || !isDigit(text[m.at - 1]) || !isDigit(text[m.at + 2]) || !/^[.．][,，.]$|^[,，][.．]$/.test(m.text)) continue;
      const found = new Set<Column | null>();
      for (const dx of fitting(m)) {
        const near = columns.filter((c) => small(c) && gap(m.x0 + dx, m.x1 + dx, c) <= STRAY_NEAR * H);
        found.add(near.length === 1 ? near[0]! : null);
      }
      const [c] = [...found];
      if (found.size !== 1 || !c || shapeOf(win, c.parts, band) !== 'dot') continue;
      const point = m.text.includes('．') ? '．' : '.';
      const left = text.slice(Math.max(0, m.at - CONTEXT), m.at).join('');
      const right = text.slice(m.at + 2, m.at + 2 + CONTEXT).join('');
      changes.push(`"${left}${m.text}${right}" → "${left}${point}${right}"`);
      out[m.at] = point;
      out[m.at + 1] = '';
      deleted.add(m);
    }
    for (const m of marks) {
      if (!m.checked || deleted.has(m)) continue;
      const c = inkOf.get(m);
      if (!c) continue;
      // no other mark's ink
      if (marks.some((o) => o !== m && inkOf.get(o) === c)) continue;
      // a mark read as two: no second piece of mark ink beside it
      if (m.length === 2 && candidates.some((o) => o !== c && Math.abs((o.box[0] + o.box[2]) / 2 - (c.box[0] + c.box[2]) / 2) <= PAIR_MAX_WIDTH * H)) continue;
      // marks in numbers and amounts: 4.2, 1,200, 2023-2025, 1,700,000。 (a wrapped line may cut one)
      const before = text[m.at - 1];
      const after = text[m.at + m.length];
      if (isDigit(before) && isDigit(after)) continue;
      if ((isDigit(before) || isDigit(after)) && !FULL_WIDTH.has(m.text)) continue;
      let shape = shapeOf(win, c.parts, band);
      if (shape === 'dot' && isCommaHead(c, m, before, after, H)) shape = 'comma';
      if (!shape || shape === 'dot' || shape === 'slant' || shape === 'bar') continue;
      const allowed = m.length === 1 ? OVERRULED_BY.get(m.text)! : new Set<MarkShape>(['semicolon', 'colon', 'comma', 'ring']);
      if (!allowed.has(shape)) continue;
      const [full, half] = WRITTEN[shape];
      let written: string;
      if (m.length === 1 && FULL_WIDTH.has(m.text)) written = full;
      else if (m.length === 1 && HALF_WIDTH.has(m.text)) written = half;
      else {
        // printed full-width: the glyphs on either side stand a glyph's width apart
        const i = columns.indexOf(c);
        const span = (columns[i + 1]?.box[0] ?? Infinity) - (columns[i - 1]?.box[2] ?? -Infinity);
        written = span >= FULL_WIDTH_SPAN * H ? full : half;
      }
      if (written === m.text) continue;
      const left = text.slice(Math.max(0, m.at - CONTEXT), m.at).join('');
      const right = text.slice(m.at + m.length, m.at + m.length + CONTEXT).join('');
      changes.push(`"${left}${m.text}${right}" → "${left}${written}${right}"`);
      out[m.at] = written;
      for (let k = 1; k < m.length; k++) out[m.at + k] = '';
    }
  });
  for (const f of pending) f();
  const corrected = out.join('');
  const said = [
    changes.length > 0 ? `by the ink's shape ${changes.join(', ')}` : '',
    strays.length > 0 ? `no mark in the ink ${strays.join(', ')}` : '',
    dropped.length > 0 ? `a mark in the ink not read ${dropped.join(', ')}` : '',
  ].filter((s) => s !== '');
  return said.length === 0 || corrected === cell.text ? null : { text: corrected, rule: `punctuation-glyph: ${said.join('; ')}` };
}
