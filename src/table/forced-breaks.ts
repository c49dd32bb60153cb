import type { Box } from '../geometry.ts';
import type { TextLine } from './text-lines.ts';

/**
 * Which line breaks of a cell were forced by its width, mid-word: the line was full, so not even
 * the next line's first glyph would have fitted after it. Latin words wrapped at a space leave room
 * on the line for more than that. A producer that breaks anywhere (as CJK text allows) also breaks
 * Latin words and codes (`O` / `A系统`, `IS` / `O9001`): those join with no space.
 *
 * The room is the cell's width less its padding on both sides, the padding taken as the smallest
 * distance from the cell's left side to a line's start.
 */
export function forcedBreaks(lines: readonly TextLine[], cell: Box): boolean[] {
  if (lines.length < 2) return [];
  const pad = Math.max(0, Math.min(...lines.map((l) => l.box[0] - cell[0])));
  const room = cell[2] - cell[0] - 2 * pad;
  return lines.slice(0, -1).map((line, i) => {
    const next = lines[i + 1]!.chars[0];
    if (!next) return false;
    return line.box[2] - line.box[0] + (next.box[2] - next.box[0]) > room;
  });
}

/** The padding of a table's cells: the least distance from a cell's left side to its text. */
export function textPadding(cells: readonly { box: Box; chars: readonly { box: Box }[] }[]): number {
  let pad = Infinity;
  for (const c of cells) for (const ch of c.chars) pad = Math.min(pad, ch.box[0] - c.box[0]);
  return Number.isFinite(pad) ? Math.max(0, pad) : 0;
}

/**
 * Is a cell's last line full, so that a glyph of this width could not have followed it? Then the
 * text went on past the line: onto the next line, or over a page break onto the next page.
 */
export function endsFull(lines: readonly TextLine[], cell: Box, pad: number, nextWidth: number): boolean {
  const last = lines[lines.length - 1];
  if (!last) return false;
  return last.box[2] - last.box[0] + nextWidth > cell[2] - cell[0] - 2 * pad;
}
