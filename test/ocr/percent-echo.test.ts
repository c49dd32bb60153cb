import test from 'ava';
import { checkPercentEcho } from '../../src/ocr/percent-echo.ts';
import type { Bitmap } from '../../src/ocr/gray-image.ts';
import type { PageChar } from '../../src/pdf/types.ts';
import type { Cell } from '../../src/table/types.ts';

/** Line height in points of the glyphs below. */
const H = 6;

/** A cell read by OCR: glyphs [text, width in line heights], side by side on lines (a '\n' starts the next). */
function ocrCell(glyphs: Array<[string, number]>, read: 'ocr' | 'text layer' = 'ocr'): Cell {
  const confidence = read === 'ocr' ? 0.8 : undefined;
  const chars: PageChar[] = [];
  let [x, top] = [10, 10];
  for (const [text, width] of glyphs) {
    if (text === '\n') {
      [x, top] = [10, top + 2 * H];
      continue;
    }
    chars.push({ text, box: [x, top, x + width * H, top + H], baseline: top + H, size: H, upright: true, confidence });
    x += width * H;
  }
  const text = chars.map((c) => c.text).join('');
  return { row: 0, col: 0, rowSpan: 1, colSpan: 1, box: [0, 0, 200, 60], text, lines: [text], chars };
}

/** The check on a scan with no ink: by the glyphs' boxes alone. */
const onBlank = (cell: Cell) => checkPercentEcho(cell, { ink: { width: 200, height: 60, data: new Uint8Array(200 * 60) }, dpi: 72 });

/** A scan at 72 dpi (a pixel a point) of the cell's 200 × 60 points, ink in the given [x0, x1) columns of each line's band. */
function scanOf(cell: Cell, inkColumns: Array<[line: number, x0: number, x1: number]> = []): { ink: Bitmap; dpi: number } {
  const ink: Bitmap = { width: 200, height: 60, data: new Uint8Array(200 * 60) };
  const tops = [...new Set(cell.chars.map((c) => c.box[1]))].sort((a, b) => a - b);
  for (const [line, x0, x1] of inkColumns) {
    for (let y = tops[line]! + 1; y < tops[line]! + H - 1; y++) for (let x = x0; x < x1; x++) ink.data[y * 200 + x] = 1;
  }
  return { ink, dpi: 72 };
}

test('a 9 read from a sliver of the percent sign after a digit is dropped', (t) => {
  // the boxes the engine gave ≥98.5% read as ≥98.59% on a 200 dpi scan (widths / line height)
  const cell = ocrCell([['≥', 0.56], ['9', 0.48], ['8', 1.08], ['.', 0.3], ['5', 0.74], ['9', 0.21], ['%', 0.82]]);
  const fix = checkPercentEcho(cell, scanOf(cell));
  t.is(fix?.text, '≥98.5%');
  t.is(fix?.rule, 'percent-echo');
  t.deepEqual(fix?.dropped, [cell.chars[5]]);
  t.is(onBlank(ocrCell([['≥', 0.6], ['0', 0.7], ['.', 0.35], ['5', 0.7], ['9', 0.18], ['%', 0.93]]))?.text, '≥0.5%');
  t.is(onBlank(ocrCell([['≥', 0.9], ['5', 0.45], ['9', 0.18], ['%', 0.93]]))?.text, '≥5%');
});

test('a 9 of a digit\'s width, or a narrow 9 anywhere but between a digit and a percent sign, is left', (t) => {
  // the narrowest real nines read before a % measured 0.39 of the line's height
  t.is(onBlank(ocrCell([['≥', 0.6], ['9', 0.43], ['9', 0.63], ['.', 0.65], ['9', 0.6], ['%', 0.92]])), null);
  t.is(onBlank(ocrCell([['9', 0.39], ['9', 0.5], ['%', 0.9]])), null);
  // not before a percent sign, no digit before it, the sign on the next line
  t.is(onBlank(ocrCell([['≥', 0.6], ['1', 0.5], ['9', 0.2], ['次', 1]])), null);
  t.is(onBlank(ocrCell([['≥', 0.6], ['9', 0.2], ['%', 0.9]])), null);
  t.is(onBlank(ocrCell([['≥', 0.6], ['5', 0.5], ['9', 0.2], ['\n', 0], ['%', 0.9]])), null);
  // a text layer's glyphs are the producer's own: nothing is dropped
  t.is(onBlank(ocrCell([['≥', 0.56], ['5', 0.74], ['9', 0.21], ['%', 0.82]], 'text layer')), null);
});

test('a 9 whose centre is in the percent sign\'s own ink is dropped, also first on a line the value wrapped to', (t) => {
  // ≥99.9% wrapped after ≥99.9, the lone % read as 9% (box widths as the engine gave them)
  const wrapped = ocrCell([['≥', 0.6], ['9', 0.5], ['9', 0.5], ['.', 0.3], ['9', 0.5], ['\n', 0], ['9', 0.36], ['%', 0.75]]);
  // the sign's ink: one run of columns under both boxes, 1.1 line heights wide
  t.is(checkPercentEcho(wrapped, scanOf(wrapped, [[1, 10, 17]]))?.text, '≥99.9%');
  // a real 9 has ink of its own, a blank column before the sign's
  t.is(checkPercentEcho(wrapped, scanOf(wrapped, [[1, 10, 12], [1, 13, 17]])), null);
  // a run as wide as a digit and a sign together is not the sign alone
  t.is(checkPercentEcho(wrapped, scanOf(wrapped, [[1, 10, 20]])), null);
});
