import type { Box } from '../geometry.ts';
import type { Bitmap, PixelRect } from './gray-image.ts';

/** Rows of ink closer than this (inch) belong to one line of text. */
const LINE_JOIN_IN = 0.02;
/** A band of ink lower than this (inch) is noise, not text. */
const MIN_LINE_HEIGHT_IN = 0.04;

/**
 * The lines of text outside the tables (titles, the year line, notes): bands of rows that hold
 * ink once the tables' areas are blanked, each cut to the extent of its ink.
 */
export function findFreeLines(ink: Bitmap, tableRects: readonly PixelRect[], dpi: number): PixelRect[] {
  const { width: w, height: h, data } = ink;
  const masked = (x: number, y: number) => tableRects.some((r) => x >= r[0] && x < r[2] && y >= r[1] && y < r[3]);
  const rowInk = new Uint32Array(h);
  const rowMin = new Int32Array(h).fill(w);
  const rowMax = new Int32Array(h).fill(-1);
  for (let y = 0; y < h; y++) {
    const inTable = tableRects.filter((r) => y >= r[1] && y < r[3]);
    for (let x = 0; x < w; x++) {
      if (!data[y * w + x]) continue;
      if (inTable.length > 0 && masked(x, y)) continue;
      rowInk[y]!++;
      if (x < rowMin[y]!) rowMin[y] = x;
      if (x > rowMax[y]!) rowMax[y] = x;
    }
  }
  const join = Math.max(1, Math.round(LINE_JOIN_IN * dpi));
  const minHeight = Math.max(2, Math.round(MIN_LINE_HEIGHT_IN * dpi));
  const out: PixelRect[] = [];
  let start = -1;
  let last = -1;
  const flush = () => {
    if (start >= 0 && last - start + 1 >= minHeight) {
      let x0 = w;
      let x1 = -1;
      for (let y = start; y <= last; y++) {
        x0 = Math.min(x0, rowMin[y]!);
        x1 = Math.max(x1, rowMax[y]!);
      }
      if (x1 >= x0) out.push([x0, start, x1 + 1, last + 1]);
    }
    start = -1;
  };
  for (let y = 0; y < h; y++) {
    if (rowInk[y]! === 0) continue;
    if (start >= 0 && y - last > join) flush();
    if (start < 0) start = y;
    last = y;
  }
  flush();
  return out;
}

export const rectOfBox = (b: Box, scale: number): PixelRect => [Math.floor(b[0] * scale), Math.floor(b[1] * scale), Math.ceil(b[2] * scale), Math.ceil(b[3] * scale)];
