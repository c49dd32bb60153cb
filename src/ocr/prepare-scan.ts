import type { Edge } from '../pdf/types.ts';
import { despeckle, faintLevel, lineInk, normalizeBackground, putBackFaintMarks, threshold, whitenPaper } from './binarize.ts';
import { dropGrain, grainPixels, smoothGrain } from './denoise.ts';
import { detectRules, eraseRules, ruleOptionsForDpi, segmentsToEdges, type RuleSegment } from './detect-rules.ts';
import { estimateSkew, MIN_CORRECTED_SKEW_DEG, rotateGray } from './deskew.ts';
import type { Bitmap, GrayImage } from './gray-image.ts';
import { whitenScanMargins } from './scan-margins.ts';

/** A faint piece at least this wide or tall (inches; 5 px at 200 dpi) is a mark, not a speck: a 。 of a 7 pt face is 0.035 in. */
const FAINT_MARK_SPAN_IN = 0.025;

/** A page image made ready for OCR: straightened, binarized, its rules found and taken out. */
export interface ScannedPage {
  pageNumber: number;
  /** Page size in PDF points. */
  width: number;
  height: number;
  /** Pixels per inch of the image; pixels per point is dpi / 72. */
  dpi: number;
  /** The skew the page was straightened by, degrees (positive: the scan was turned clockwise); 0 when too small to correct. */
  skew: number;
  /** Clockwise quarter turns the page image was given before it was straightened (a page scanned sideways or upside down); 0 when none. */
  quarterTurns?: number;
  /** The straightened page, paper whitened, rules erased: what the OCR engine reads. */
  text: GrayImage;
  /** Ink of `text`: the text alone. */
  ink: Bitmap;
  /** The rules found, in pixels of the straightened page. */
  rules: RuleSegment[];
  /** The same rules in page space (points, top-left origin), for the shared table code. */
  edges: Edge[];
}

/**
 * Straighten and clean a page image: whiten the scanner's dark margins, flatten the paper,
 * smooth a grainy scan, estimate the skew from the long rules and turn the page back, binarize
 * (Otsu) and despeckle (faint marks of their own kept, or on a grainy page the grain dropped),
 * find the rules and erase them from the image the OCR engine will read. Page size in points;
 * `dpi` of the image.
 */
export function prepareScan(gray: GrayImage, page: { pageNumber: number; width: number; height: number }, dpi: number): ScannedPage {
  const smoothed = smoothGrain(normalizeBackground(whitenScanMargins(gray), Math.max(16, Math.round(dpi / 6))));
  let flat = smoothed.image;
  const level = smoothed.level;
  const unturned = smoothed.dark;
  const found = estimateSkew(unturned, { minRun: Math.round(dpi * 0.1) });
  const skew = Math.abs(found) >= MIN_CORRECTED_SKEW_DEG ? found : 0;
  if (skew !== 0) flat = rotateGray(flat, -skew);
  const dark = skew !== 0 ? threshold(flat, level) : unturned;
  const faint = faintLevel(level);
  const ink = despeckle(dark);
  const grainy = smoothed.passes > 0;
  // on a grainy page a faint mark of its own cannot be told from grain
  if (!grainy) putBackFaintMarks(dark, ink, { gray: flat, level: faint }, Math.round(dpi * FAINT_MARK_SPAN_IN));
  const rules = detectRules(ink, ruleOptionsForDpi(dpi), { h: lineInk(flat, level, 'h'), v: lineInk(flat, level, 'v') });
  let text = whitenPaper(flat, ink, faint);
  // a grainy rule's ragged edges are erased with it; then the grain goes, and with it, from the
  // image the engine reads, all but the ink left and its rim
  const ruleGrow = grainy ? 2 : 1;
  eraseRules(text.data, text.width, text.height, rules, 255, ruleGrow);
  eraseRules(ink.data, ink.width, ink.height, rules, 0, ruleGrow);
  if (grainy) {
    dropGrain(ink, grainPixels(dpi));
    text = whitenPaper(text, ink);
  }
  return { ...page, dpi, skew, text, ink, rules, edges: segmentsToEdges(rules, dpi / 72) };
}
