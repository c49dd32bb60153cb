import type { Box } from '../geometry.ts';
import { roundBox } from '../geometry.ts';
import type { Provenance } from '../schema/record.ts';
import { unturnBox } from './page-turn.ts';

/**
 * A box found on a straightened scan, back on the page as it was scanned: the scan was turned
 * by `skewDeg` (positive: clockwise) and straightened about the page centre (see rotateGray), so
 * the box's corners are turned back by the skew and the axis-aligned box around them is returned.
 * A reviewer's overlay drawn on the original page then covers the words it points at.
 */
export function unskewBox(box: Box, skewDeg: number, page: { width: number; height: number }): Box {
  if (skewDeg === 0) return box;
  const a = (skewDeg * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = page.width / 2;
  const cy = page.height / 2;
  const corners = [
    [box[0], box[1]],
    [box[2], box[1]],
    [box[0], box[3]],
    [box[2], box[3]],
  ].map(([x, y]) => {
    const dx = x! - cx;
    const dy = y! - cy;
    return [cx + cos * dx - sin * dy, cy + sin * dx + cos * dy] as const;
  });
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/**
 * Provenance read on straightened scans, moved back onto the pages as scanned: turned back by
 * the skew (`skews` by page number) about the centre of the page as read (`pageSizes`), then
 * by the quarter turns a page scanned sideways or upside down was given (`quarterTurns`).
 */
export function unskewProvenance(
  provenance: Record<string, Provenance>,
  skews: ReadonlyMap<number, number>,
  pageSizes: ReadonlyMap<number, { width: number; height: number }>,
  quarterTurns: ReadonlyMap<number, number> = new Map(),
): void {
  // an entry two fields share is turned once
  for (const p of new Set(Object.values(provenance))) {
    const size = pageSizes.get(p.page);
    if (!size) continue;
    const skew = skews.get(p.page) ?? 0;
    const quarters = quarterTurns.get(p.page) ?? 0;
    if (skew === 0 && quarters === 0) continue;
    p.bbox = roundBox(unturnBox(unskewBox(p.bbox, skew, size), quarters, size));
  }
}
