import { IDENTITY, type Matrix } from './matrix.ts';

/** What the reader needs of a pdf.js font object (`page.commonObjs.get(fontId)`). */
export interface FontInfo {
  /** Glyph space → text space; widths are multiplied by fontMatrix[0]. */
  fontMatrix: Matrix;
  vertical: boolean;
  isType3: boolean;
  /** pdf.js could not parse the font: it draws the whole run at once from summed widths. */
  invalid: boolean;
  /** [w1y, vx, vy] in glyph units, used for vertical fonts when a glyph has no own vmetric. */
  defaultVMetrics: [number, number, number] | null;
}

export const FALLBACK_FONT: FontInfo = {
  fontMatrix: [0.001, 0, 0, 0.001, 0, 0],
  vertical: false,
  isType3: false,
  invalid: false,
  defaultVMetrics: null,
};

/** Text state parameters, as pdf.js's canvas renderer keeps them (`CanvasExtraState`). */
export interface TextState {
  font: FontInfo;
  /** Absolute Tf size; a negative Tf size flips the glyphs (fontDirection -1). */
  fontSize: number;
  fontDirection: 1 | -1;
  charSpacing: number;
  wordSpacing: number;
  /** Tz / 100. */
  hScale: number;
  /** pdf.js keeps the leading negated: TL 12 → -12, so that T* is moveText(0, leading). */
  leading: number;
  rise: number;
  renderMode: number;
  /** Tm as set by the last Tm operator (identity after BT). */
  textMatrix: Matrix;
  /** The current point and line start, in the space of textMatrix. */
  x: number;
  y: number;
  lineX: number;
  lineY: number;
}

/**
 * Paint of fills or strokes: a CSS hex colour (pdf.js 6 turns every colour operator into
 * setFillRGBColor/setStrokeRGBColor with "#rrggbb"), a pattern, or nothing at all.
 */
export type Paint = { kind: 'rgb'; r: number; g: number; b: number } | { kind: 'pattern' } | { kind: 'transparent' };

export interface GraphicsState {
  /** User space → default user space (PDF points, bottom-left origin) — the CTM. */
  ctm: Matrix;
  fill: Paint;
  stroke: Paint;
  fillAlpha: number;
  strokeAlpha: number;
  text: TextState;
}

export function initialState(): GraphicsState {
  return {
    ctm: [...IDENTITY],
    fill: { kind: 'rgb', r: 0, g: 0, b: 0 },
    stroke: { kind: 'rgb', r: 0, g: 0, b: 0 },
    fillAlpha: 1,
    strokeAlpha: 1,
    text: {
      font: FALLBACK_FONT,
      fontSize: 0,
      fontDirection: 1,
      charSpacing: 0,
      wordSpacing: 0,
      hScale: 1,
      leading: 0,
      rise: 0,
      renderMode: 0,
      textMatrix: [...IDENTITY],
      x: 0,
      y: 0,
      lineX: 0,
      lineY: 0,
    },
  };
}

/** A copy for `save` (pdf.js clones the whole state, text state included). */
export function cloneState(s: GraphicsState): GraphicsState {
  return {
    ...s,
    ctm: [...s.ctm],
    text: { ...s.text, textMatrix: [...s.text.textMatrix] },
  };
}

/** Channels at or above this (0..255) all round count as white: page and cell backgrounds. */
export const NEAR_WHITE_CHANNEL = 240;

/** Parse a colour op argument: "#rrggbb" (pdf.js 6), or r, g, b numbers in 0..255 or 0..1. */
export function parseRgb(args: readonly unknown[]): Paint {
  const [first] = args;
  if (typeof first === 'string') {
    const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(first);
    if (m) return { kind: 'rgb', r: parseInt(m[1]!, 16), g: parseInt(m[2]!, 16), b: parseInt(m[3]!, 16) };
    if (first === 'transparent') return { kind: 'transparent' };
    return { kind: 'pattern' }; // an unknown colour: assume it is ink
  }
  const nums = args.filter((a): a is number => typeof a === 'number');
  if (nums.length >= 3) {
    const scale = nums.slice(0, 3).every((n) => n <= 1) ? 255 : 1;
    return { kind: 'rgb', r: nums[0]! * scale, g: nums[1]! * scale, b: nums[2]! * scale };
  }
  return { kind: 'pattern' };
}

export function parseGray(args: readonly unknown[]): Paint {
  const [g] = args;
  if (typeof g === 'string') return parseRgb(args);
  if (typeof g !== 'number') return { kind: 'pattern' };
  const v = g <= 1 ? g * 255 : g;
  return { kind: 'rgb', r: v, g: v, b: v };
}

export function parseCmyk(args: readonly unknown[]): Paint {
  if (typeof args[0] === 'string') return parseRgb(args);
  const [c, m, y, k] = args.map((a) => (typeof a === 'number' ? (a > 1 ? a / 255 : a) : 0));
  const ch = (v = 0) => 255 * (1 - Math.min(1, v + (k ?? 0)));
  return { kind: 'rgb', r: ch(c), g: ch(m), b: ch(y) };
}

/** Whether paint leaves a mark a reader would take for a rule: not transparent, not white. */
export function isInk(p: Paint, alpha: number): boolean {
  if (alpha <= 0) return false;
  if (p.kind === 'transparent') return false;
  if (p.kind === 'pattern') return true;
  return !(p.r >= NEAR_WHITE_CHANNEL && p.g >= NEAR_WHITE_CHANNEL && p.b >= NEAR_WHITE_CHANNEL);
}

/** Whether paint is drawn at all (a white stroke still separates shaded cells). */
export const isVisible = (p: Paint, alpha: number): boolean => alpha > 0 && p.kind !== 'transparent';
