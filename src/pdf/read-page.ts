import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AnnotationMode, OPS } from './pdfjs.ts';
import { ExtractError } from '../errors.ts';
import { placeGlyphs, type GlyphRun } from './glyph-positions.ts';
import {
  cloneState,
  FALLBACK_FONT,
  initialState,
  isInk,
  isVisible,
  parseCmyk,
  parseGray,
  parseRgb,
  type FontInfo,
  type GraphicsState,
} from './graphics-state.ts';
import { apply, IDENTITY, multiply, toMatrix, type Matrix } from './matrix.ts';
import { pathEdges } from './path-to-edges.ts';
import type { Edge, PageChar, PageContent, PageImage } from './types.ts';

/** Glyphs and rules may stick out of the page by this much (pt) and still count. */
const PAGE_MARGIN_PT = 1;

/** The font object pdf.js keeps for a loaded font id (fields read with fontExtraProperties on). */
function fontInfo(page: PDFPageProxy, fontId: unknown, cache: Map<string, FontInfo>): FontInfo {
  if (typeof fontId !== 'string') return FALLBACK_FONT;
  const cached = cache.get(fontId);
  if (cached) return cached;
  let info = FALLBACK_FONT;
  try {
    const f = page.commonObjs.get(fontId) as Record<string, unknown> | null;
    if (f) {
      const fm = toMatrix(f.fontMatrix);
      const dvm = f.defaultVMetrics as unknown;
      info = {
        fontMatrix: fm && fm[0] !== 0 ? fm : FALLBACK_FONT.fontMatrix,
        vertical: f.vertical === true,
        isType3: f.isType3Font === true,
        invalid: f.isInvalidPDFjsFont === true,
        defaultVMetrics: Array.isArray(dvm) && dvm.length >= 3 ? (dvm.slice(0, 3) as [number, number, number]) : null,
      };
    }
  } catch {
    // a font pdf.js failed to load: measure with the default 1/1000 glyph space
  }
  cache.set(fontId, info);
  return info;
}

async function operatorList(page: PDFPageProxy): Promise<{ fnArray: number[]; argsArray: unknown[] }> {
  try {
    // ENABLE (getOperatorList's default, stated so it stays; render()'s default ENABLE_FORMS would
    // leave form-field widgets to an HTML layer): widgets are drawn into the operator list from
    // their appearance streams, so filled-in AcroForm values are read like any other text.
    return await page.getOperatorList({ annotationMode: AnnotationMode.ENABLE });
  } catch (e) {
    throw new ExtractError('PDF_INVALID', `page ${page.pageNumber} could not be read: ${(e as Error)?.message ?? String(e)}. The PDF may be damaged; re-export it from the program that made it.`, { cause: e });
  }
}

/**
 * Every glyph (with its box) and every ruling line of a page, in page space: PDF points with
 * the origin at the top-left of the page as displayed (/Rotate and the crop box applied).
 * Walks the operator list once, tracking the CTM and text state like pdf.js's canvas renderer.
 */
export async function readPage(page: PDFPageProxy): Promise<PageContent> {
  const viewport = page.getViewport({ scale: 1 });
  const vp = toMatrix(viewport.transform) ?? [...IDENTITY];
  const { fnArray, argsArray } = await operatorList(page);
  const fonts = new Map<string, FontInfo>();
  const chars: PageChar[] = [];
  const edges: Edge[] = [];
  const images: PageImage[] = [];

  let state = initialState();
  const stack: GraphicsState[] = [];
  const save = () => stack.push(cloneState(state));
  const restore = () => {
    const prev = stack.pop();
    if (prev) state = prev;
  };
  const transform = (m: Matrix | null) => {
    if (m) state.ctm = multiply(state.ctm, m);
  };
  const setFont = (fontId: unknown, size: unknown) => {
    const t = state.text;
    t.font = fontInfo(page, fontId, fonts);
    const s = typeof size === 'number' && Number.isFinite(size) ? size : 0;
    t.fontSize = Math.abs(s);
    t.fontDirection = s < 0 ? -1 : 1;
  };
  const moveText = (x: unknown, y: unknown) => {
    const t = state.text;
    t.x = t.lineX += typeof x === 'number' ? x : 0;
    t.y = t.lineY += typeof y === 'number' ? y : 0;
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = (argsArray[i] ?? []) as unknown[];
    const t = state.text;
    switch (fn) {
      case OPS.save:
        save();
        break;
      case OPS.restore:
        restore();
        break;
      case OPS.transform:
        transform(toMatrix(args));
        break;
      case OPS.paintFormXObjectBegin: // args [matrix | null, bbox | null]
        save();
        transform(toMatrix(args[0]));
        break;
      case OPS.paintFormXObjectEnd:
        restore();
        break;
      case OPS.beginGroup: // the canvas draws the group with the CTM it has (the form's matrix follows)
        save();
        break;
      case OPS.endGroup:
        restore();
        break;
      case OPS.beginAnnotation: {
        // args [id, rect, transform, matrix, hasOwnCanvas]: a fresh state, CTM = page base × transform × matrix
        save();
        state = initialState();
        transform(toMatrix(args[2]));
        transform(toMatrix(args[3]));
        break;
      }
      case OPS.endAnnotation:
        restore();
        break;
      case OPS.setGState:
        for (const entry of (Array.isArray(args[0]) ? args[0] : []) as unknown[]) {
          if (!Array.isArray(entry)) continue;
          const [key, value] = entry as [unknown, unknown];
          if (key === 'ca' && typeof value === 'number') state.fillAlpha = value;
          else if (key === 'CA' && typeof value === 'number') state.strokeAlpha = value;
          else if (key === 'Font' && Array.isArray(value)) setFont(value[0], value[1]);
        }
        break;
      case OPS.setFillRGBColor:
      case OPS.setFillColor:
        state.fill = parseRgb(args);
        break;
      case OPS.setFillGray:
        state.fill = parseGray(args);
        break;
      case OPS.setFillCMYKColor:
        state.fill = parseCmyk(args);
        break;
      case OPS.setFillColorN: // a pattern (plain colours arrive as setFillRGBColor)
        state.fill = typeof args[0] === 'string' && args[0].startsWith('#') ? parseRgb(args) : { kind: 'pattern' };
        break;
      case OPS.setFillTransparent:
        state.fill = { kind: 'transparent' };
        break;
      case OPS.setStrokeRGBColor:
      case OPS.setStrokeColor:
        state.stroke = parseRgb(args);
        break;
      case OPS.setStrokeGray:
        state.stroke = parseGray(args);
        break;
      case OPS.setStrokeCMYKColor:
        state.stroke = parseCmyk(args);
        break;
      case OPS.setStrokeColorN:
        state.stroke = typeof args[0] === 'string' && args[0].startsWith('#') ? parseRgb(args) : { kind: 'pattern' };
        break;
      case OPS.setStrokeTransparent:
        state.stroke = { kind: 'transparent' };
        break;
      case OPS.beginText:
        t.textMatrix = [...IDENTITY];
        t.x = t.y = t.lineX = t.lineY = 0;
        break;
      case OPS.setFont:
        setFont(args[0], args[1]);
        break;
      case OPS.setCharSpacing:
        t.charSpacing = typeof args[0] === 'number' ? args[0] : 0;
        break;
      case OPS.setWordSpacing:
        t.wordSpacing = typeof args[0] === 'number' ? args[0] : 0;
        break;
      case OPS.setHScale:
        t.hScale = typeof args[0] === 'number' ? args[0] / 100 : 1;
        break;
      case OPS.setLeading:
        t.leading = typeof args[0] === 'number' ? -args[0] : 0;
        break;
      case OPS.setTextRise:
        t.rise = typeof args[0] === 'number' ? args[0] : 0;
        break;
      case OPS.setTextRenderingMode:
        t.renderMode = typeof args[0] === 'number' ? args[0] : 0;
        break;
      case OPS.setTextMatrix: {
        // pdf.js 6: args [matrix]; older versions spread the six numbers
        const m = toMatrix(args[0]) ?? toMatrix(args);
        if (m) t.textMatrix = m;
        t.x = t.y = t.lineX = t.lineY = 0;
        break;
      }
      case OPS.moveText:
        moveText(args[0], args[1]);
        break;
      case OPS.setLeadingMoveText:
        t.leading = typeof args[1] === 'number' ? args[1] : 0;
        moveText(args[0], args[1]);
        break;
      case OPS.nextLine:
        moveText(0, t.leading);
        break;
      case OPS.showText:
      case OPS.showSpacedText: // pdf.js folds TJ into showText; kept in case it does not
        if (Array.isArray(args[0])) placeGlyphs(t, args[0] as GlyphRun, multiply(vp, state.ctm), chars);
        break;
      case OPS.constructPath: {
        // pdf.js 6: args [paintOp, [pathData | null], minMax | null]; pathData uses DrawOPS codes in user space
        const [paintOp, holder] = args as [unknown, unknown];
        const data = Array.isArray(holder) ? (holder[0] as ArrayLike<number> | null) : null;
        if (typeof paintOp !== 'number' || !data || typeof data.length !== 'number') break;
        const paint = { strokeVisible: isVisible(state.stroke, state.strokeAlpha), fillInk: isInk(state.fill, state.fillAlpha) };
        edges.push(...pathEdges(paintOp, data, multiply(vp, state.ctm), paint));
        break;
      }
      case OPS.paintImageXObject: // args [objId, width, height]
      case OPS.paintInlineImageXObject: // args [imgData {width, height}]
      case OPS.paintImageMaskXObject:
        images.push(imageOnPage(args, multiply(vp, state.ctm)));
        break;
      default:
        break;
    }
  }

  const width = viewport.width;
  const height = viewport.height;
  return {
    pageNumber: page.pageNumber,
    width,
    height,
    chars: chars.filter((c) => onPage((c.box[0] + c.box[2]) / 2, (c.box[1] + c.box[3]) / 2, width, height)),
    edges: clipEdges(edges, width, height),
    images,
  };
}

/** An image op's unit square mapped to page space, and the pixel size its arguments give. */
function imageOnPage(args: readonly unknown[], m: Readonly<Matrix>): PageImage {
  const corners = [apply(m, 0, 0), apply(m, 1, 0), apply(m, 0, 1), apply(m, 1, 1)];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const size = (v: unknown): [number, number] | null =>
    v && typeof v === 'object' && typeof (v as { width?: unknown }).width === 'number' && typeof (v as { height?: unknown }).height === 'number'
      ? [(v as { width: number }).width, (v as { height: number }).height]
      : null;
  const [pixelWidth, pixelHeight] =
    typeof args[1] === 'number' && typeof args[2] === 'number' ? [args[1], args[2]] : (size(args[0]) ?? [0, 0]);
  return { box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], pixelWidth, pixelHeight };
}

const onPage = (x: number, y: number, width: number, height: number): boolean =>
  x >= -PAGE_MARGIN_PT && x <= width + PAGE_MARGIN_PT && y >= -PAGE_MARGIN_PT && y <= height + PAGE_MARGIN_PT;

/** pdf.js hands path data over as Float32Array: round its noise (100.4000015) away. */
const round = (n: number): number => Math.round(n * 1000) / 1000;

/** Drop rules off the page (cropped away) and cut the rest at the page border. */
function clipEdges(edges: readonly Edge[], width: number, height: number): Edge[] {
  const out: Edge[] = [];
  for (const e of edges) {
    const [across, along] = e.orientation === 'h' ? [height, width] : [width, height];
    if (e.position < -PAGE_MARGIN_PT || e.position > across + PAGE_MARGIN_PT) continue;
    const start = Math.max(0, e.start);
    const end = Math.min(along, e.end);
    if (end - start <= 0) continue;
    out.push({ orientation: e.orientation, position: round(e.position), start: round(start), end: round(end) });
  }
  return out;
}
