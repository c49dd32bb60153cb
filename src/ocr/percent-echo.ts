import type { PageChar } from '../pdf/types.ts';
import type { Cell } from '../table/types.ts';
import { glyphsAsRead, isOcrCell } from './cell-glyphs.ts';
import type { TextFix } from './correct-text.ts';
import { countInk } from './gray-image.ts';
import type { ScannedPage } from './prepare-scan.ts';

/**
 * A `9` whose box is narrower than this share of its line's height. No font prints a digit so
 * narrow (they are about 0.5 of it); the echoes measured were 0.15-0.21, real nines read before
 * a `%` 0.39 and up.
 */
const ECHO_MAX_WIDTH = 0.3;

/**
 * A `%` is about as wide as its line is high: a run of inked columns up to this share of the
 * line's height wide holds the sign alone; a digit and the sign together are half as wide again.
 */
const SIGN_MAX_WIDTH = 1.2;

const PERCENT = new Set(['%', '％']);
const isDigit = (s: string | undefined) => s !== undefined && /^[0-9]$/.test(s);

/**
 * Does the glyph's centre lie in the run of inked columns (in its line's band) that holds the
 * sign's centre, a run no wider than a sign?
 */
function inSignInk(glyph: PageChar, sign: PageChar, line: readonly PageChar[], cell: Cell, scan: Pick<ScannedPage, 'ink' | 'dpi'>): boolean {
  const k = scan.dpi / 72;
  const top = Math.floor(Math.min(...line.map((c) => c.box[1])) * k);
  const bottom = Math.ceil(Math.max(...line.map((c) => c.box[3])) * k);
  const inked = (x: number) => countInk(scan.ink, [x, top, x + 1, bottom]) > 0;
  const [left, right] = [Math.floor(cell.box[0] * k), Math.ceil(cell.box[2] * k)];
  const centre = (c: PageChar) => Math.round(((c.box[0] + c.box[2]) / 2) * k);
  let [x0, x1] = [centre(sign), centre(sign)];
  if (!inked(x0)) return false;
  while (x0 > left && inked(x0 - 1)) x0--;
  while (x1 < right - 1 && inked(x1 + 1)) x1++;
  return x0 <= centre(glyph) && x1 + 1 - x0 <= SIGN_MAX_WIDTH * (bottom - top);
}

/**
 * A percentage read with the left ring of its sign echoed as a 9 (`≥98.59%` for ≥98.5%,
 * `≥0.59%` for ≥0.5%): the engine gives that 9 a sliver of the sign's box, or a box on the
 * sign's own ink. A `9` before a `%` on one line, after a digit (or first on a line the value
 * wrapped to), is dropped when its box is narrower than ECHO_MAX_WIDTH of the line's height, or
 * its centre lies in the sign's ink (inSignInk): the text without it, and the glyphs dropped.
 * Null when nothing is dropped, or when the cell's glyphs and text do not line up.
 */
export function checkPercentEcho(cell: Cell, scan: Pick<ScannedPage, 'ink' | 'dpi'>): (TextFix & { dropped: PageChar[] }) | null {
  if (!isOcrCell(cell)) return null;
  const aligned = glyphsAsRead(cell);
  if (!aligned) return null;
  const { glyphs, lines } = aligned;
  const echoes = new Set<PageChar>();
  glyphs.forEach((g, i) => {
    const [before, after] = [glyphs[i - 1], glyphs[i + 1]];
    if (g.text !== '9' || !before || !after || after.line !== g.line || !PERCENT.has(after.text) || !isDigit(before.text)) return;
    const [x0, y0, x1, y1] = g.ch.box;
    const sliver = before.line === g.line && x1 - x0 < ECHO_MAX_WIDTH * (y1 - y0);
    if (sliver || inSignInk(g.ch, after.ch, lines[g.line]!.chars, cell, scan)) echoes.add(g.ch);
  });
  if (echoes.size === 0) return null;
  const gone = new Set(glyphs.filter((g) => echoes.has(g.ch)).map((g) => g.at));
  return { text: aligned.text.filter((_, i) => !gone.has(i)).join(''), rule: 'percent-echo', dropped: [...echoes] };
}
