import { createCanvas, type Canvas } from '@napi-rs/canvas';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A page drawn to pixels. `scale` is pixels per PDF point (dpi / 72). */
export interface RenderedPage {
  canvas: Canvas;
  width: number;
  height: number;
  scale: number;
}

/**
 * Draw a page on a white canvas at `dpi` (pdf.js with @napi-rs/canvas, the copy pdfjs-dist uses).
 * Pixel (x, y) is the PDF point (x / scale, y / scale) in top-left page space.
 */
export async function renderPage(page: PDFPageProxy, dpi: number): Promise<RenderedPage> {
  const scale = dpi / 72;
  const viewport = page.getViewport({ scale });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  // pdf.js is typed against the DOM canvas; @napi-rs/canvas implements the part it uses.
  type RenderParams = Parameters<PDFPageProxy['render']>[0];
  await page.render({ canvas, canvasContext: context, viewport } as unknown as RenderParams).promise;
  return { canvas, width, height, scale };
}
