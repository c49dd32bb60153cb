/** A box in PDF points with the origin at the page's top-left: [x0, y0, x1, y1], x0 <= x1, y0 <= y1. */
export type Box = [x0: number, y0: number, x1: number, y1: number];

export const boxWidth = (b: Box): number => b[2] - b[0];
export const boxHeight = (b: Box): number => b[3] - b[1];
export const boxCenter = (b: Box): [number, number] => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];

/** The smallest box holding all of the given boxes. */
export function unionBoxes(boxes: readonly Box[]): Box {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    x0 = Math.min(x0, b[0]);
    y0 = Math.min(y0, b[1]);
    x1 = Math.max(x1, b[2]);
    y1 = Math.max(y1, b[3]);
  }
  return [x0, y0, x1, y1];
}

/** Round to 0.1 pt so that output stays stable across runs and platforms. */
export const roundBox = (b: Box): Box => b.map((v) => Math.round(v * 10) / 10) as Box;
