import type { PageChar } from '../pdf/types.ts';
import { charsToLines, type TextLine } from '../table/text-lines.ts';
import type { Cell } from '../table/types.ts';

/** A cell read by OCR: its glyphs carry the engine's confidence (a text layer's carry none). */
export const isOcrCell = (cell: Pick<Cell, 'chars'>): boolean => cell.chars.some((c) => c.confidence !== undefined);

/** An ideograph (one code point). */
export const isHan = (s: string | undefined): boolean => s !== undefined && /^\p{Script=Han}$/u.test(s);

/** One code point of a cell's text and the glyph it was read from. */
export interface TextGlyph {
  ch: PageChar;
  text: string;
  /** Index of the cell's visual line. */
  line: number;
  /** Index of the code point in the cell's text. */
  at: number;
}

/**
 * A cell's visual lines and its text, code point by code point, against the glyphs of those lines
 * in reading order (spaces aside); null when the two do not line up one for one (a reading
 * changed since its glyphs were placed).
 */
export function cellGlyphs(cell: Pick<Cell, 'chars' | 'text'>): { lines: TextLine[]; text: string[]; glyphs: TextGlyph[] } | null {
  const lines = charsToLines(cell.chars);
  const text = [...cell.text];
  const positions: number[] = [];
  text.forEach((c, i) => {
    if (!/\s/u.test(c)) positions.push(i);
  });
  const glyphs: TextGlyph[] = [];
  lines.forEach((line, li) => {
    for (const ch of line.chars) for (const c of [...ch.text]) if (!/\s/u.test(c)) glyphs.push({ ch, text: c, line: li, at: positions[glyphs.length] ?? -1 });
  });
  return glyphs.length === positions.length ? { lines, text, glyphs } : null;
}

/** cellGlyphs, only when every glyph still reads as the text at its place (no correction since changed one). */
export function glyphsAsRead(cell: Pick<Cell, 'chars' | 'text'>): ReturnType<typeof cellGlyphs> {
  const aligned = cellGlyphs(cell);
  return aligned && aligned.glyphs.every((g) => g.text === aligned.text[g.at]) ? aligned : null;
}
