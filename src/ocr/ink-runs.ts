import type { Bitmap } from './gray-image.ts';

/**
 * Every run of ink along each row of a bitmap ('h') or each column ('v'), gaps of up to
 * `maxGap` paper pixels bridged, given to `onRun` as its line (row or column), first and
 * past-the-end pixel along it, and its count of ink pixels. `pixels` are the ink's indices in
 * memory order (inkIndices): both axes are scanned in that order, one open run per line carried
 * along, so a column scan costs no more than a row scan. Runs come in that scan's order: a run
 * as soon as a gap ends it, then the last run of every line, line by line (estimateSkew samples
 * run pixels in this order, so it is kept as it is).
 */
export function forEachInkRun(
  ink: Bitmap,
  pixels: Int32Array,
  axis: 'h' | 'v',
  maxGap: number,
  onRun: (line: number, start: number, end: number, inked: number) => void,
): void {
  if (axis === 'h') rowRuns(ink.width, pixels, maxGap, onRun);
  else columnRuns(ink.width, pixels, maxGap, onRun);
}

/** forEachInkRun along the rows: the pixels come a row at a time, so one run is open at a time. */
function rowRuns(w: number, pixels: Int32Array, maxGap: number, onRun: (line: number, start: number, end: number, inked: number) => void): void {
  const lastRuns: number[] = [];
  let rowStart = 0;
  let y = 0;
  // the open run: its row, first and last pixel (along the row) and ink count
  let runRow = -1;
  let first = 0;
  let last = 0;
  let count = 0;
  for (let k = 0; k < pixels.length; k++) {
    const p = pixels[k]!;
    while (p >= rowStart + w) {
      y++;
      rowStart += w;
    }
    const x = p - rowStart;
    if (y === runRow && x - last - 1 <= maxGap) {
      last = x;
      count++;
      continue;
    }
    // a gap ends the run; a new row ends it too, but the last run of a row waits for the end
    if (y === runRow) onRun(runRow, first, last + 1, count);
    else if (runRow >= 0) lastRuns.push(runRow, first, last + 1, count);
    runRow = y;
    first = last = x;
    count = 1;
  }
  if (runRow >= 0) lastRuns.push(runRow, first, last + 1, count);
  for (let r = 0; r < lastRuns.length; r += 4) onRun(lastRuns[r]!, lastRuns[r + 1]!, lastRuns[r + 2]!, lastRuns[r + 3]!);
}

/** forEachInkRun down the columns: the pixels come a row at a time, one run open in each column. */
function columnRuns(w: number, pixels: Int32Array, maxGap: number, onRun: (line: number, start: number, end: number, inked: number) => void): void {
  // open run of each column: first and last row, ink count (start -1: none)
  const start = new Int32Array(w).fill(-1);
  const last = new Int32Array(w);
  const count = new Int32Array(w);
  for (let k = 0, y = 0, rowStart = 0; k < pixels.length; k++) {
    const p = pixels[k]!;
    while (p >= rowStart + w) {
      y++;
      rowStart += w;
    }
    const x = p - rowStart;
    if (start[x]! >= 0 && y - last[x]! - 1 > maxGap) {
      onRun(x, start[x]!, last[x]! + 1, count[x]!);
      start[x] = -1;
    }
    if (start[x]! < 0) {
      start[x] = y;
      count[x] = 0;
    }
    last[x] = y;
    count[x]!++;
  }
  for (let x = 0; x < w; x++) if (start[x]! >= 0) onRun(x, start[x]!, last[x]! + 1, count[x]!);
}
