import type { Edge } from '../pdf/types.ts';
import { inkIndices, type Bitmap } from './gray-image.ts';
import { forEachInkRun } from './ink-runs.ts';

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
  /** A rule at least this long (px), clear of ink on one side at least, is kept on its own: it anchors the others. */
  minLength: number;
  /** A shorter rule, down to this (px), is kept when both its ends meet kept perpendicular rules. */
  minShortLength: number;
  /** Collinear rules with breaks up to this (px) are one rule (scan dropouts). */
  maxBreak: number;
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
 * Sizes for a page scanned at `dpi`: anchoring rules ≥ 1 in, others ≥ 0.15 in between rules (a
 * 10-point glyph's stroke is shorter), gaps inside a run ≤ 0.01 in (wider gaps would chain the
 * strokes of a line of text), breaks between collinear pieces ≤ 0.05 in.
 */
export function ruleOptionsForDpi(dpi: number): RuleOptions {
  const inch = (v: number) => Math.max(1, Math.round(v * dpi));
  return {
    minLength: inch(1),
    minShortLength: inch(0.15),
    maxBreak: inch(0.05),
    maxGap: inch(0.01),
    minFill: 0.9,
    maxRowStep: 2,
    maxThickness: inch(0.06),
    endTolerance: inch(0.04),
  };
}

/** Runs of ink along each row of the bitmap (or each column, for 'v'), gaps bridged, long and full enough to be part of a rule. */
function findPieces(ink: Bitmap, axis: 'h' | 'v', minPiece: number, opts: RuleOptions): RulePiece[][] {
  const out: RulePiece[][] = Array.from({ length: axis === 'h' ? ink.height : ink.width }, () => []);
  forEachInkRun(ink, inkIndices(ink), axis, opts.maxGap, (line, start, end, inked) => {
    if (end - start >= minPiece && inked >= opts.minFill * (end - start)) out[line]!.push({ line, start, end });
  });
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

/** Join collinear segments (positions within `across` px) whose ends are at most `gap` px apart. */
function joinCollinear(segments: RuleSegment[], across: number, gap: number): RuleSegment[] {
  const sorted = [...segments].sort((a, b) => a.start - b.start);
  const out: RuleSegment[] = [];
  for (const s of sorted) {
    const host = out.find((o) => o.orientation === s.orientation && Math.abs(o.position - s.position) <= across && s.start <= o.end + gap);
    if (!host) {
      out.push({ ...s, pieces: [...s.pieces] });
      continue;
    }
    const massA = host.thickness * (host.end - host.start);
    const massB = s.thickness * (s.end - s.start);
    host.position = (host.position * massA + s.position * massB) / (massA + massB);
    host.start = Math.min(host.start, s.start);
    host.end = Math.max(host.end, s.end);
    host.thickness = (massA + massB) / (host.end - host.start);
    host.pieces.push(...s.pieces);
  }
  return out;
}

/**
 * Share of ink in the three rows (columns) just beyond each side of a rule, [before, after]: on
 * the whole, or (`clearest`) in the clearest of them. Text printed close under a table-wide rule
 * (1.5 pt) inks the second and third rows, but the row next to the rule is paper.
 */
function sideInk(ink: Bitmap, s: RuleSegment, clearest = false): [number, number] {
  const off = Math.ceil(s.thickness / 2) + 1;
  // a row (column) of the page: `step` apart along it, `lineStep` across
  const [lines, length, step, lineStep] = s.orientation === 'h' ? [ink.height, ink.width, 1, ink.width] : [ink.width, ink.height, ink.width, 1];
  const [from, to] = [Math.max(0, s.start), Math.min(length, s.end)];
  const count = (side: number) => {
    const shares: number[] = [];
    for (let d = 0; d < 3; d++) {
      const line = Math.round(s.position) + side * (off + d);
      if (line < 0 || line >= lines || from >= to) continue;
      let n = 0;
      for (let i = from; i < to; i++) n += ink.data[line * lineStep + i * step]!;
      shares.push(n / (to - from));
    }
    if (shares.length === 0) return 0;
    return clearest ? Math.min(...shares) : shares.reduce((a, b) => a + b, 0) / shares.length;
  };
  return [count(-1), count(1)];
}

/**
 * A rule is clear of ink along both its sides, but for the rules crossing it and text that
 * comes close in a few places; the strokes of a line of text that chained into a long run have
 * the rest of their glyphs attached along one side or both.
 */
const MAX_SIDE_INK = 0.2;
/** A side inked along nearly all its length is the other line of a double rule, not text. */
const PARALLEL_RULE_INK = 0.8;
const clearSide = (share: number) => share <= MAX_SIDE_INK || share >= PARALLEL_RULE_INK;

/**
 * The horizontal and vertical ruling lines of a bitmap (runs looked for in `runInk`, the ink
 * smoothed along each axis, when given): runs of mostly-ink pixels (small gaps
 * bridged) along rows or columns, joined across neighbouring rows (thick, blurred and slightly
 * curved lines) and along breaks. Long rules anchor the grid; shorter ones are kept when both
 * their ends meet kept perpendicular rules (the border between two cells of a short row). Every
 * rule is clear of ink along both sides, which strokes of text chained into a run never are.
 * Solid blocks are dropped; the other line of a double rule is kept with its partner.
 */
export function detectRules(ink: Bitmap, opts: RuleOptions, runInk: { h: Bitmap; v: Bitmap } = { h: ink, v: ink }): RuleSegment[] {
  const minPiece = Math.max(2, Math.min(opts.minShortLength, Math.round(opts.minLength / 3)));
  const candidates = (['h', 'v'] as const).flatMap((axis) =>
    joinCollinear(piecesToSegments(findPieces(runInk[axis], axis, minPiece, opts), axis, opts), opts.maxRowStep + 1, opts.maxBreak).filter(
      (s) => s.end - s.start >= opts.minShortLength && s.thickness <= opts.maxThickness,
    ),
  );
  // a rule of twice the long length is no chain of glyph strokes: text close beside it is let be
  // if one row along it is clear (a shorter run, and vertical text's strokes, need all three)
  const kept = new Set(
    candidates.filter((s) => s.end - s.start >= opts.minLength && sideInk(ink, s, s.end - s.start >= 2 * opts.minLength).every(clearSide)),
  );
  // a short rule's ink runs into the rules at its ends; a glyph's stroke stops short of them
  const tol = opts.maxGap + 1;
  for (let changed = true; changed; ) {
    changed = false;
    for (const s of candidates) {
      if (kept.has(s)) continue;
      const across = [...kept].filter((r) => r.orientation !== s.orientation);
      const hits = (end: number) => across.some((r) => meets(end, s.position, r, tol));
      if (hits(s.start) && hits(s.end) && sideInk(ink, s).every(clearSide)) {
        kept.add(s);
        changed = true;
      }
    }
  }
  for (const s of cutRowBorders(ink, candidates, kept, tol)) kept.add(s);
  // the other line of a double rule: alongside a kept rule, as long, a few pixels off, and clear
  // of ink on its far side (the tops of a line of text just under a rule chain into a run too,
  // with their glyphs under them)
  for (const s of candidates) {
    if (kept.has(s) || s.end - s.start < opts.minLength) continue;
    const partner = [...kept].find(
      (r) => r.orientation === s.orientation && Math.abs(r.position - s.position) <= opts.maxBreak && Math.min(r.end, s.end) - Math.max(r.start, s.start) >= 0.8 * (s.end - s.start),
    );
    if (partner && sideInk(ink, s)[s.position > partner.position ? 1 : 0] <= MAX_SIDE_INK) kept.add(s);
  }
  return extendToMeet(
    candidates.filter((s) => kept.has(s)),
    opts.maxBreak + opts.endTolerance,
  );
}

/** Share of ink allowed between a cut border's open end and the page's edge (specks, scanner dirt). */
const MAX_BEYOND_INK = 0.01;
/** A row cut by a page break shows at least this many of its borders. */
const MIN_CUT_BORDERS = 2;

/**
 * The borders of a row cut by a page break (a browser prints the rest of a row at the top of
 * the next page with no rule above it, or leaves a row open at the bottom): short rules that
 * meet a kept perpendicular rule at one end and run off towards the page's edge at the other,
 * with nothing inked beyond them. A glyph's stroke never stands on a rule with blank paper
 * beyond it; several borders of one row end at the same level, which a stray stroke does not.
 */
function cutRowBorders(ink: Bitmap, candidates: readonly RuleSegment[], kept: ReadonlySet<RuleSegment>, tol: number): RuleSegment[] {
  const found: Array<{ s: RuleSegment; side: 'start' | 'end'; level: number; base: RuleSegment }> = [];
  for (const s of candidates) {
    if (kept.has(s)) continue;
    const across = [...kept].filter((r) => r.orientation !== s.orientation);
    const baseAt = (end: number) => across.find((r) => meets(end, s.position, r, tol));
    const [atStart, atEnd] = [baseAt(s.start), baseAt(s.end)];
    if (!!atStart === !!atEnd || !sideInk(ink, s).every(clearSide)) continue;
    const side = atStart ? 'end' : 'start';
    if (!blankBeyond(ink, s, side)) continue;
    found.push({ s, side, level: side === 'start' ? s.start : s.end, base: (atStart ?? atEnd)! });
  }
  return found
    .filter((f) => found.filter((g) => g.side === f.side && g.base === f.base && g.s.orientation === f.s.orientation && Math.abs(g.level - f.level) <= 2 * tol).length >= MIN_CUT_BORDERS)
    .map((f) => f.s);
}

/** Whether the page is blank from a rule's `side` end to the page's edge, along the rule's band. */
function blankBeyond(ink: Bitmap, s: RuleSegment, side: 'start' | 'end'): boolean {
  const half = Math.ceil(s.thickness / 2) + 2;
  const limit = s.orientation === 'h' ? ink.width : ink.height;
  const [from, to] = side === 'start' ? [0, s.start - 2] : [s.end + 2, limit];
  let n = 0;
  let total = 0;
  for (let i = Math.max(0, from); i < Math.min(limit, to); i++) {
    for (let d = -half; d <= half; d++) {
      const across = Math.round(s.position) + d;
      const [x, y] = s.orientation === 'h' ? [i, across] : [across, i];
      if (x < 0 || y < 0 || x >= ink.width || y >= ink.height) continue;
      total++;
      n += ink.data[y * ink.width + x]!;
    }
  }
  return n <= MAX_BEYOND_INK * Math.max(total, 1);
}

/**
 * Carry each rule's ends to the perpendicular rule just beyond them (up to `reach` px): a rule
 * broken or faded near a corner still meets its border.
 */
function extendToMeet(rules: RuleSegment[], reach: number): RuleSegment[] {
  return rules.map((s) => {
    const across = rules.filter((r) => r.orientation !== s.orientation && s.position >= r.start - reach && s.position <= r.end + reach);
    let { start, end } = s;
    for (const r of across) {
      const inner = r.position - r.thickness / 2;
      const outer = r.position + r.thickness / 2;
      if (r.position < start && start - outer <= reach) start = Math.min(start, Math.floor(inner));
      if (r.position > end && inner - end <= reach) end = Math.max(end, Math.ceil(outer));
    }
    return start === s.start && end === s.end ? s : { ...s, start, end };
  });
}

/** Rules in pixels → edges in PDF points (top-left origin), `scale` pixels per point. */
export function segmentsToEdges(segments: readonly RuleSegment[], scale: number): Edge[] {
  return segments.map((s) => ({ orientation: s.orientation, position: s.position / scale, start: s.start / scale, end: s.end / scale }));
}

/** Erase the pixels of the rules (each run grown by `grow` pixels every way) from a mask of the page, in place. */
export function eraseRules(data: Uint8Array, width: number, height: number, segments: readonly RuleSegment[], value: number, grow = 1): void {
  for (const s of segments) {
    // a run along a row (column) of the page: `step` apart along it, `lineStep` across
    const [lines, length, step, lineStep] = s.orientation === 'h' ? [height, width, 1, width] : [width, height, width, 1];
    for (const p of s.pieces) {
      for (let d = -grow; d <= grow; d++) {
        const line = p.line + d;
        if (line < 0 || line >= lines) continue;
        const to = Math.min(length, p.end + grow);
        for (let i = Math.max(0, p.start - grow); i < to; i++) data[line * lineStep + i * step] = value;
      }
    }
  }
}
