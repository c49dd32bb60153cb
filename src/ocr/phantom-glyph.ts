import type { PageChar } from '../pdf/types.ts';
import type { Cell } from '../table/types.ts';
import { glyphsAsRead, isHan, isOcrCell } from './cell-glyphs.ts';
import type { TextFix } from './correct-text.ts';
import { firstInkRun } from './gray-image.ts';
import type { ScannedPage } from './prepare-scan.ts';

/** A box that starts this share of the line's height (at least 2 px) before the line's first ink starts on blank paper. */
const BLANK_LEAD = 0.1;

/**
 * An ideograph the model read from the blank paper before a line (`政策知了晓率` for 政策知晓率,
 * `施工扬人尘` for 施工扬尘: a line's first glyph whose box starts on paper with no ink, while
 * the glyph after it starts within the line's first half em of ink, so the two were read from
 * one glyph's ink) is dropped: the text without it, and the glyphs dropped. Null when nothing is
 * dropped, or when the cell's glyphs and text do not line up.
 */
export function checkPhantomGlyph(cell: Cell, scan: Pick<ScannedPage, 'ink' | 'dpi'>): (TextFix & { dropped: PageChar[] }) | null {
  if (!isOcrCell(cell)) return null;
  const aligned = glyphsAsRead(cell);
  if (!aligned) return null;
  const scale = scan.dpi / 72;
  const phantoms = new Set<PageChar>();
  for (const { chars } of aligned.lines) {
    const [first, next] = chars;
    if (!first || !next || !isHan(first.text)) continue;
    const top = Math.round(Math.min(...chars.map((c) => c.box[1])) * scale);
    const bottom = Math.round(Math.max(...chars.map((c) => c.box[3])) * scale);
    const em = bottom - top;
    const inkAt = firstInkRun(scan.ink, [Math.round(cell.box[0] * scale), top, Math.round(cell.box[2] * scale), bottom])?.[0];
    if (inkAt === undefined) continue;
    const onPaper = first.box[0] * scale < inkAt - Math.max(2, BLANK_LEAD * em);
    // and the glyph after it starts within the first half em of ink: both were read from one glyph
    if (onPaper && next.box[0] * scale < inkAt + em / 2) phantoms.add(first);
  }
  if (phantoms.size === 0) return null;
  const gone = new Set(aligned.glyphs.filter((g) => phantoms.has(g.ch)).map((g) => g.at));
  return { text: aligned.text.filter((_, i) => !gone.has(i)).join(''), rule: 'phantom-glyph', dropped: [...phantoms] };
}
