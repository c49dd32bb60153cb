import type { Edge, PageChar, PageContent } from '../../src/pdf/types.ts';
import { charsAt, hLine, vLine } from './synthetic-page.ts';

/** A cell of a synthetic table: its grid position and the lines of text drawn in it. */
export interface SpecCell {
  col: number;
  row: number;
  colSpan?: number;
  rowSpan?: number;
  lines: string[];
}

/**
 * Draw a ruled table from cell specs on a fresh page: each cell's four borders and its lines.
 * Column edges are given; every row is `rowHeight` tall. Free lines (a title) can go above.
 */
export function synthPage(opts: {
  xs: number[];
  top: number;
  rowHeight: number;
  cells: SpecCell[];
  freeLines?: { text: string; x: number; y: number }[];
  pageNumber?: number;
  size?: number;
}): PageContent {
  const size = opts.size ?? 8;
  const edges: Edge[] = [];
  const chars: PageChar[] = [];
  for (const c of opts.cells) {
    const x0 = opts.xs[c.col]!;
    const x1 = opts.xs[c.col + (c.colSpan ?? 1)]!;
    const y0 = opts.top + c.row * opts.rowHeight;
    const y1 = y0 + (c.rowSpan ?? 1) * opts.rowHeight;
    edges.push(hLine(y0, x0, x1), hLine(y1, x0, x1), vLine(x0, y0, y1), vLine(x1, y0, y1));
    c.lines.forEach((line, i) => chars.push(...charsAt(line, x0 + 2, y0 + 2 + (i + 1) * size * 1.2, size)));
  }
  for (const f of opts.freeLines ?? []) chars.push(...charsAt(f.text, f.x, f.y, 12));
  return { pageNumber: opts.pageNumber ?? 1, width: 842, height: 595, chars, edges };
}
