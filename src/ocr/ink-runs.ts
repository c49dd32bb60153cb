import type { Bitmap } from './gray-image.ts';

/**
 * Every run of ink along each row of a bitmap ('h') or each column ('v'), gaps of up to
 * `maxGap` paper pixels bridged, given to `onRun` as its line (row or column), first and
 * past-the-end pixel along it, and its count of ink pixels. `pixels` are the ink's indices in
 * memory order (inkIndices): both axes are scanned in that order, one open run per line carried
 * along, so a column scan costs no more than a row scan.
 */
export function forEachInkRun(
  ink: Bitmap,
  pixels: Int32Array,
  axis: 'h' | 'v',
  maxGap: number,
  onRun: (line: number, start: number, end: number, inked: number) => void,
): void {
  const w = ink.width;
  const horizontal = axis === 'h';
  const lines = horizontal ? ink.height : w;
  // open run of each line: first and last ink pixel, ink count (start -1: none)
  const start = new Int32Array(lines).fill(-1);
  const last = new Int32Array(lines);
  const count = new Int32Array(lines);
  const close = (line: number) => {
    onRun(line, start[line]!, last[line]! + 1, count[line]!);
    start[line] = -1;
    count[line] = 0;
  };
  for (let k = 0, y = 0, rowEnd = w; k < pixels.length; k++) {
    const p = pixels[k]!;
    while (p >= rowEnd) {
      y++;
      rowEnd += w;
    }
    const x = p - (rowEnd - w);
    const line = horizontal ? y : x;
    const i = horizontal ? x : y;
    if (start[line]! >= 0 && i - last[line]! - 1 > maxGap) close(line);
    if (start[line]! < 0) start[line] = i;
    last[line] = i;
    count[line]!++;
  }
  for (let line = 0; line < lines; line++) if (start[line]! >= 0) close(line);
}
