import type { Box } from '../geometry.ts';
import type { PageChar } from '../pdf/types.ts';
import { normalizeText } from '../schema/normalize-text.ts';
import { cellText } from '../table/cell-text.ts';
import { charsToLines } from '../table/text-lines.ts';
import type { PageLayout } from '../table/types.ts';

/** Two occurrences of a running line stand this close (pt) on their pages. */
const SAME_PLACE_PT = 3;

interface RunningLine {
  /** The text with every digit as 0: `第0页共0页`. */
  pattern: string;
  /** Where it stands: the union of its boxes over the pages. */
  box: Box;
}

const patternOf = (text: string) => text.replace(/\s+/g, '').replace(/\d/g, '0');

/** The glyphs of a cell standing at a place, read as one line (or null when none). */
function lineAt(chars: readonly PageChar[], box: Box): { text: string; chars: PageChar[] } | null {
  const inPlace = chars.filter((ch) => {
    const x = (ch.box[0] + ch.box[2]) / 2;
    const y = (ch.box[1] + ch.box[3]) / 2;
    return x >= box[0] - SAME_PLACE_PT && x <= box[2] + SAME_PLACE_PT && y >= box[1] - 1 && y <= box[3] + 1;
  });
  const line = charsToLines(inPlace)[0];
  return line ? { text: normalizeText(line.text), chars: line.chars } : null;
}

/**
 * Running lines: text with digits outside the tables that recurs at the same place on another page,
 * free or (where the table ran over it) inside a cell, with only its digits changing: page footers
 * `第 N 页 共 M 页`, headers.
 */
export function findRunningLines(pages: readonly PageLayout[]): RunningLine[] {
  const found: RunningLine[] = [];
  for (const page of pages) {
    for (const line of page.freeLines) {
      // Digits that change, and words that do not (a bare number could be anything).
      if (!/\d/.test(line.text) || !/\p{L}/u.test(line.text)) continue;
      const pattern = patternOf(line.text);
      const y = (line.box[1] + line.box[3]) / 2;
      if (found.some((r) => r.pattern === pattern && Math.abs((r.box[1] + r.box[3]) / 2 - y) <= SAME_PLACE_PT)) continue;
      const elsewhere = pages.some(
        (other) =>
          other !== page &&
          (other.freeLines.some((l) => patternOf(l.text) === pattern && Math.abs((l.box[1] + l.box[3]) / 2 - y) <= SAME_PLACE_PT) ||
            other.tables.some((t) => t.cells.some((c) => patternOf(lineAt(c.chars, line.box)?.text ?? '') === pattern))),
      );
      if (elsewhere) found.push({ pattern, box: line.box });
    }
  }
  return found;
}

/**
 * The pages with running lines taken out of table cells. A producer that clips a table at the
 * page's content area (a browser cutting a row at the page foot) may leave rules running on into the
 * margin, in the text layer, so that a cut cell reaches down over the page footer; its glyphs would
 * be read into the cell's text (`服务对象第1页共15页满意度`).
 */
export function withoutRunningLines(pages: readonly PageLayout[]): PageLayout[] {
  const running = findRunningLines(pages);
  if (running.length === 0) return [...pages];
  return pages.map((page) => ({
    ...page,
    tables: page.tables.map((table) => ({
      ...table,
      cells: table.cells.map((cell) => {
        const drop = new Set<PageChar>();
        for (const r of running) {
          const line = lineAt(cell.chars, r.box);
          if (line && patternOf(line.text) === r.pattern) for (const ch of line.chars) drop.add(ch);
        }
        if (drop.size === 0) return cell;
        const chars = cell.chars.filter((ch) => !drop.has(ch));
        return { ...cell, chars, ...cellText(chars, cell.box) };
      }),
    })),
  }));
}
