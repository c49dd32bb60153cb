import type { Box } from '../geometry.ts';
import type { PageChar } from '../pdf/types.ts';
import type { Cell, FreeLine, PageLayout, Table } from '../table/types.ts';
import { isTitle, matchLabel, yearOf } from './labels.ts';
import { withoutRunningLines } from './running-lines.ts';

/** One table row as the mapper sees it: every cell covering the row, left to right. */
export interface FormRow {
  pageNumber: number;
  /** All cells covering the row, including merged cells that started above. */
  cells: Cell[];
  /** Cells that start in this row. */
  fresh: Set<Cell>;
  /** True for the first row of a table that continues the form from an earlier page or table. */
  continues: boolean;
}

/** The rows of one declaration form, with its title and year lines. */
export interface FormChunk {
  /** The title and year where they were read: a line above the table or a cell, with its glyphs. */
  title: { text: string; pageNumber: number; box: Box; chars: PageChar[] } | null;
  year: { value: number; pageNumber: number; box: Box; chars: PageChar[] } | null;
  rows: FormRow[];
  pages: number[];
}

/** The rows of a table, top to bottom. */
export function tableRows(table: Table): FormRow[] {
  const rows: FormRow[] = [];
  for (let r = 0; r < table.ys.length - 1; r++) {
    const cells = table.cells.filter((c) => c.row <= r && r < c.row + c.rowSpan).sort((a, b) => a.col - b.col);
    if (cells.length === 0) continue;
    rows.push({ pageNumber: table.pageNumber, cells, fresh: new Set(cells.filter((c) => c.row === r)), continues: false });
  }
  return rows;
}

/** A row that is one cell across the table holding the title (some producers rule the title in). */
const rowTitle = (row: FormRow): string | null => {
  const filled = row.cells.filter((c) => c.text !== '');
  return filled.length === 1 && isTitle(filled[0]!.text) ? filled[0]!.text : null;
};

const holdsForm = (table: Table) => table.cells.some((c) => matchLabel(c.text)?.key === 'projectName');

type Item = { y: number; line: FreeLine } | { y: number; table: Table };

/**
 * Split a document into forms: a new form starts at each title line, whether it stands above
 * the table or inside its first row; tables until the next title continue the current form.
 */
export function splitForms(layouts: readonly PageLayout[]): FormChunk[] {
  const pages = withoutRunningLines(layouts);
  const forms: FormChunk[] = [];
  let current: FormChunk | null = null;
  const start = (title: FormChunk['title']): FormChunk => {
    current = { title, year: null, rows: [], pages: [] };
    forms.push(current);
    return current;
  };
  const touch = (form: FormChunk, page: number) => {
    if (!form.pages.includes(page)) form.pages.push(page);
  };
  for (const page of pages) {
    const items: Item[] = [
      ...page.freeLines.map((line) => ({ y: line.box[1], line })),
      ...page.tables.map((table) => ({ y: table.box[1], table })),
    ].sort((a, b) => a.y - b.y);
    for (const item of items) {
      if ('line' in item) {
        const { line } = item;
        if (isTitle(line.text)) {
          const form = start({ text: line.text, pageNumber: page.pageNumber, box: line.box, chars: line.chars });
          touch(form, page.pageNumber);
          const y = yearOf(line.text.replace(/.*申报表/, ''));
          if (y) form.year = { value: y, pageNumber: page.pageNumber, box: line.box, chars: line.chars };
        } else {
          const form = current as FormChunk | null;
          const y = yearOf(line.text);
          if (form && !form.year && form.rows.length === 0 && y && /年度/.test(line.text)) {
            form.year = { value: y, pageNumber: page.pageNumber, box: line.box, chars: line.chars };
          }
        }
        continue;
      }
      const { table } = item;
      let form = current as FormChunk | null;
      if (!form && !holdsForm(table)) continue; // a table before any form: not ours
      let first = true;
      for (const row of tableRows(table)) {
        const title = rowTitle(row);
        if (title) {
          const cell = row.cells.find((c) => c.text)!;
          form = start({ text: title, pageNumber: page.pageNumber, box: cell.box, chars: cell.chars });
          touch(form, page.pageNumber);
          first = false;
          continue;
        }
        if (form && form.rows.length === 0 && !form.year) {
          const yearCell = row.cells.length === 1 || row.cells.filter((c) => c.text).length === 1 ? row.cells.find((c) => c.text) : undefined;
          const y = yearCell && /年度/.test(yearCell.text) && !matchLabel(yearCell.text) ? yearOf(yearCell.text) : null;
          if (y && yearCell) {
            form.year = { value: y, pageNumber: page.pageNumber, box: yearCell.box, chars: yearCell.chars };
            continue;
          }
        }
        form ??= start(null);
        if (form.rows.length > 0 && first) row.continues = true;
        first = false;
        form.rows.push(row);
        touch(form, page.pageNumber);
      }
    }
  }
  return forms.filter((f) => f.rows.length > 0);
}
