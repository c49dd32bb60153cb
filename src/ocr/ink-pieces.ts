import { clampRect, type Bitmap, type PixelRect } from './gray-image.ts';

/** One 8-connected piece of ink: its id in the label image, its box (page pixels) and size. */
export interface InkPiece {
  id: number;
  box: PixelRect;
  pixels: number;
}

/** The pieces of ink inside a rectangle of a bitmap, and their label image (to look at their shapes). */
export interface LabeledInk {
  /** The rectangle, clamped to the bitmap: the label image covers it. */
  rect: PixelRect;
  /** For each pixel of `rect`, row by row, the id of the piece it belongs to, or -1 for paper. */
  label: Int32Array;
  /** In the order their first pixel is met, row by row. */
  pieces: InkPiece[];
}

/** The 8-connected pieces of ink inside a rectangle of a bitmap. */
export function labelInk(ink: Bitmap, rect: PixelRect): LabeledInk {
  const [x0, y0, x1, y1] = clampRect(rect, ink.width, ink.height);
  const w = x1 - x0;
  const h = y1 - y0;
  const label = new Int32Array(w * h).fill(-1);
  const pieces: InkPiece[] = [];
  const stack: number[] = [];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (label[y * w + x] !== -1 || !ink.data[(y + y0) * ink.width + x + x0]) continue;
      const id = pieces.length;
      let [bx0, by0, bx1, by1, n] = [x, y, x, y, 0];
      label[y * w + x] = id;
      stack.push(y * w + x);
      while (stack.length > 0) {
        const p = stack.pop()!;
        const px = p % w;
        const py = (p - px) / w;
        n++;
        if (px < bx0) bx0 = px;
        if (px > bx1) bx1 = px;
        if (py < by0) by0 = py;
        if (py > by1) by1 = py;
        for (let dy = -1; dy <= 1; dy++) {
          const ny = py + dy;
          if (ny < 0 || ny >= h) continue;
          for (let dx = -1; dx <= 1; dx++) {
            const nx = px + dx;
            if (nx < 0 || nx >= w || label[ny * w + nx] !== -1 || !ink.data[(ny + y0) * ink.width + nx + x0]) continue;
            label[ny * w + nx] = id;
            stack.push(ny * w + nx);
          }
        }
      }
      pieces.push({ id, box: [bx0 + x0, by0 + y0, bx1 + 1 + x0, by1 + 1 + y0], pixels: n });
    }
  }
  return { rect: [x0, y0, x1, y1], label, pieces };
}
