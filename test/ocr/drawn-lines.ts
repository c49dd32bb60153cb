import { createCanvas } from '@napi-rs/canvas';
import { despeckle, threshold } from '../../src/ocr/binarize.ts';
import { rgbaToGray } from '../../src/ocr/gray-image.ts';
import type { ScannedPage } from '../../src/ocr/prepare-scan.ts';
import type { PageChar } from '../../src/pdf/types.ts';
import type { Cell } from '../../src/table/types.ts';
import { addNoise } from './synthetic-scan.ts';

/** Type size of the form's texts, points. */
const SIZE_PT = 10.5;

export interface Drawn {
  scan: ScannedPage;
  /** Each printed character's advance, [x0, x1) in pixels. */
  boxes: Array<[number, number]>;
  /** The lines' em boxes: top and bottom rows. */
  rows: Array<[number, number]>;
  scale: number;
}

/**
 * Lines of text drawn on a white page at `dpi` (10.5 pt type, so 22 px glyphs at 150 dpi, 44 at
 * 300), binarized as prepareScan does; optionally with noise before binarizing.
 */
export function draw(lines: string[], dpi: number, font: string, noise = 0, advance: Record<string, number> = {}): Drawn {
  const scale = dpi / 72;
  const em = SIZE_PT * scale;
  const width = Math.ceil(em * (Math.max(...lines.map((l) => [...l].length)) + 4));
  const height = Math.ceil(em * (1.6 * lines.length + 2));
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.font = `${em}px "${font}"`;
  const boxes: Array<[number, number]> = [];
  const rows: Array<[number, number]> = [];
  lines.forEach((line, i) => {
    const baseline = em * (1 + 1.6 * i + 0.88);
    let x = em;
    for (const ch of line) {
      ctx.fillText(ch, x, baseline);
      const step = advance[ch] !== undefined ? advance[ch] * em : ctx.measureText(ch).width;
      boxes.push([x, x + step]);
      x += step;
    }
    rows.push([baseline - 0.88 * em, baseline + 0.12 * em]);
  });
  const gray = rgbaToGray(ctx.getImageData(0, 0, width, height).data, width, height);
  if (noise > 0) addNoise(gray, noise, 7);
  const ink = despeckle(threshold(gray, 128));
  const scan: ScannedPage = { pageNumber: 1, width: width / scale, height: height / scale, dpi, skew: 0, text: gray, ink, rules: [], edges: [] };
  return { scan, boxes, rows, scale };
}

/**
 * The cell OCR gives for the drawn text when it reads `reading`: reading character i has the box of
 * printed character `align[i]` (the identity by default); characters given the same printed one
 * share its box; `shift` moves every box by that many glyphs (the engine's boxes can be off by one).
 */
export function cellOf(d: Drawn, printed: string[], reading: string, align?: number[], shift = 0): Cell {
  const read = [...reading];
  const at = align ?? read.map((_, i) => i);
  const lineOf: number[] = printed.flatMap((l, i) => [...l].map(() => i));
  const chars: PageChar[] = read.map((text, i) => {
    const p = at[i]!;
    const same = at.filter((q) => q === p).length;
    const k = at.slice(0, i).filter((q) => q === p).length;
    const [bx0, bx1] = d.boxes[Math.max(0, Math.min(d.boxes.length - 1, p + shift))]!;
    const x0 = bx0 + ((bx1 - bx0) * k) / same;
    const x1 = bx0 + ((bx1 - bx0) * (k + 1)) / same;
    const [top, bottom] = d.rows[lineOf[p]!]!;
    const s = d.scale;
    return { text, box: [x0 / s, top / s, x1 / s, bottom / s], baseline: bottom / s, size: (bottom - top) / s, upright: true, confidence: 0.9 };
  });
  return { row: 0, col: 0, rowSpan: 1, colSpan: 1, box: [0, 0, d.scan.width, d.scan.height], text: reading, lines: [reading], chars };
}

