import type { PageChar, PageContent } from '../pdf/types.ts';
import { buildPageLayout } from '../table/build-tables.ts';
import { findFreeLines, rectOfBox } from './free-text.ts';
import type { ScannedPage } from './prepare-scan.ts';
import { boxToRect, readRegion } from './read-regions.ts';

/** Pixels kept off a cell's border when it is cropped (the rules are erased already; this skips their blur). */
const CELL_INSET_PX = 1;

/**
 * The text of a scanned page, cell by cell: the rules found in the image become edges, the
 * shared table code builds the grid from them, every cell with ink is read on its own (PSM 6,
 * a block), and every line of ink outside the tables on its own (PSM 7). The result is a
 * PageContent like one read from a text layer — glyphs in points with their OCR confidence,
 * edges in points — so tables and forms are rebuilt from it by the same code.
 */
export async function readScannedPage(scan: ScannedPage): Promise<PageContent> {
  const scale = scan.dpi / 72;
  const grid = buildPageLayout({ pageNumber: scan.pageNumber, width: scan.width, height: scan.height, chars: [], edges: scan.edges });
  const cells = grid.tables.flatMap((t) => t.cells);
  const free = findFreeLines(
    scan.ink,
    grid.tables.map((t) => rectOfBox(t.box, scale)),
    scan.dpi,
  );
  const readings = await Promise.all([
    ...cells.map((c) => readRegion(scan, boxToRect(c.box, scale, CELL_INSET_PX), { psm: '6' })),
    ...free.map((r) => readRegion(scan, r, { psm: '7' })),
  ]);
  const chars: PageChar[] = readings.flatMap((r) => r.chars);
  return { pageNumber: scan.pageNumber, width: scan.width, height: scan.height, chars, edges: scan.edges };
}
