import type { Edge, PageChar, PageContent } from '../../src/pdf/types.ts';

/** Glyphs of a string laid left to right: CJK a full em wide, ASCII half. */
export function charsAt(text: string, x: number, baseline: number, size = 10): PageChar[] {
  const out: PageChar[] = [];
  for (const ch of text) {
    const w = ch.charCodeAt(0) < 0x2e80 ? size / 2 : size;
    out.push({ text: ch, box: [x, baseline - 0.88 * size, x + w, baseline + 0.12 * size], baseline, size, upright: true });
    x += w;
  }
  return out;
}

export const hLine = (y: number, x0: number, x1: number): Edge => ({ orientation: 'h', position: y, start: x0, end: x1 });
export const vLine = (x: number, y0: number, y1: number): Edge => ({ orientation: 'v', position: x, start: y0, end: y1 });

/** Ruled grid lines for a table whose rows and columns lie at the given coordinates (no merges). */
export function gridEdges(xs: number[], ys: number[]): Edge[] {
  const x0 = xs[0]!;
  const x1 = xs[xs.length - 1]!;
  const y0 = ys[0]!;
  const y1 = ys[ys.length - 1]!;
  return [...ys.map((y) => hLine(y, x0, x1)), ...xs.map((x) => vLine(x, y0, y1))];
}

export const page = (chars: PageChar[], edges: Edge[], pageNumber = 1): PageContent => ({
  pageNumber,
  width: 595,
  height: 842,
  chars,
  edges,
});
