import type { PageChar } from '../pdf/types.ts';
import { charsToLines } from './text-lines.ts';
import type { Cell, Table } from './types.ts';

/** A line continues a cell's text when its baseline is this many line pitches (± the slack) below. */
const PITCH_SLACK = 0.2;
/** The pitch of a one-line cell, as a factor of the size, when no second line shows it (range). */
const SINGLE_PITCH: [number, number] = [1.0, 1.8];

/**
 * Lines of a cell cut by a page break that the producer printed below the cut. A browser splits a
 * row (or a merged cell) at the page foot but may lay the cell's last lines out beneath it, over the
 * bottom margin, outside every rule: `社会` / `效益` in the cell and `指标` under it. Such a line sits
 * under a cell that has no cell below it, within its width, in the cell's size, exactly one line
 * pitch below the cell's last line. Returns the glyphs no cell claimed.
 */
export function claimOverflowLines(tables: readonly Table[], free: readonly PageChar[]): PageChar[] {
  const left = new Set(free);
  // Cells with nothing under them in their table (the table's last row, or beside a longer cell).
  const bottom = tables.flatMap((t) =>
    t.cells.filter((c) => c.chars.length > 0 && !t.cells.some((d) => d.row === c.row + c.rowSpan && d.col < c.col + c.colSpan && d.col + d.colSpan > c.col)),
  );
  for (const cell of bottom) {
    // Line after line: a cell may have printed more than one line below the cut.
    for (;;) {
      const under = [...left].filter((ch) => {
        const x = (ch.box[0] + ch.box[2]) / 2;
        return x > cell.box[0] && x < cell.box[2] && ch.box[1] > cell.box[1];
      });
      const line = charsToLines(under)[0];
      if (!line || !continuesBelow(cell, line.box, line.chars[0]!.baseline, line.chars[0]!.size)) break;
      for (const ch of line.chars) {
        cell.chars.push(ch);
        left.delete(ch);
      }
    }
  }
  return free.filter((ch) => left.has(ch));
}

function continuesBelow(cell: Cell, box: [number, number, number, number], baseline: number, size: number): boolean {
  if (box[0] < cell.box[0] - 1 || box[2] > cell.box[2] + 1) return false;
  const own = charsToLines(cell.chars);
  // Right under the cell's last line: below the cut, or (once a line was claimed) below that line.
  const floor = Math.max(cell.box[3], ...cell.chars.map((c) => c.box[3]));
  if (box[1] < floor - 0.5 * size || box[1] > floor + size) return false;
  const last = own[own.length - 1];
  if (!last) return false;
  const lastSize = last.chars[0]!.size;
  if (Math.abs(lastSize - size) > 0.1 * size) return false;
  const gap = baseline - last.chars[0]!.baseline;
  const prev = own[own.length - 2];
  if (prev) {
    const pitch = last.chars[0]!.baseline - prev.chars[0]!.baseline;
    return Math.abs(gap - pitch) <= PITCH_SLACK * pitch;
  }
  return gap >= SINGLE_PITCH[0] * size && gap <= SINGLE_PITCH[1] * size;
}
