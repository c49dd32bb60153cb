import type { Box } from '../geometry.ts';

/** One glyph drawn on the page, as the text layer names it. */
export interface PageChar {
  /** The Unicode text of the glyph (usually one code point; ligatures may give more). */
  text: string;
  /** Glyph box in page space (points, top-left origin): advance width by font size ascent/descent. */
  box: Box;
  /** y of the baseline in page space. */
  baseline: number;
  /** Effective font size in points (text matrix and CTM applied). */
  size: number;
  /** false when the glyph is rotated or vertical: such text is kept but not laid out in lines. */
  upright: boolean;
  /** OCR confidence in 0..1; absent for glyphs from a PDF text layer. */
  confidence?: number;
}

/** An axis-aligned ruling line in page space: a horizontal one at y = position from x = start to end. */
export interface Edge {
  orientation: 'h' | 'v';
  /** y for a horizontal edge, x for a vertical one. */
  position: number;
  start: number;
  end: number;
}

/** An image painted on the page (a scan, a logo): where, and how many pixels it holds. */
export interface PageImage {
  /** The image's box in page space (points, top-left origin). */
  box: Box;
  /** Its own size in pixels (0 when pdf.js does not say). */
  pixelWidth: number;
  pixelHeight: number;
}

/** Everything the table reconstructor needs from one page. */
export interface PageContent {
  /** 1-based. */
  pageNumber: number;
  width: number;
  height: number;
  chars: PageChar[];
  edges: Edge[];
  /** Images painted on the page (read from the operator list; absent for pages made otherwise, e.g. by OCR). */
  images?: PageImage[];
}
