import test from 'ava';
import { checkDocumentBrackets } from '../../src/ocr/document-brackets.ts';
import type { Bitmap } from '../../src/ocr/gray-image.ts';
import type { PageChar } from '../../src/pdf/types.ts';
import type { Cell } from '../../src/table/types.ts';

// a line of glyphs 30 px tall at 72 dpi (a pixel is a point), each glyph 20 px wide
const TOP = 10;
const H = 30;
const W = 20;

const char = (text: string, i: number, ocr = true): PageChar => ({
  text,
  box: [10 + i * W, TOP, 10 + (i + 1) * W, TOP + H],
  baseline: TOP + H,
  size: H,
  upright: true,
  ...(ocr ? { confidence: 0.8 } : {}),
});

function cellOf(text: string, ocr = true): Cell {
  const chars = [...text].map((t, i) => char(t, i, ocr));
  return { row: 0, col: 0, rowSpan: 1, colSpan: 1, box: [0, 0, 400, 60], text, lines: [text], chars };
}

const blank = (): Bitmap => ({ width: 400, height: 60, data: new Uint8Array(400 * 60) });
const dot = (ink: Bitmap, x: number, y: number) => (ink.data[Math.round(y) * ink.width + Math.round(x)] = 1);

/** A bracket in glyph `i` of the line: filled (a lenticular 【 or 】) or a thin curved stroke (〔 or 〕). */
function drawBracket(ink: Bitmap, i: number, kind: 'filled' | 'stroke', opening: boolean): void {
  const x0 = 10 + i * W + 6;
  const y0 = TOP + 1;
  for (let y = 0; y < H - 2; y++) {
    if (kind === 'filled') {
      for (let x = 0; x < 8; x++) dot(ink, x0 + x, y0 + y);
      continue;
    }
    // a stroke 2 px wide bowed away from the text it encloses
    const bend = Math.max(0, 6 - y, y - (H - 9));
    const x = opening ? x0 + 1 + bend : x0 + 6 - bend;
    dot(ink, x, y0 + y);
    dot(ink, x + 1, y0 + y);
  }
}

/** A cell reading `text`, whose glyphs at the two indexes are brackets of these kinds. */
function scanned(text: string, open: number, close: number, kinds: ['filled' | 'stroke', 'filled' | 'stroke']) {
  const ink = blank();
  drawBracket(ink, open, kinds[0], true);
  drawBracket(ink, close, kinds[1], false);
  return { cell: cellOf(text), scan: { ink, dpi: 72 } };
}

test('a document number\'s year between thin strokes read 【 and ] is in 〔〕, and its glyphs read so', (t) => {
  const { cell, scan } = scanned('国发【2022]14号', 2, 7, ['stroke', 'stroke']);
  const fix = checkDocumentBrackets(cell, scan);
  t.is(fix?.text, '国发〔2022〕14号');
  t.is(fix?.rule, 'document-bracket-ink');
  t.deepEqual(fix?.chars.map((c) => c.text).join(''), '国发〔2022〕14号');
  // a thin pair read 【】 is 〔〕 too
  const both = scanned('国发【2022】14号', 2, 7, ['stroke', 'stroke']);
  t.is(checkDocumentBrackets(both.cell, both.scan)?.text, '国发〔2022〕14号');
});

test('filled brackets are 【】, whatever the closing one was read as; one of each, or a digital cell, is left', (t) => {
  const filled = scanned('晋财资【2014]38号', 3, 8, ['filled', 'filled']);
  t.is(checkDocumentBrackets(filled.cell, filled.scan)?.text, '晋财资【2014】38号');
  const printed = scanned('晋财资【2014】38号', 3, 8, ['filled', 'filled']);
  t.is(checkDocumentBrackets(printed.cell, printed.scan), null);
  const mixed = scanned('晋财资【2014]38号', 3, 8, ['filled', 'stroke']);
  t.is(checkDocumentBrackets(mixed.cell, mixed.scan), null);
  const digital = { ...filled, cell: cellOf('晋财资【2014]38号', false) };
  t.is(checkDocumentBrackets(digital.cell, digital.scan), null);
});

test('brackets with no lenticular reading, or around no document number, are left to the text rules', (t) => {
  const square = scanned('国发[2022]14号', 2, 7, ['stroke', 'stroke']);
  t.is(checkDocumentBrackets(square.cell, square.scan), null);
  const note = scanned('见附件【2022】汇总', 3, 8, ['stroke', 'stroke']);
  t.is(checkDocumentBrackets(note.cell, note.scan), null);
});
