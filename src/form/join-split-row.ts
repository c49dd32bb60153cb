import { joinLines } from '../table/text-lines.ts';
import type { Cell } from '../table/types.ts';
import type { FormRow } from './split-forms.ts';

/**
 * A row that a page break cut in two, read as one: each cell of the first piece gets the text of
 * the cells of the second piece (the first row of the next page) that lie under it. Browsers cut
 * rows mid-line, so a header row can end a page as `二级` / `指标` and go on as `指标` / `值`.
 */
export function joinSplitRow(first: FormRow, rest: FormRow): FormRow {
  const cells = first.cells.map((cell): Cell => {
    const below = rest.cells.filter((c) => {
      const x = (c.box[0] + c.box[2]) / 2;
      return x > cell.box[0] && x < cell.box[2];
    });
    if (below.length === 0) return cell;
    const lines = [...cell.lines, ...below.flatMap((c) => c.lines)];
    return { ...cell, lines, text: joinLines(lines), chars: [...cell.chars, ...below.flatMap((c) => c.chars)] };
  });
  return { ...first, cells, fresh: new Set(cells.filter((c, i) => first.fresh.has(first.cells[i]!))) };
}
