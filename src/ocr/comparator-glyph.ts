import { clampRect, type Bitmap, type PixelRect } from './gray-image.ts';
import { labelInk } from './ink-pieces.ts';

export type Comparator = '≥' | '>' | '≤' | '<';

/** A connected piece of ink: its pixels' rows → [min x, max x] runs, and its box. */
interface Component {
  box: PixelRect;
  pixels: number;
  /** For each row of the box, the runs of ink in it (pairs of x0, x1 inclusive). */
  rows: Array<Array<[number, number]>>;
}

/** The 8-connected components of the ink inside a rectangle, each with its rows' runs. */
function components(ink: Bitmap, rect: PixelRect): Component[] {
  const { rect: [x0, y0, x1], label, pieces } = labelInk(ink, rect);
  const w = x1 - x0;
  return pieces.map(({ id, box, pixels }) => {
    const [bx0, by0, bx1, by1] = [box[0] - x0, box[1] - y0, box[2] - x0, box[3] - y0];
    const rows: Array<Array<[number, number]>> = [];
    for (let ry = by0; ry < by1; ry++) {
      const runs: Array<[number, number]> = [];
      let start = -1;
      for (let rx = bx0; rx <= bx1; rx++) {
        const on = rx < bx1 && label[ry * w + rx] === id;
        if (on && start < 0) start = rx;
        else if (!on && start >= 0) {
          runs.push([start + x0, rx - 1 + x0]);
          start = -1;
        }
      }
      rows.push(runs);
    }
    return { box, pixels, rows };
  });
}

/** Largest distance of points from the straight line through the first and last. */
function bend(points: Array<[number, number]>): number {
  if (points.length < 3) return 0;
  const [ax, ay] = points[0]!;
  const [bx, by] = points[points.length - 1]!;
  const len = Math.hypot(bx - ax, by - ay) || 1;
  return Math.max(...points.map(([x, y]) => Math.abs((bx - ax) * (ay - y) - (ax - x) * (by - ay)) / len));
}

/** The centre of each row's ink (rows without ink are not expected: callers check). */
const rowCentres = (c: Component): Array<[number, number]> => c.rows.map((runs, i) => [(runs[0]![0] + runs[runs.length - 1]![1]) / 2, i]);

/** The row whose centre lies furthest towards `dir` (the first such). */
function tipRow(centres: ReadonlyArray<[number, number]>, dir: 'right' | 'left'): number {
  const sign = dir === 'right' ? 1 : -1;
  let tip = 0;
  centres.forEach(([x], i) => {
    if (sign * x > sign * centres[tip]![0]) tip = i;
  });
  return tip;
}

/**
 * Is this component a chevron, and which way does it point? Every row crosses it once (the
 * tip may merge both arms); the rows' centres run straight out to a tip near the middle height
 * and straight back, from one side of the box to the other. Digits, brackets and ideographs
 * fail one of these.
 */
function chevron(c: Component): 'right' | 'left' | null {
  const w = c.box[2] - c.box[0];
  const h = c.box[3] - c.box[1];
  if (h < 5 || w < 0.4 * h || w > 1.6 * h) return null;
  const split = c.rows.filter((r) => r.length !== 1).length;
  if (split > Math.max(1, 0.12 * h)) return null;
  const centres = rowCentres(c);
  for (const dir of ['right', 'left'] as const) {
    const tip = tipRow(centres, dir);
    if (tip < 0.3 * h || tip > 0.7 * h) continue;
    if (!upperArm(c, centres, dir, tip) || !nearEdge(c, centres[centres.length - 1]![0], dir === 'right' ? 'left' : 'right')) continue;
    if (bend(centres.slice(tip)) > straightness(c)) continue;
    return dir;
  }
  return null;
}

const straightness = (c: Component) => Math.max(1.5, 0.12 * (c.box[2] - c.box[0]));
const nearEdge = (c: Component, x: number, side: 'left' | 'right') => Math.abs(x - (side === 'left' ? c.box[0] : c.box[2] - 1)) <= 0.3 * (c.box[2] - c.box[0]);

/** Whether the rows down to `tip` run straight from the open side of the box to its other side. */
function upperArm(c: Component, centres: ReadonlyArray<[number, number]>, dir: 'right' | 'left', tip: number): boolean {
  const open = dir === 'right' ? 'left' : 'right';
  return nearEdge(c, centres[0]![0], open) && nearEdge(c, centres[tip]![0], dir) && bend(centres.slice(0, tip + 1)) <= straightness(c);
}

/** Ink under a chevron's tip against above it, from this share up, is its lower arm with a bar run in. */
const LOPSIDED = 1.6;

/**
 * Whether the ink below the tip is much more than above (LOPSIDED), over at least as many rows,
 * and reaches back to the open side: a chevron's arms are alike, and a slanted bar run into the
 * lower arm (a Kai face's ⩾, its bar a brush stroke beside the arm, blurred into it) doubles the
 * ink there.
 */
function lopsided(c: Component, centres: ReadonlyArray<[number, number]>, dir: 'right' | 'left', tip: number): boolean {
  // the tip may be several rows at the same reach: they are neither arm's
  let tipEnd = tip;
  while (tipEnd + 1 < centres.length && Math.abs(centres[tipEnd + 1]![0] - centres[tip]![0]) < 1) tipEnd++;
  const above = c.rows.slice(0, tip).reduce((n, r) => n + inkOf(r), 0);
  const below = c.rows.slice(tipEnd + 1).reduce((n, r) => n + inkOf(r), 0);
  return c.rows.length - tipEnd - 1 >= tip && below >= LOPSIDED * above && nearEdge(c, centres[centres.length - 1]![0], dir === 'right' ? 'left' : 'right');
}

/**
 * A chevron whose lower part is not one straight arm but an arm and a slanted bar beside it,
 * apart or run together (lopsided): its upper arm straight from the open side to a tip in the
 * upper two thirds.
 */
function lopsidedChevron(c: Component): 'right' | 'left' | null {
  const w = c.box[2] - c.box[0];
  const h = c.box[3] - c.box[1];
  if (h < 5 || w < 0.4 * h || w > 1.6 * h || c.rows.some((r) => r.length === 0)) return null;
  const centres = rowCentres(c);
  for (const dir of ['right', 'left'] as const) {
    const tip = tipRow(centres, dir);
    // each row of the upper arm crosses it once
    if (tip < 0.25 * h || tip > 0.6 * h || c.rows.slice(0, tip).some((r) => r.length !== 1)) continue;
    if (upperArm(c, centres, dir, tip) && lopsided(c, centres, dir, tip)) return dir;
  }
  return null;
}

/** The component cut to its first `rows` rows. */
function topRows(c: Component, rows: number): Component {
  const kept = c.rows.slice(0, rows).filter((r) => r.length > 0);
  const xs = kept.flat().flat();
  return { box: [Math.min(...xs), c.box[1], Math.max(...xs) + 1, c.box[1] + rows], pixels: kept.flat().reduce((n, [a, b]) => n + b - a + 1, 0), rows: c.rows.slice(0, rows) };
}

const inkOf = (runs: ReadonlyArray<[number, number]>) => runs.reduce((n, [a, b]) => n + b - a + 1, 0);

/**
 * Whether a component ends in a bar: at least two of its last four rows are nearly solid across
 * most of its width (a blurred bar's edge rows, and specks the blur joined below it, are not) —
 * not two legs, as in 六.
 */
function hasBar(c: Component, w: number): boolean {
  const solid = (runs: ReadonlyArray<[number, number]>) => inkOf(runs) >= 0.7 * w && runs[runs.length - 1]![1] - runs[0]![0] + 1 >= 0.75 * w;
  return c.rows.filter((r) => r.length > 0).slice(-4).filter(solid).length >= 2;
}

/**
 * A chevron with its bar run into it (blurred scans): the chevron alone in the top rows, and
 * below it rows that span most of its width.
 */
function barredChevron(c: Component): 'right' | 'left' | null {
  const h = c.box[3] - c.box[1];
  const w = c.box[2] - c.box[0];
  for (const share of [0.8, 0.75, 0.7, 0.65]) {
    const rows = Math.round(h * share);
    if (c.rows.slice(0, rows).some((r) => r.length === 0)) continue;
    const top = topRows(c, rows);
    const dir = chevron(top);
    if (!dir) continue;
    if (hasBar(c, w) && top.box[2] - top.box[0] >= 0.8 * w) return dir;
  }
  return null;
}

/**
 * A chevron with a slanted bar run into its lower arm (⩾ blurred at low resolution): below the
 * tip, rows cross the arm and then the bar beside it (on the tip's side), and the bar runs on
 * below where the arm ends. Without the bar — each split row's run on the open side kept, the
 * rows below the arm's end dropped — it is a chevron. Rows above the middle are never split
 * (a double chevron 》 is).
 */
function slantBarredChevron(c: Component): 'right' | 'left' | null {
  const h = c.box[3] - c.box[1];
  const split = c.rows.map((r, i) => (r.length >= 2 ? i : -1)).filter((i) => i >= 0);
  if (split.length < 2 || split[0]! < 0.35 * h || c.rows.some((r) => r.length === 0)) return null;
  const last = split[split.length - 1]!;
  for (const dir of ['right', 'left'] as const) {
    const rows = c.rows.slice(0, last + 1).map((runs) => (runs.length >= 2 ? [dir === 'right' ? runs[0]! : runs[runs.length - 1]!] : runs));
    const xs = rows.flat().flat();
    const arms: Component = { box: [Math.min(...xs), c.box[1], Math.max(...xs) + 1, c.box[1] + last + 1], pixels: rows.flat().reduce((n, [a, b]) => n + b - a + 1, 0), rows };
    if (arms.box[3] - arms.box[1] >= 0.6 * h && chevron(arms) === dir) return dir;
  }
  return null;
}

/**
 * Which comparator a glyph is, from its shape: a chevron pointing right (`>`) or left (`<`),
 * with a bar under it (`≥`, `≤`, upright or slanted) or without. Looks at the ink inside
 * `rect`; null when its largest piece of ink is not a chevron. A thin face scanned bilevel
 * breaks its one-pixel diagonals where they step two pixels across (an arm in two pieces): when
 * the ink as it is makes no comparator, its gaps of a pixel are bridged and it is looked at again.
 */
export function classifyComparator(ink: Bitmap, rect: PixelRect, minInk = 12): Comparator | null {
  const asIs = comparatorShape(ink, rect, minInk);
  if (asIs || doubleStroked(ink, rect)) return asIs;
  const grownBy1 = bridged(ink, rect);
  return comparatorShape(grownBy1, [0, 0, grownBy1.width, grownBy1.height], minInk, true);
}

/**
 * Whether the upper part of the ink (its top 40%) crosses rows in two strokes, as a double
 * chevron (`《`) does and no comparator does (its bar is below): grown, the two would join into one.
 */
function doubleStroked(ink: Bitmap, rect: PixelRect): boolean {
  const [x0, y0, x1, y1] = clampRect(rect, ink.width, ink.height);
  const rows: number[] = [];
  for (let y = y0; y < y1; y++) {
    let runs = 0;
    for (let x = x0; x < x1; x++) if (ink.data[y * ink.width + x] && (x === x0 || !ink.data[y * ink.width + x - 1])) runs++;
    if (runs > 0 || rows.length > 0) rows.push(runs);
  }
  while (rows.length > 0 && rows[rows.length - 1] === 0) rows.pop();
  const top = rows.slice(0, Math.ceil(0.4 * rows.length));
  return top.filter((n) => n >= 2).length > Math.max(1, 0.12 * rows.length);
}

/** See classifyComparator. `grown`: the ink was grown, and may have joined a bar to its chevron, so a bar run in is looked for first. */
function comparatorShape(ink: Bitmap, rect: PixelRect, minInk: number, grown = false): Comparator | null {
  const parts = components(ink, rect).filter((c) => c.pixels >= 3);
  if (parts.length === 0) return null;
  const main = parts.reduce((a, b) => (b.pixels > a.pixels ? b : a));
  if (main.pixels < minInk) return null;
  const barredFirst = grown ? (barredChevron(main) ?? slantBarredChevron(main)) : null;
  if (barredFirst) return barredFirst === 'right' ? '≥' : '≤';
  const dir = chevron(main);
  if (!dir) {
    const merged = barredChevron(main) ?? slantBarredChevron(main) ?? lopsidedChevron(main);
    if (!merged) return null;
    return merged === 'right' ? '≥' : '≤';
  }
  const w = main.box[2] - main.box[0];
  const h = main.box[3] - main.box[1];
  // the bar: a stroke at least half as wide, reaching below the chevron (flat, or slanted along its lower arm), or run into the lower arm
  const centres = rowCentres(main);
  const bar = parts.some((p) => p !== main && p.box[1] >= main.box[1] + 0.4 * h && p.box[3] >= main.box[3] - 1 && p.box[2] - p.box[0] >= 0.5 * w) || lopsided(main, centres, dir, tipRow(centres, dir));
  if (dir === 'right') return bar ? '≥' : '>';
  return bar ? '≤' : '<';
}

/**
 * The ink of `rect` (clamped to the bitmap) grown by a pixel into its eight neighbours, in a
 * bitmap of its own with a blank margin of one pixel: ink up to two pixels apart joins.
 */
function bridged(ink: Bitmap, rect: PixelRect): Bitmap {
  const [x0, y0, x1, y1] = clampRect(rect, ink.width, ink.height);
  const width = x1 - x0 + 2;
  const height = y1 - y0 + 2;
  const data = new Uint8Array(width * height);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if (!ink.data[y * ink.width + x]) continue;
      // the pixel's place in `data` is (x - x0 + 1, y - y0 + 1): it and its neighbours
      for (let dy = 0; dy <= 2; dy++) data.fill(1, (y - y0 + dy) * width + x - x0, (y - y0 + dy) * width + x - x0 + 3);
    }
  }
  return { width, height, data };
}
