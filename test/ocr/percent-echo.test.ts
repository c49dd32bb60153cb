import test from 'ava';
import { checkPercentEcho } from '../../src/ocr/percent-echo.ts';
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

test('a 9 read from a sliver of the percent sign after a digit is dropped', (t) => {
  // the boxes the engine gave ≥98.5% read as ≥98.59% on a 200 dpi scan (widths / line height)
  const cell = ocrCell([['≥', 0.56], ['9', 0.48], ['8', 1.08], ['.', 0.3], ['5', 0.74], ['9', 0.21], ['%', 0.82]]);
  const fix = checkPercentEcho(cell);
  t.is(fix?.text, '≥98.5%');
  t.is(fix?.rule, 'percent-echo');
  t.deepEqual(fix?.dropped, [cell.chars[5]]);
  t.is(checkPercentEcho(ocrCell([['≥', 0.6], ['0', 0.7], ['.', 0.35], ['5', 0.7], ['9', 0.18], ['%', 0.93]]))?.text, '≥0.5%');
  t.is(checkPercentEcho(ocrCell([['≥', 0.9], ['5', 0.45], ['9', 0.18], ['%', 0.93]]))?.text, '≥5%');
});

test('a 9 of a digit\'s width, or a narrow 9 anywhere but between a digit and a percent sign, is left', (t) => {
  // the narrowest real nines read before a % measured 0.39 of the line's height
  t.is(checkPercentEcho(ocrCell([['≥', 0.6], ['9', 0.43], ['9', 0.63], ['.', 0.65], ['9', 0.6], ['%', 0.92]])), null);
  t.is(checkPercentEcho(ocrCell([['9', 0.39], ['9', 0.5], ['%', 0.9]])), null);
  // not before a percent sign, no digit before it, the sign on the next line
  t.is(checkPercentEcho(ocrCell([['≥', 0.6], ['1', 0.5], ['9', 0.2], ['次', 1]])), null);
  t.is(checkPercentEcho(ocrCell([['≥', 0.6], ['9', 0.2], ['%', 0.9]])), null);
  t.is(checkPercentEcho(ocrCell([['≥', 0.6], ['5', 0.5], ['9', 0.2], ['\n', 0], ['%', 0.9]])), null);
  // a text layer's glyphs are the producer's own: nothing is dropped
  t.is(checkPercentEcho(ocrCell([['≥', 0.56], ['5', 0.74], ['9', 0.21], ['%', 0.82]], 'text layer')), null);
});
