import { createCanvas } from '@napi-rs/canvas';
import test from 'ava';
import { threshold } from '../../src/ocr/binarize.ts';
import { rgbaToGray } from '../../src/ocr/gray-image.ts';
import { checkPhantomGlyph } from '../../src/ocr/phantom-glyph.ts';
import type { PageChar } from '../../src/pdf/types.ts';
import type { Cell } from '../../src/table/types.ts';
import { NOTO_REGULAR } from '../helpers/noto-fonts.ts';

const DPI = 300;
const SCALE = DPI / 72;
const EM = 10.5 * SCALE;

/** `text` drawn one em in from the left of a cell-sized page; each glyph's [x0, x1) in pixels. */
function drawn(text: string) {
  const [width, height] = [Math.ceil(EM * (text.length + 4)), Math.ceil(EM * 2)];
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.font = `${EM}px "${NOTO_REGULAR}"`;
  const boxes: Array<[number, number]> = [];
  let x = EM;
  for (const ch of text) {
    ctx.fillText(ch, x, EM * 1.38);
    boxes.push([x, x + EM]);
    x += EM;
  }
  const ink = threshold(rgbaToGray(ctx.getImageData(0, 0, width, height).data, width, height), 128);
  return { scan: { ink, dpi: DPI }, boxes, width, height };
}

/** The cell OCR gives: each read glyph with a box [x0, x1) in pixels on the one line. */
function cellOf(width: number, height: number, glyphs: Array<[string, number, number]>): Cell {
  const [top, bottom] = [EM * 0.5, EM * 1.5];
  const chars: PageChar[] = glyphs.map(([text, x0, x1]) => ({
    text, box: [x0 / SCALE, top / SCALE, x1 / SCALE, bottom / SCALE], baseline: bottom / SCALE, size: EM / SCALE, upright: true, confidence: 0.9,
  }));
  const text = glyphs.map((g) => g[0]).join('');
  return { row: 0, col: 0, rowSpan: 1, colSpan: 1, box: [0, 0, width / SCALE, height / SCALE], text, lines: [text], chars };
}

test('an ideograph read from the blank paper before a line, sharing the first glyph\'s ink, is dropped', (t) => {
  const { scan, boxes, width, height } = drawn('晓率');
  const [[a0, a1], [b0, b1]] = boxes as [[number, number], [number, number]];
  // the model's boxes: 了 from well before the ink into 晓's left part, 晓 from there on
  const cell = cellOf(width, height, [['了', a0 - 0.3 * EM, a0 + 0.2 * EM], ['晓', a0 + 0.2 * EM, a1], ['率', b0, b1]]);
  const fix = checkPhantomGlyph(cell, scan);
  t.is(fix?.text, '晓率');
  t.is(fix?.rule, 'phantom-glyph');
  t.deepEqual(fix?.dropped.map((c) => c.text), ['了']);
});

test('a line whose first glyph starts at its ink, or a glyph with ink of its own, is left', (t) => {
  const { scan, boxes, width, height } = drawn('政策知');
  const glyphs = [...'政策知'].map((c, i) => [c, boxes[i]![0], boxes[i]![1]] as [string, number, number]);
  t.is(checkPhantomGlyph(cellOf(width, height, glyphs), scan), null);
  // the engine's box a little before the ink (a side bearing, a pixel of slack)
  glyphs[0] = ['政', boxes[0]![0] - 2, boxes[0]![1]];
  t.is(checkPhantomGlyph(cellOf(width, height, glyphs), scan), null);
  // a glyph read as two (政 as 正 + 攵): the second one starts an em into the ink, the first is not on paper
  const split = cellOf(width, height, [['正', boxes[0]![0], boxes[0]![0] + 0.5 * EM], ['攵', boxes[0]![0] + 0.5 * EM, boxes[0]![1]], ['策', boxes[1]![0], boxes[1]![1]]]);
  t.is(checkPhantomGlyph(split, scan), null);
});
