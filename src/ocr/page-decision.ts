import type { PageContent } from '../pdf/types.ts';
import { buildPageLayout } from '../table/build-tables.ts';

export type OcrMode = 'auto' | 'always' | 'never';
export const OCR_MODES: readonly OcrMode[] = ['auto', 'always', 'never'];

export type PageReason =
  | 'forced' // --ocr always
  | 'disabled' // --ocr never
  | 'usable-text' // the text layer is read
  | 'no-text-layer'
  | 'unusable-text' // unmapped glyphs, private-use code points, control characters
  | 'text-misses-cells' // ruled cells without text on a page painted with a large image
  | 'image-without-rules'; // a page-sized image with text but no ruled table in the text layer

export interface PageDecision {
  ocr: boolean;
  reason: PageReason;
}

/** A page with fewer visible glyphs than this has no text layer worth the name. */
export const MIN_TEXT_GLYPHS = 10;
/** More than this share of unusable glyphs makes the text layer unusable. */
export const MAX_UNUSABLE_SHARE = 0.1;
/** An image covering at least this share of the page is a scan (or a picture of the form). */
export const SCAN_IMAGE_SHARE = 0.5;
/** With a page-size image, fewer than this share of ruled cells holding text means the text layer misses the table. */
export const MIN_FILLED_CELL_SHARE = 0.3;

/**
 * A glyph whose text carries no meaning: empty, U+FFFD, controls, private-use code points (a
 * font without a ToUnicode map often yields these). Kangxi radicals and compatibility
 * ideographs are meaningful — they are normalized, not a reason to OCR.
 */
export function isUnusableGlyph(text: string): boolean {
  if (text === '') return true;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0xfffd) return true;
    if (cp < 0x20 && ch !== '\t' && ch !== '\n' && ch !== '\r') return true;
    if (cp >= 0x7f && cp < 0xa0) return true;
    if (cp >= 0xe000 && cp <= 0xf8ff) return true; // Private Use Area
    if (cp >= 0xf0000) return true; // Supplementary Private Use Areas
  }
  return false;
}

function imageShare(page: PageContent): number {
  const area = page.width * page.height;
  if (area <= 0) return 0;
  return Math.max(0, ...(page.images ?? []).map((im) => ((im.box[2] - im.box[0]) * (im.box[3] - im.box[1])) / area));
}

/**
 * Whether to OCR a page, from what its text layer holds. `auto`: OCR when there is no text
 * layer, when it is unusable, or when the page is a picture of the form whose text layer does
 * not cover the ruled cells; otherwise the text layer is read.
 */
export function decidePage(page: PageContent, mode: OcrMode = 'auto'): PageDecision {
  if (mode === 'always') return { ocr: true, reason: 'forced' };
  if (mode === 'never') return { ocr: false, reason: 'disabled' };
  const glyphs = page.chars.filter((c) => c.text.trim() !== '' || c.text === '');
  const scanned = imageShare(page) >= SCAN_IMAGE_SHARE;
  // A few glyphs on a page without a scan image are all it holds (the end of a table carried
  // over, a page footer); rendering and OCR would only find them again.
  if (glyphs.length === 0 || (glyphs.length < MIN_TEXT_GLYPHS && scanned)) return { ocr: true, reason: 'no-text-layer' };
  const unusable = glyphs.filter((c) => isUnusableGlyph(c.text)).length;
  if (unusable > MAX_UNUSABLE_SHARE * glyphs.length) return { ocr: true, reason: 'unusable-text' };
  if (scanned) {
    const cells = buildPageLayout(page).tables.flatMap((t) => t.cells);
    if (cells.length === 0) return { ocr: true, reason: 'image-without-rules' };
    const filled = cells.filter((c) => c.text !== '').length;
    if (filled < MIN_FILLED_CELL_SHARE * cells.length) return { ocr: true, reason: 'text-misses-cells' };
  }
  return { ocr: false, reason: 'usable-text' };
}
