import type { PageChar } from '../pdf/types.ts';
import type { Cell } from '../table/types.ts';
import { cellGlyphs, isOcrCell } from './cell-glyphs.ts';
import type { TextFix } from './correct-text.ts';

/**
 * A `9` whose box is narrower than this share of its line's height. No font prints a digit so
 * narrow (they are about 0.5 of it); the echoes measured were 0.15-0.21, real nines read before
 * a `%` 0.39 and up.
 */
const ECHO_MAX_WIDTH = 0.3;

const PERCENT = new Set(['%', '％']);
const isDigit = (s: string | undefined) => s !== undefined && /^[0-9]$/.test(s);

/**
 * A percentage read with the left ring of its sign echoed as a 9 (`≥98.59%` for ≥98.5%,
 * `≥0.59%` for ≥0.5%): the engine gives that 9 a sliver of the sign's box. A `9` between a digit
 * and a `%` on one line, its box narrower than ECHO_MAX_WIDTH of the line's height, is dropped:
 * the text without it, and the glyphs dropped. Null when nothing is dropped, or when the cell's
 * glyphs and text do not line up.
 */
export function checkPercentEcho(cell: Cell): (TextFix & { dropped: PageChar[] }) | null {
  if (!isOcrCell(cell)) return null;
  const aligned = cellGlyphs(cell);
  if (!aligned || aligned.glyphs.some((g) => g.text !== aligned.text[g.at])) return null;
  const { glyphs } = aligned;
  const echoes = new Set<PageChar>();
  glyphs.forEach((g, i) => {
    const [before, after] = [glyphs[i - 1], glyphs[i + 1]];
    if (g.text !== '9' || !before || !after || before.line !== g.line || after.line !== g.line) return;
    if (!isDigit(before.text) || !PERCENT.has(after.text)) return;
    const [x0, y0, x1, y1] = g.ch.box;
    if (x1 - x0 < ECHO_MAX_WIDTH * (y1 - y0)) echoes.add(g.ch);
  });
  if (echoes.size === 0) return null;
  const gone = new Set(glyphs.filter((g) => echoes.has(g.ch)).map((g) => g.at));
  return { text: aligned.text.filter((_, i) => !gone.has(i)).join(''), rule: 'percent-echo', dropped: [...echoes] };
}
