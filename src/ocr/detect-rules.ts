import type { Edge } from '../pdf/types.ts';
import type { Bitmap } from './gray-image.ts';

/** One run of ink along a row (horizontal rule) or a column (vertical rule), in pixels. */
export interface RulePiece {
  /** The row (or column) index. */
  line: number;
  start: number;
  /** Exclusive. */
  end: number;
}

/** A ruling line found in a bitmap, in pixels: position across it (centre), extent along it. */
export interface RuleSegment {
  orientation: 'h' | 'v';
  position: number;
  start: number;
  /** Exclusive. */
  end: number;
  /** Ink pixels per unit length: the stroke width. */
  thickness: number;
  /** The runs it is made of (for removing its pixels from the page). */
  pieces: RulePiece[];
}

export interface RuleOptions {
  /** A rule at least this long (px) is kept on its own. */
  minLength: number;
  /** A shorter rule, down to this (px), is kept when both its ends meet a long perpendicular rule. */
  minShortLength: number;
  /** Gaps up to this (px) inside a run are bridged (broken, dotted, faint lines). */
  maxGap: number;
  /** A run must be at least this share ink, gaps included: text rows have far more gaps. */
  minFill: number;
  /** Runs in rows this far apart (px) still join into one rule (thick, blurred, slightly curved lines). */
  maxRowStep: number;
  /** Rules thicker than this (px) are solid blocks, not lines. */
  maxThickness: number;
  /** How far (px) a rule's end may stop short of or pass the perpendicular rule it meets. */
  endTolerance: number;
}

/**
 * Sizes for a page scanned at `dpi`: long rules ≥ 0.3 in, short ones ≥ 0.15 in between rules (a
 * 10-point glyph's stroke is shorter), gaps ≤ 0.01 in (wider gaps would chain the strokes of a
 * line of text; longer breaks are joined by the table code's JOIN_TOLERANCE_PT).
 */
export function ruleOptionsForDpi(dpi: number): RuleOptions {
  const inch = (v: number) => Math.max(1, Math.round(v * dpi));
  return {
    minLength: inch(0.3),
    minShortLength: inch(0.15),
    maxGap: inch(0.01),
    minFill: 0.9,
    maxRowStep: 2,
    maxThickness: inch(0.04),
    endTolerance: inch(0.04),
  };
}

/** Runs of ink along each row of the bitmap (or each column, for 'v'), gaps bridged. */
function findPieces(ink: Bitmap, axis: 'h' | 'v', minPiece: number, opts: RuleOptions): RulePiece[][] {
  const { width: w, height: h, data } = ink;
  const [lines, length] = axis === 'h' ? [h, w] : [w, h];
  const [lineStep, alongStep] = axis === 'h' ? [w, 1] : [1, w];
  const out: RulePiece[][] = [];
  for (let line = 0; line < lines; line++) {
    const pieces: RulePiece[] = [];
    const base = line * lineStep;
    let start = -1;
    let lastInk = -1;
    let count = 0;
    const close = () => {
      const end = lastInk + 1;
      if (end - start >= minPiece && count >= opts.minFill * (end - start)) pieces.push({ line, start, end });
      start = -1;
      count = 0;
    };
    for (let i = 0; i < length; i++) {
      if (!data[base + i * alongStep]) continue;
      if (start >= 0 && i - lastInk - 1 > opts.maxGap) close();
      if (start < 0) start = i;
      lastInk = i;
      count++;
    }
    if (start >= 0) close();
    out.push(pieces);
  }
  return out;
}

/** Join runs of nearby rows that overlap along the axis into rules. */
function piecesToSegments(rows: RulePiece[][], orientation: 'h' | 'v', opts: RuleOptions): RuleSegment[] {
  const all = rows.flat();
  const index = new Map<RulePiece, number>(all.map((p, i) => [p, i]));
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let line = 0; line < rows.length; line++) {
    for (const p of rows[line]!) {
      for (let step = 1; step <= opts.maxRowStep && line + step < rows.length; step++) {
        for (const q of rows[line + step]!) {
          if (q.start <= p.end + opts.maxGap && p.start <= q.end + opts.maxGap) parent[find(index.get(q)!)] = find(index.get(p)!);
        }
      }
    }
  }
  const groups = new Map<number, RulePiece[]>();
  all.forEach((p, i) => {
    const r = find(i);
    (groups.get(r) ?? groups.set(r, []).get(r)!).push(p);
  });
  const segments: RuleSegment[] = [];
  for (const pieces of groups.values()) {
    let start = Infinity;
    let end = -Infinity;
    let mass = 0;
    let moment = 0;
    for (const p of pieces) {
      start = Math.min(start, p.start);
      end = Math.max(end, p.end);
      const n = p.end - p.start;
      mass += n;
      moment += n * (p.line + 0.5);
    }
    segments.push({ orientation, position: moment / mass, start, end, thickness: mass / (end - start), pieces });
  }
  return segments;
}

const meets = (end: number, at: number, rule: RuleSegment, tol: number) =>
  Math.abs(rule.position - end) <= tol + rule.thickness / 2 && at >= rule.start - tol && at <= rule.end + tol;

/**
 * The horizontal and vertical ruling lines of a bitmap: runs of mostly-ink pixels (small gaps
 * bridged) along rows or columns, joined across neighbouring rows (thick, blurred and slightly
 * curved lines), kept when long, or when shorter but ending on long perpendicular rules at
 * both ends (the border between two cells of one short row). Solid blocks are dropped.
 */
export function detectRules(ink: Bitmap, opts: RuleOptions): RuleSegment[] {
  const minPiece = Math.max(2, Math.min(opts.minShortLength, Math.round(opts.minLength / 3)));
  const candidates = (['h', 'v'] as const).flatMap((axis) =>
    piecesToSegments(findPieces(ink, axis, minPiece, opts), axis, opts).filter(
      (s) => s.end - s.start >= opts.minShortLength && s.thickness <= opts.maxThickness,
    ),
  );
  const long = candidates.filter((s) => s.end - s.start >= opts.minLength);
  const tol = opts.endTolerance;
  const short = candidates.filter((s) => {
    if (s.end - s.start >= opts.minLength) return false;
    const across = long.filter((r) => r.orientation !== s.orientation);
    const hits = (end: number) => across.some((r) => meets(end, s.position, r, tol));
    return hits(s.start) && hits(s.end);
  });
  return [...long, ...short];
}

/** Rules in pixels → edges in PDF points (top-left origin), `scale` pixels per point. */
export function segmentsToEdges(segments: readonly RuleSegment[], scale: number): Edge[] {
  return segments.map((s) => ({ orientation: s.orientation, position: s.position / scale, start: s.start / scale, end: s.end / scale }));
}

/** Erase the pixels of the rules (each run grown by `grow` pixels every way) from a mask of the page, in place. */
export function eraseRules(data: Uint8Array, width: number, height: number, segments: readonly RuleSegment[], value: number, grow = 1): void {
  for (const s of segments) {
    for (const p of s.pieces) {
      for (let d = -grow; d <= grow; d++) {
        const line = p.line + d;
        for (let i = Math.max(0, p.start - grow); i < p.end + grow; i++) {
          const [x, y] = s.orientation === 'h' ? [i, line] : [line, i];
          if (x >= 0 && y >= 0 && x < width && y < height) data[y * width + x] = value;
        }
      }
    }
  }
}
