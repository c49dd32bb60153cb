import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { apply, IDENTITY, multiply, toMatrix, type Matrix } from './matrix.ts';
import { AnnotationMode, OPS } from './pdfjs.ts';

/** An opaque image as pdf.js decoded it: 1 bit a pixel (rows of whole bytes, 1 = white) or RGB (pdf.js's ImageKind 1 and 2). */
export interface DecodedImage {
  width: number;
  height: number;
  kind: 1 | 2;
  data: Uint8Array | Uint8ClampedArray;
}

/** How far (canvas pixels) the image's edges may lie from the canvas's: less than a pixel, as between a page's size in points and its whole pixels. */
const EDGE_TOLERANCE_PX = 1;
/** Text drawn in this render mode paints nothing (the invisible text layer of a searchable scan). */
const INVISIBLE_TEXT = 3;

/** Operators that only set state the image ignores (colours, line style, text positioning, marked content). */
const STATE_OPS = new Set<number>([
  OPS.dependency, OPS.setLineWidth, OPS.setLineCap, OPS.setLineJoin, OPS.setMiterLimit, OPS.setDash, OPS.setRenderingIntent, OPS.setFlatness,
  OPS.beginText, OPS.endText, OPS.setCharSpacing, OPS.setWordSpacing, OPS.setHScale, OPS.setLeading, OPS.setFont, OPS.setTextRise, OPS.moveText,
  OPS.setLeadingMoveText, OPS.setTextMatrix, OPS.nextLine, OPS.setCharWidth, OPS.setCharWidthAndBounds,
  OPS.setStrokeColorSpace, OPS.setFillColorSpace, OPS.setStrokeColor, OPS.setStrokeColorN, OPS.setFillColor, OPS.setFillColorN,
  OPS.setStrokeGray, OPS.setFillGray, OPS.setStrokeRGBColor, OPS.setFillRGBColor, OPS.setStrokeCMYKColor, OPS.setFillCMYKColor,
  OPS.setStrokeTransparent, OPS.setFillTransparent, OPS.beginMarkedContent, OPS.endMarkedContent, OPS.markPoint, OPS.markPointProps,
  OPS.beginCompat, OPS.endCompat,
]);
const SHOW_TEXT_OPS = new Set<number>([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText]);
/** ExtGState entries that leave an opaque image as it is. */
const PLAIN_GSTATE_KEYS = new Set(['LW', 'LC', 'LJ', 'ML', 'D', 'RI', 'FL', 'Font', 'SA', 'OP', 'op', 'OPM']);

/**
 * The pixels of a page that is nothing but one image drawn over all of it (a scan), as pdf.js
 * decoded them for the page's operator list, when they stand 1:1 for the page rendered at
 * `dpi`: drawing the page would only copy them (give or take a fraction of a pixel of scale).
 * pdf.js decodes images in JavaScript, once for the operator list (read-page.ts asks for the
 * same one, so it is cached) and again for every render: taking them from here saves a decode
 * and the canvas. Null for any other page — more or other marks drawn (visible text, paths,
 * masks, annotations, groups, clips, forms, transparency), the image turned (/Rotate) or
 * flipped, not covering the page, another resolution, with a soft mask (RGBA), or not decoded
 * to plain pixels — which must be rendered.
 */
export async function fullPageImage(page: PDFPageProxy, dpi: number): Promise<DecodedImage | null> {
  const viewport = page.getViewport({ scale: dpi / 72 });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const vp = toMatrix(viewport.transform);
  if (!vp) return null;
  const { fnArray, argsArray } = await page.getOperatorList({ annotationMode: AnnotationMode.ENABLE });
  const placed = soleImage(fnArray, argsArray as unknown[][]);
  if (!placed) return null;
  const m = multiply(vp, placed.ctm);
  // the unit square, upright: image row 0 at the top (d < 0 on a canvas whose y goes down)
  if (Math.abs(m[1]) > 1e-6 || Math.abs(m[2]) > 1e-6 || m[0] <= 0 || m[3] >= 0) return null;
  const [x0, y0] = apply(m, 0, 1);
  const [x1, y1] = apply(m, 1, 0);
  const image = await decoded(page, placed.objId);
  if (!image) return null;
  const fits = (v: number, target: number) => Math.abs(v - target) <= EDGE_TOLERANCE_PX;
  const covers = Math.abs(x0) <= EDGE_TOLERANCE_PX / 2 && Math.abs(y0) <= EDGE_TOLERANCE_PX / 2 && fits(x1, image.width) && fits(y1, image.height);
  if (!covers || !fits(image.width, width) || !fits(image.height, height)) return null;
  return image;
}

/** The one image a page's operator list paints and the CTM it is painted with; null when the list paints anything else. */
function soleImage(fnArray: readonly number[], argsArray: readonly unknown[][]): { objId: string; ctm: Matrix } | null {
  let ctm: Matrix = [...IDENTITY];
  let textMode = 0;
  const stack: Array<{ ctm: Matrix; textMode: number }> = [];
  let found: { objId: string; ctm: Matrix } | null = null;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] ?? [];
    if (STATE_OPS.has(fn)) continue;
    switch (fn) {
      case OPS.save:
        stack.push({ ctm, textMode });
        break;
      case OPS.restore:
        ({ ctm, textMode } = stack.pop() ?? { ctm, textMode });
        break;
      case OPS.transform: {
        const t = toMatrix(args);
        if (!t) return null;
        ctm = multiply(ctm, t);
        break;
      }
      case OPS.setTextRenderingMode:
        textMode = typeof args[0] === 'number' ? args[0] : 0;
        break;
      case OPS.setGState:
        if (!plainGState(args[0])) return null;
        break;
      case OPS.beginMarkedContentProps:
        if (args[0] === 'OC') return null; // optional content: the image may be hidden
        break;
      case OPS.paintImageXObject:
        if (found || typeof args[0] !== 'string') return null;
        found = { objId: args[0], ctm };
        break;
      default:
        if (SHOW_TEXT_OPS.has(fn) && textMode === INVISIBLE_TEXT) break;
        return null;
    }
  }
  return found;
}

/** Whether a setGState's entries ([key, value] pairs) leave the image as drawn. */
function plainGState(entries: unknown): boolean {
  return Array.isArray(entries) && entries.every((e) => Array.isArray(e) && PLAIN_GSTATE_KEYS.has(String(e[0])));
}

/** The decoded pixels pdf.js holds for an image (page objects, or the document's for an image shared by pages), or null. */
async function decoded(page: PDFPageProxy, objId: string): Promise<DecodedImage | null> {
  const objs = objId.startsWith('g_') ? page.commonObjs : page.objs;
  // the operator list can be complete before the image it names has arrived
  const data = await new Promise<unknown>((resolve) => objs.get(objId, resolve));
  if (!data || typeof data !== 'object') return null;
  const { width, height, kind, data: pixels, bitmap } = data as { width?: unknown; height?: unknown; kind?: unknown; data?: unknown; bitmap?: unknown };
  if (bitmap || typeof width !== 'number' || typeof height !== 'number' || width <= 0 || height <= 0) return null;
  if (!(pixels instanceof Uint8Array || pixels instanceof Uint8ClampedArray)) return null;
  if (kind !== 1 && kind !== 2) return null;
  const rowBytes = kind === 1 ? (width + 7) >> 3 : 3 * width;
  if (pixels.length < rowBytes * height) return null;
  return { width, height, kind, data: pixels };
}
