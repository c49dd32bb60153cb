import type { Box } from '../geometry.ts';
import { unionBoxes } from '../geometry.ts';
import { normalizeText } from '../schema/normalize-text.ts';
import type { PageChar, PageContent } from '../pdf/types.ts';
import { closeOpenEnds } from './close-open-ends.ts';
import { cleanEdges } from './edges.ts';
import { cellText } from './cell-text.ts';
import { keepRunsTogether } from './keep-runs-together.ts';
import { claimOverflowLines } from './overflow-lines.ts';
import { edgesToIntersections, intersectionsToCells } from './cells-from-edges.ts';
import { charsToLines } from './text-lines.ts';
import type { Cell, FreeLine, PageLayout, Table } from './types.ts';

/** A table needs at least this many cells; fewer is a box around a heading or a stray frame. */
export const MIN_TABLE_CELLS = 2;

/** Group cell boxes that share a corner into tables (pdfplumber's cells_to_tables). */
export function groupCells(boxes: readonly Box[]): Box[][] {
  const corners = (b: Box) => [`${b[0]}|${b[1]}`, `${b[2]}|${b[1]}`, `${b[0]}|${b[3]}`, `${b[2]}|${b[3]}`];
  const parent = boxes.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Map<string, number>();
  boxes.forEach((b, i) => {
    for (const c of corners(b)) {
      const o = owner.get(c);
      if (o === undefined) owner.set(c, i);
      else parent[find(i)] = find(o);
    }
  });
  const groups = new Map<number, Box[]>();
  boxes.forEach((b, i) => {
    const r = find(i);
    (groups.get(r) ?? groups.set(r, []).get(r)!).push(b);
  });
  return [...groups.values()].sort((a, b) => unionBoxes(a)[1] - unionBoxes(b)[1]);
}

const inside = (c: PageChar, b: Box) => {
  const x = (c.box[0] + c.box[2]) / 2;
  const y = (c.box[1] + c.box[3]) / 2;
  return x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];
};

/** Lay cell boxes on the grid of their distinct x and y values: row, col and spans. */
export function boxesToTable(pageNumber: number, boxes: readonly Box[]): Table {
  const xs = [...new Set(boxes.flatMap((b) => [b[0], b[2]]))].sort((a, b) => a - b);
  const ys = [...new Set(boxes.flatMap((b) => [b[1], b[3]]))].sort((a, b) => a - b);
  const cells: Cell[] = boxes.map((box) => {
    const col = xs.indexOf(box[0]);
    const row = ys.indexOf(box[1]);
    return {
      row,
      col,
      rowSpan: ys.indexOf(box[3]) - row,
      colSpan: xs.indexOf(box[2]) - col,
      box,
      text: '',
      lines: [],
      chars: [],
    };
  });
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { pageNumber, box: unionBoxes(boxes), xs, ys, cells };
}

/** A table's cells by the grid rows they span, so that a glyph is tested against its row's cells only. */
function cellsByRow(table: Table): Cell[][] {
  const rows: Cell[][] = table.ys.slice(1).map(() => []);
  for (const cell of table.cells) for (let r = cell.row; r < cell.row + cell.rowSpan; r++) rows[r]?.push(cell);
  return rows;
}

/** The grid rows of a table whose span holds y (two when y lies on a rule). */
function rowsAt(ys: readonly number[], y: number): number[] {
  let lo = 0;
  let hi = ys.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ys[mid]! <= y) lo = mid;
    else hi = mid;
  }
  return [lo - 1, lo, lo + 1].filter((r) => r >= 0 && r < ys.length - 1 && ys[r]! <= y && y <= ys[r + 1]!);
}

const area = (b: Box) => (b[2] - b[0]) * (b[3] - b[1]);

/** Give each glyph to the smallest cell holding its centre (the first such cell on a tie); return the glyphs no cell holds. */
function assignChars(tables: Table[], chars: readonly PageChar[]): PageChar[] {
  const cells = tables.flatMap((t) => t.cells);
  const order = new Map(cells.map((c, i) => [c, i]));
  const rows = tables.map(cellsByRow);
  const free: PageChar[] = [];
  for (const ch of chars) {
    const y = (ch.box[1] + ch.box[3]) / 2;
    let best: Cell | undefined;
    tables.forEach((table, t) => {
      if (!inside(ch, table.box)) return;
      for (const r of rowsAt(table.ys, y)) {
        for (const cell of rows[t]![r]!) {
          if (!inside(ch, cell.box)) continue;
          const better = !best || area(cell.box) < area(best.box) || (area(cell.box) === area(best.box) && order.get(cell)! < order.get(best)!);
          if (better) best = cell;
        }
      }
    });
    if (best) best.chars.push(ch);
    else free.push(ch);
  }
  for (const table of tables) keepRunsTogether(table);
  const rest = claimOverflowLines(tables, free);
  for (const cell of cells) Object.assign(cell, cellText(cell.chars, cell.box));
  return rest;
}

/** One page's ruled tables with their text, and the lines of text outside them. */
export function buildPageLayout(page: PageContent): PageLayout {
  const edges = cleanEdges(closeOpenEnds(cleanEdges(page.edges)));
  const boxes = intersectionsToCells(edgesToIntersections(edges));
  const tables = groupCells(boxes)
    .filter((g) => g.length >= MIN_TABLE_CELLS)
    .map((g) => boxesToTable(page.pageNumber, g));
  const free = assignChars(
    tables,
    page.chars.filter((c) => c.upright && c.text.trim() !== ''),
  );
  const freeLines: FreeLine[] = charsToLines(free).map((l) => ({
    pageNumber: page.pageNumber,
    text: normalizeText(l.text),
    box: l.box,
    chars: l.chars,
  }));
  return { pageNumber: page.pageNumber, width: page.width, height: page.height, tables, freeLines };
}
