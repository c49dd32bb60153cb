import type { Box } from '../geometry.ts';
import type { PageChar } from '../pdf/types.ts';
import type { RecordWarning } from '../schema/record.ts';
import { median } from './read-regions.ts';

/**
 * A page read with a median glyph confidence under this was fed into the scanner turned (sideways
 * or upside down): the upright pages of the independent scan family (thin-face bilevel and heavy
 * blur among them) read at medians of 0.92 to 0.96, pages turned a quarter or a half turn at 0.00
 * to 0.09.
 */
export const TURNED_MEDIAN = 0.5;

/** A page read as fewer glyphs than this is nearly blank (the back of a sheet), not turned: it is not read again. */
export const TURN_MIN_GLYPHS = 20;

/** The quarter turns tried, in order, for a page that reads as turned: upside down is the commonest. */
export const TURNS_TRIED = [2, 1, 3] as const;

/** The median confidence of a page's glyphs (0 without glyphs). */
export function medianConfidence(chars: readonly PageChar[]): number {
  return median(chars.map((c) => c.confidence ?? 0)) ?? 0;
}

/**
 * A box on a page image turned clockwise by `quarters` quarter turns (a page `turned` in size, in
 * the box's units), back on the page as it was scanned.
 */
export function unturnBox(box: Box, quarters: number, turned: { width: number; height: number }): Box {
  const q = ((quarters % 4) + 4) % 4;
  if (q === 0) return box;
  const { width: W, height: H } = turned;
  // the inverse of a clockwise quarter turn, applied q times: (x, y) ← (y, W - x)
  const back = ([x, y]: [number, number]): [number, number] => (q === 1 ? [y, W - x] : q === 2 ? [W - x, H - y] : [H - y, x]);
  const [a, b] = [back([box[0], box[1]]), back([box[2], box[3]])];
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])];
}

/**
 * A reviewer's warning (`ocr-page-turned`) for each page of a form that was read turned: the
 * turn was the extractor's guess, made from how well each way read.
 */
export function pageTurnWarnings(pages: readonly number[], quarterTurns: ReadonlyMap<number, number>): RecordWarning[] {
  return pages.flatMap((page) => {
    const q = quarterTurns.get(page);
    if (!q) return [];
    const how = q === 2 ? 'upside down' : `sideways (read turned ${q * 90}° clockwise)`;
    return [{ code: 'ocr-page-turned', message: `Page ${page} was scanned ${how}: it read as nonsense as it lies and was read turned; its boxes are on the page as scanned.` }];
  });
}
