import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { fullPageImage } from '../pdf/page-image.ts';
import { renderPage } from '../pdf/render-page.ts';
import type { PageContent } from '../pdf/types.ts';
import { decodedToGray, rgbaToGray, turnGray, type GrayImage } from './gray-image.ts';
import { medianConfidence, TURN_MIN_GLYPHS, TURNED_MEDIAN, TURNS_TRIED } from './page-turn.ts';
import { prepareScan, type ScannedPage } from './prepare-scan.ts';
import { readScannedPage } from './read-scanned-page.ts';

/** Pages without a scanned image of their own are rendered at this resolution. */
export const DEFAULT_OCR_DPI = 300;
/** A scan's own resolution is used within these bounds. */
export const MIN_OCR_DPI = 150;
export const MAX_OCR_DPI = 400;
/** Images smaller than this share of the page do not set the resolution (logos, stamps). */
const SCAN_IMAGE_MIN_SHARE = 0.25;

/** The resolution to render a page at: that of the largest image on it (a scan), else 300 dpi. */
export function ocrDpi(page: PageContent): number {
  const area = page.width * page.height;
  let best: { share: number; dpi: number } | null = null;
  for (const im of page.images ?? []) {
    const w = im.box[2] - im.box[0];
    const h = im.box[3] - im.box[1];
    const share = area > 0 ? (w * h) / area : 0;
    if (share < SCAN_IMAGE_MIN_SHARE || im.pixelWidth <= 0 || w <= 0 || h <= 0) continue;
    const dpi = Math.max((im.pixelWidth * 72) / w, (im.pixelHeight * 72) / h);
    if (!best || share > best.share) best = { share, dpi };
  }
  if (!best) return DEFAULT_OCR_DPI;
  return Math.round(Math.min(MAX_OCR_DPI, Math.max(MIN_OCR_DPI, best.dpi)));
}

/**
 * The page as a gray image at `dpi`: a page that is one scanned image is taken from the pixels
 * pdf.js decoded for its operator list (no second decode, no canvas); any other is rendered.
 */
export async function pageGray(page: PDFPageProxy, dpi: number): Promise<GrayImage> {
  const scan = await fullPageImage(page, dpi);
  if (scan) {
    const viewport = page.getViewport({ scale: dpi / 72 });
    return decodedToGray(scan, Math.ceil(viewport.width), Math.ceil(viewport.height));
  }
  const rendered = await renderPage(page, dpi);
  const ctx = rendered.canvas.getContext('2d');
  return rgbaToGray(ctx.getImageData(0, 0, rendered.width, rendered.height).data, rendered.width, rendered.height);
}

/** Turn a page image by quarter turns, straighten and clean it, and read it cell by cell. */
async function readTurned(gray: GrayImage, page: { pageNumber: number; width: number; height: number }, dpi: number, quarterTurns: number) {
  const size = quarterTurns % 2 === 1 ? { ...page, width: page.height, height: page.width } : page;
  const scan: ScannedPage = { ...prepareScan(turnGray(gray, quarterTurns), size, dpi), quarterTurns };
  return { content: await readScannedPage(scan), scan };
}

/**
 * Render a page, straighten and clean it, and read it cell by cell: its content as OCR sees it.
 * A page that reads as nonsense (median confidence under TURNED_MEDIAN) was scanned sideways or
 * upside down: it is read again turned, and the turn that reads best is kept (a nearly blank
 * page is not tried). Content and scan are then those of the turned page (its size too), and
 * `scan.quarterTurns` says by how much.
 */
export async function ocrPage(page: PDFPageProxy, textLayer: PageContent): Promise<{ content: PageContent; scan: ScannedPage }> {
  const dpi = ocrDpi(textLayer);
  const gray = await pageGray(page, dpi);
  const size = { pageNumber: textLayer.pageNumber, width: textLayer.width, height: textLayer.height };
  let best = await readTurned(gray, size, dpi, 0);
  let score = medianConfidence(best.content.chars);
  for (const quarters of TURNS_TRIED) {
    if (score >= TURNED_MEDIAN || best.content.chars.length < TURN_MIN_GLYPHS) break;
    const turned = await readTurned(gray, size, dpi, quarters);
    const turnedScore = medianConfidence(turned.content.chars);
    if (turnedScore > score) [best, score] = [turned, turnedScore];
  }
  return best;
}
