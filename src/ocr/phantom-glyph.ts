import type { PageChar } from '../pdf/types.ts';
import type { Cell } from '../table/types.ts';
import { charsToLines } from '../table/text-lines.ts';
import type { TextFix } from './correct-text.ts';
import type { Bitmap } from './gray-image.ts';
import type { ScannedPage } from './prepare-scan.ts';

const HAN = /^\p{Script=Han}$/u;
/** A box that starts this share of the line's height (at least 2 px) before the line's first ink starts on blank paper. */
const BLANK_LEAD = 0.1;

/** The first column holding ink in a rectangle of the bitmap (pixels), or null. */
function firstInkColumn(ink: Bitmap, x0: number, y0: number, x1: number, y1: number): number | null {
  for (let x = Math.max(0, x0); x < Math.min(ink.width, x1); x++) {
    for (let y = Math.max(0, y0); y < Math.min(ink.height, y1); y++) if (ink.data[y * ink.width + x]) return x;
  }
  return null;
}

/**
 * An ideograph the model read from the blank paper before a line (`政策知了晓率` for 政策知晓率,
 * `施工扬人尘` for 施工扬尘: a line's first glyph whose box starts on paper with no ink, while
 * the glyph after it starts within the line's first half em of ink, so the two were read from
 * one glyph's ink) is dropped: the text without it, and the glyphs dropped. Null when nothing is
 * dropped, or when the cell's glyphs and text do not line up.
 */
export function checkPhantomGlyph(cell: Cell, scan: Pick<ScannedPage, 'ink' | 'dpi'>): (TextFix & { dropped: PageChar[] }) | null {
  if (!cell.chars.some((c) => c.confidence !== undefined)) return null;
  const scale = scan.dpi / 72;
  const lines = charsToLines(cell.chars);
  const phantoms = new Set<PageChar>();
  for (const { chars } of lines) {
    const [first, next] = chars;
    if (!first || !next || !HAN.test(first.text)) continue;
    const top = Math.round(Math.min(...chars.map((c) => c.box[1])) * scale);
    const bottom = Math.round(Math.max(...chars.map((c) => c.box[3])) * scale);
    const em = bottom - top;
    const inkAt = firstInkColumn(scan.ink, Math.round(cell.box[0] * scale), top, Math.round(cell.box[2] * scale), bottom);
    if (inkAt === null) continue;
    const onPaper = first.box[0] * scale < inkAt - Math.max(2, BLANK_LEAD * em);
    // and the glyph after it starts within the first half em of ink: both were read from one glyph
    if (onPaper && next.box[0] * scale < inkAt + em / 2) phantoms.add(first);
  }
  if (phantoms.size === 0) return null;
  // the cell's text, code point by code point, is its lines' glyphs in order (spaces aside)
  const glyphs = lines.flatMap((l) => l.chars);
  const text = [...cell.text];
  const kept: string[] = [];
  let g = 0;
  for (const c of text) {
    if (/\s/u.test(c)) {
      kept.push(c);
      continue;
    }
    const glyph = glyphs[g++];
    if (!glyph || glyph.text !== c) return null;
    if (!phantoms.has(glyph)) kept.push(c);
  }
  if (g !== glyphs.length) return null;
  return { text: kept.join(''), rule: 'phantom-glyph', dropped: [...phantoms] };
}
