import type { Box } from '../geometry.ts';
import type { PageChar } from '../pdf/types.ts';
import { normalizeText } from '../schema/normalize-text.ts';
import { forcedBreaks } from './forced-breaks.ts';
import { charsToLines, joinLines } from './text-lines.ts';

/** A cell's visual lines (normalized) and its text, from its glyphs. */
export function cellText(chars: readonly PageChar[], box: Box): { lines: string[]; text: string } {
  const lines = charsToLines(chars);
  const texts = lines.map((l) => normalizeText(l.text));
  return { lines: texts, text: joinLines(texts, forcedBreaks(lines, box)) };
}
