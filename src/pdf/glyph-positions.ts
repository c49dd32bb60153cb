import type { Box } from '../geometry.ts';
import type { TextState } from './graphics-state.ts';
import { apply, multiply, type Matrix } from './matrix.ts';
import type { PageChar } from './types.ts';

/** Glyph box above the baseline, as a fraction of the font size. */
export const GLYPH_ASCENT = 0.88;
/** Glyph box below the baseline, as a fraction of the font size. */
export const GLYPH_DESCENT = 0.12;
/** A glyph whose x axis turns by more than this (|b| / |a|) is not upright. */
const UPRIGHT_SLOPE = 0.01;

/** A glyph of a pdf.js showText argument (the fields we read). */
export interface PdfjsGlyph {
  unicode: string;
  width: number;
  isSpace: boolean;
  vmetric?: number[] | null;
}

/** What pdf.js 6 gives as the argument of showText: glyphs, and numbers (TJ adjustments, 1/1000 em). */
export type GlyphRun = ReadonlyArray<PdfjsGlyph | number>;

/**
 * Place the glyphs of one showText op, as pdf.js's canvas `showText` / `showType3Text` do, and
 * advance the text state's current point.
 *
 * `base` maps user space to page space (viewport transform × CTM). A glyph's box spans its own
 * advance width (w0 · Tfs · Th, without Tc / Tw, which are the gap after it) and from
 * GLYPH_ASCENT above to GLYPH_DESCENT below the baseline.
 */
export function placeGlyphs(ts: TextState, glyphs: GlyphRun, base: Readonly<Matrix>, out: PageChar[]): void {
  const { font, fontSize, fontDirection } = ts;
  if (fontSize === 0) return; // pdf.js draws nothing and does not move either
  const fm = font.fontMatrix;
  const vertical = font.vertical && !font.isType3;
  const hs = ts.hScale * fontDirection;
  const spacingDir = font.vertical ? 1 : -1;
  // Text space → page space; then the glyph run's own space (x scaled by Th, flipped by a negative Tf).
  const trm = multiply(multiply(base, ts.textMatrix), [1, 0, 0, 1, ts.x, ts.y + ts.rise]);
  const local = multiply(trm, [hs, 0, 0, fontDirection, 0, 0]);
  const size = fontSize * Math.hypot(trm[2], trm[3]);
  const upright = !vertical && local[0] > 0 && local[3] < 0 && Math.abs(local[1]) <= UPRIGHT_SLOPE * local[0];
  const widthScale = fontSize * fm[0];
  const top = GLYPH_ASCENT * fontSize;
  const bottom = -GLYPH_DESCENT * fontSize;

  const emit = (text: string, x0: number, x1: number, originY: number) => {
    if (!text) return;
    if (upright) {
      const [px0, baseline] = apply(local, x0, originY);
      const [px1] = apply(local, x1, originY);
      const box: Box = [Math.min(px0, px1), baseline - GLYPH_ASCENT * size, Math.max(px0, px1), baseline + GLYPH_DESCENT * size];
      out.push({ text, box, baseline, size, upright: true });
      return;
    }
    const corners = [apply(local, x0, originY + bottom), apply(local, x1, originY + bottom), apply(local, x0, originY + top), apply(local, x1, originY + top)];
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    const [, baseline] = apply(local, x0, originY);
    out.push({ text, box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], baseline, size, upright: false });
  };

  let x = 0;
  if (font.invalid) {
    // pdf.js draws the run as one string at the current point and moves by the summed widths.
    for (const g of glyphs) {
      if (typeof g === 'number') continue;
      const w = g.width * widthScale;
      emit(g.unicode, x, x + w, 0);
      x += w;
    }
    ts.x += x * hs;
    return;
  }

  for (const g of glyphs) {
    if (typeof g === 'number') {
      x += (spacingDir * g * fontSize) / 1000;
      continue;
    }
    const spacing = (g.isSpace ? ts.wordSpacing : 0) + ts.charSpacing;
    if (font.isType3) {
      // showType3Text: width = (fontMatrix applied to [w, 0]).x · size + spacing.
      const w = (g.width * fm[0] + fm[4]) * fontSize;
      emit(g.unicode, x, x + w, 0);
      x += w + spacing;
    } else if (vertical) {
      const vm = g.vmetric ?? font.defaultVMetrics ?? [-1000, g.width / 2, 880];
      const vx = -(g.vmetric ? (vm[1] ?? 0) : g.width * 0.5) * widthScale;
      const vy = (vm[2] ?? 880) * widthScale;
      const advance = -(vm[0] ?? -1000);
      // pdf.js draws the glyph at (vx, x + vy) in its y-down glyph space: y-up origin is -(x + vy).
      emit(g.unicode, vx, vx + g.width * widthScale, -(x + vy));
      x += advance * widthScale - spacing * fontDirection;
    } else {
      const w = g.width * widthScale;
      emit(g.unicode, x, x + w, 0);
      x += w + spacing * fontDirection;
    }
  }
  if (vertical) ts.y -= x;
  else ts.x += x * hs;
}
