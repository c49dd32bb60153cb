import test from 'ava';
import type { OcrLine } from '../../src/ocr/engine.ts';
import { blankGray } from '../../src/ocr/gray-image.ts';
import { inkBands, inkLineRects, linesToChars } from '../../src/ocr/read-regions.ts';
import { buildPageLayout } from '../../src/table/build-tables.ts';
import { fillRect } from './synthetic-scan.ts';

const line = (words: Array<{ text: string; x0: number; x1: number; conf: number; symbols?: boolean }>, top = 10, bottom = 40): OcrLine => ({
  text: words.map((w) => w.text).join(' '),
  confidence: 0.9,
  bbox: [words[0]!.x0, top, words[words.length - 1]!.x1, bottom],
  words: words.map((w) => {
    const chars = [...w.text];
    const step = (w.x1 - w.x0) / chars.length;
    return {
      text: w.text,
      confidence: w.conf,
      bbox: [w.x0, top, w.x1, bottom],
      // symbol boxes are the ink of each glyph: narrower than its advance
      symbols: w.symbols === false ? [] : chars.map((c, i) => ({ text: c, confidence: w.conf, bbox: [w.x0 + i * step + 2, top + 2, w.x0 + (i + 1) * step - 2, bottom - 2] as [number, number, number, number] })),
    };
  }),
});

test('recognized words become glyphs in points that read back as the same line', (t) => {
  const scale = 200 / 72;
  const chars = linesToChars([line([{ text: '政府购买', x0: 0, x1: 120, conf: 0.93 }, { text: '1,700,000', x0: 140, x1: 260, conf: 0.71 }])], [278, 556], scale);
  t.is(chars.length, 13);
  t.true(chars.every((c) => c.upright && c.baseline === chars[0]!.baseline));
  t.deepEqual([...new Set(chars.map((c) => c.confidence))], [0.93, 0.71]);
  // glyphs of a word touch: the table code joins digits of one word without spaces
  const layout = buildPageLayout({ pageNumber: 1, width: 595, height: 842, chars, edges: [] });
  t.deepEqual(layout.freeLines.map((l) => l.text), ['政府购买1,700,000']);
  t.true(Math.abs(chars[0]!.box[0] - 100) < 0.5, 'x in points from the crop origin');
  t.true(Math.abs(chars[0]!.box[1] - (556 + 10) / scale) < 0.01);
});

test('a word without symbol boxes is spread evenly over its box', (t) => {
  const chars = linesToChars([line([{ text: 'ABCD', x0: 0, x1: 40, conf: 0.5, symbols: false }])], [0, 0], 1);
  t.deepEqual(chars.map((c) => [c.text, c.box[0], c.box[2]]), [['A', 0, 10], ['B', 10, 20], ['C', 20, 30], ['D', 30, 40]]);
});

test('lines of ink in a region are found as bands', (t) => {
  const img = blankGray(200, 120);
  fillRect(img, 10, 10, 150, 34);
  fillRect(img, 10, 44, 90, 68);
  fillRect(img, 20, 100, 22, 102); // a speck
  const ink = { width: img.width, height: img.height, data: img.data.map((v) => (v < 128 ? 1 : 0)) };
  t.deepEqual(inkBands(ink, [0, 0, 200, 120]), [24, 24]);
  t.deepEqual(inkLineRects(ink, [0, 0, 200, 120]), [[10, 10, 150, 34], [10, 44, 90, 68]]);
});
