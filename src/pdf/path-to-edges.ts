import { OPS } from './pdfjs.ts';
import type { Edge } from './types.ts';
import { apply, type Matrix } from './matrix.ts';

/** pdf.js path codes inside constructPath's path data (`DrawOPS`; not exported by pdfjs-dist). */
export const DrawOPS = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;

/** A segment whose ends differ by at most this (pt) across its direction is still axis-aligned. */
export const AXIS_TOLERANCE_PT = 0.5;
/** A filled rectangle at most this thick (pt) and longer than thick is a rule: its centre line. */
export const THIN_RECT_PT = 3;
/** Segments shorter than this (pt) are points: dropped. */
export const MIN_SEGMENT_PT = 0.01;

type Pt = [number, number];

interface Subpath {
  /** Vertices (move/line/curve ends) in page space. */
  pts: Pt[];
  /** Straight segments in page space, the closing one included. */
  segs: [Pt, Pt][];
  hasCurve: boolean;
}

const STROKE_OPS = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const FILL_OPS = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

/** Split constructPath's path data into subpaths, points mapped to page space by `m`. */
export function parsePath(data: ArrayLike<number>, m: Readonly<Matrix>): Subpath[] {
  const subs: Subpath[] = [];
  let sub: Subpath | null = null;
  let start: Pt | null = null;
  let cur: Pt | null = null;
  const open = (p: Pt): Subpath => {
    const s: Subpath = { pts: [p], segs: [], hasCurve: false };
    subs.push(s);
    start = p;
    return s;
  };
  const n = data.length;
  let i = 0;
  const num = () => data[i++] ?? NaN;
  while (i < n) {
    const code = data[i++];
    if (code === DrawOPS.moveTo) {
      const p = apply(m, num(), num());
      sub = open(p);
      cur = p;
    } else if (code === DrawOPS.lineTo) {
      const p = apply(m, num(), num());
      if (!sub || !cur) {
        sub = open(cur ?? p);
        cur ??= p;
      }
      sub.segs.push([cur, p]);
      sub.pts.push(p);
      cur = p;
    } else if (code === DrawOPS.curveTo || code === DrawOPS.quadraticCurveTo) {
      const count = code === DrawOPS.curveTo ? 6 : 4;
      const args: number[] = [];
      for (let k = 0; k < count; k++) args.push(num());
      const p = apply(m, args[count - 2]!, args[count - 1]!);
      if (!sub) sub = open(cur ?? p);
      sub.hasCurve = true;
      sub.pts.push(p);
      cur = p;
    } else if (code === DrawOPS.closePath) {
      if (sub && cur && start) {
        sub.segs.push([cur, start]);
        cur = start;
      }
      sub = null; // a drawing op after h starts a new subpath at the start point
    } else {
      break; // an unknown code: its argument count is unknown too
    }
  }
  return subs.filter((s) => s.pts.every((p) => Number.isFinite(p[0]) && Number.isFinite(p[1])));
}

/** The edge a straight segment draws, or null when it is diagonal or a point. */
export function segmentEdge(a: Pt, b: Pt): Edge | null {
  const dx = Math.abs(b[0] - a[0]);
  const dy = Math.abs(b[1] - a[1]);
  if (Math.max(dx, dy) < MIN_SEGMENT_PT) return null;
  if (dy <= AXIS_TOLERANCE_PT && dx > dy) {
    return { orientation: 'h', position: (a[1] + b[1]) / 2, start: Math.min(a[0], b[0]), end: Math.max(a[0], b[0]) };
  }
  if (dx <= AXIS_TOLERANCE_PT && dy > dx) {
    return { orientation: 'v', position: (a[0] + b[0]) / 2, start: Math.min(a[1], b[1]), end: Math.max(a[1], b[1]) };
  }
  return null;
}

/** The page-space box of a subpath that is an axis-aligned rectangle, or null. */
export function subpathRect(s: Subpath): [number, number, number, number] | null {
  if (s.hasCurve) return null;
  const pts: Pt[] = [];
  for (const p of s.pts) {
    const last = pts[pts.length - 1];
    if (!last || Math.abs(last[0] - p[0]) >= MIN_SEGMENT_PT || Math.abs(last[1] - p[1]) >= MIN_SEGMENT_PT) pts.push(p);
  }
  const first = pts[0];
  const last = pts[pts.length - 1];
  if (pts.length === 5 && first && last && Math.abs(first[0] - last[0]) < MIN_SEGMENT_PT && Math.abs(first[1] - last[1]) < MIN_SEGMENT_PT) pts.pop();
  if (pts.length !== 4) return null;
  let prev: 'h' | 'v' | null = null;
  for (let k = 0; k < 4; k++) {
    const e = segmentEdge(pts[k]!, pts[(k + 1) % 4]!);
    if (!e || e.orientation === prev) return null;
    prev = e.orientation;
  }
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** The centre line of a thin rectangle (≤ THIN_RECT_PT thick, longer than thick), or null. */
function thinRectEdge([x0, y0, x1, y1]: [number, number, number, number]): Edge | null {
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= THIN_RECT_PT && w > h) return { orientation: 'h', position: (y0 + y1) / 2, start: x0, end: x1 };
  if (w <= THIN_RECT_PT && h > w) return { orientation: 'v', position: (x0 + x1) / 2, start: y0, end: y1 };
  return null;
}

const rectSides = ([x0, y0, x1, y1]: [number, number, number, number]): Edge[] => [
  { orientation: 'h', position: y0, start: x0, end: x1 },
  { orientation: 'h', position: y1, start: x0, end: x1 },
  { orientation: 'v', position: x0, start: y0, end: y1 },
  { orientation: 'v', position: x1, start: y0, end: y1 },
];

export interface PathPaint {
  /** The stroke is drawn at all (not transparent, alpha > 0). */
  strokeVisible: boolean;
  /** The fill is drawn in a colour that reads as a rule (not transparent, not white). */
  fillInk: boolean;
}

/**
 * The ruling lines one constructPath op draws (page space).
 * - stroke: each axis-aligned straight segment, closing segments included; curves and diagonals ignored;
 * - fill: a thin rectangle → its centre line; a larger one → its four sides; a square dot
 *   (both sides ≤ THIN_RECT_PT) → nothing; white or transparent fills → nothing; other shapes → nothing;
 * - fill and stroke: a thin rectangle with an inked fill → its centre line, otherwise the stroke rules;
 * - endPath (a clip): nothing.
 */
export function pathEdges(paintOp: number, data: ArrayLike<number> | null | undefined, m: Readonly<Matrix>, paint: PathPaint): Edge[] {
  if (!data || data.length === 0) return [];
  const stroke = STROKE_OPS.has(paintOp) && paint.strokeVisible;
  const fill = FILL_OPS.has(paintOp) && paint.fillInk;
  if (!stroke && !fill) return [];
  const out: Edge[] = [];
  for (const s of parsePath(data, m)) {
    const rect = subpathRect(s);
    const thin = rect && thinRectEdge(rect);
    if (fill && thin) {
      out.push(thin);
    } else if (stroke) {
      for (const [a, b] of s.segs) {
        const e = segmentEdge(a, b);
        if (e) out.push(e);
      }
    } else if (fill && rect && !thin && (rect[2] - rect[0] > THIN_RECT_PT || rect[3] - rect[1] > THIN_RECT_PT)) {
      out.push(...rectSides(rect));
    }
  }
  return dedupe(out);
}

function dedupe(edges: Edge[]): Edge[] {
  const seen = new Set<string>();
  return edges.filter((e) => {
    const key = `${e.orientation}:${e.position.toFixed(3)}:${e.start.toFixed(3)}:${e.end.toFixed(3)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
