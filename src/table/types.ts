import type { Box } from '../geometry.ts';
import type { PageChar } from '../pdf/types.ts';

/** One cell of a reconstructed ruled table. Rows and columns index the table's grid lines. */
export interface Cell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  box: Box;
  /** The cell's text: its lines joined (no space between CJK, see join-lines.ts). */
  text: string;
  /** The visual lines of the cell, top to bottom. */
  lines: string[];
  chars: PageChar[];
}

/** A ruled table on one page. */
export interface Table {
  pageNumber: number;
  box: Box;
  /** x of the grid's vertical lines, ascending (columns + 1 values). */
  xs: number[];
  /** y of the grid's horizontal lines, ascending (rows + 1 values). */
  ys: number[];
  /** Sorted by row, then column. */
  cells: Cell[];
}

/** A line of text outside every table (titles, year lines, page numbers). */
export interface FreeLine {
  pageNumber: number;
  text: string;
  box: Box;
  /** Its glyphs (with their OCR confidence on a scanned page). */
  chars: PageChar[];
}

export interface PageLayout {
  pageNumber: number;
  width: number;
  height: number;
  tables: Table[];
  freeLines: FreeLine[];
}
