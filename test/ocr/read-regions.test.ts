import test from 'ava';
import type { OcrLine, OcrWord } from '../../src/ocr/engine.ts';
import { blankGray } from '../../src/ocr/gray-image.ts';
import { checkBlock, inkBands, inkLineRects, lineStrips, linesToChars, voteStretches, whitestColumn, type LineStrip } from '../../src/ocr/read-regions.ts';
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

/** A bitmap of ink from filled rectangles [x0, y0, x1, y1). */
function inkOf(width: number, height: number, rects: Array<[number, number, number, number]>) {
  const img = blankGray(width, height);
  for (const r of rects) fillRect(img, ...r);
  return { width, height, data: img.data.map((v) => (v < 128 ? 1 : 0)) };
}

test('a region is cut into one strip per line of text, the cuts midway through the white between lines', (t) => {
  // a line; a line of one glyph whose own white row splits it (量); a speck near the second line
  const ink = inkOf(200, 120, [
    [10, 10, 150, 34],
    [10, 44, 34, 54],
    [10, 57, 34, 68],
    [60, 74, 62, 76],
  ]);
  t.deepEqual(lineStrips(ink, [0, 0, 200, 120]), [
    { rect: [0, 0, 200, 39], touching: false, mark: false },
    { rect: [0, 39, 200, 120], touching: false, mark: false },
  ]);
  // one line: one strip, the whole region
  t.deepEqual(lineStrips(inkOf(200, 60, [[10, 10, 150, 34]]), [0, 0, 200, 60]), [{ rect: [0, 0, 200, 60], touching: false, mark: false }]);
  // two lines whose ink touches, among lines that do not: one strip, marked
  const tall = lineStrips(inkOf(200, 300, [[10, 10, 150, 34], [10, 44, 150, 100], [10, 110, 150, 134], [10, 144, 150, 168], [10, 178, 150, 202]]), [0, 0, 200, 300]);
  t.deepEqual(tall.map((s) => s.touching), [false, true, false, false, false]);
  // a full stop wrapped onto a line of its own: a strip of marks only
  const wrapped = lineStrips(inkOf(200, 80, [[10, 10, 150, 34], [10, 50, 18, 58]]), [0, 0, 200, 80]);
  t.deepEqual(wrapped.map((s) => s.mark), [false, true]);
  // so is a mark too small to be a band, standing apart under the line
  t.deepEqual(lineStrips(inkOf(200, 80, [[10, 10, 150, 34], [10, 50, 14, 53]]), [0, 0, 200, 80]), [
    { rect: [0, 0, 200, 42], touching: false, mark: false },
    { rect: [0, 42, 200, 80], touching: false, mark: true },
  ]);
});

test('a block read as lines is read again strip by strip when one read line spans two lines of ink, or a line was left out', async (t) => {
  const strips: LineStrip[] = [
    { rect: [0, 100, 200, 140], touching: false, mark: false },
    { rect: [0, 140, 200, 180], touching: false, mark: false },
  ];
  const read: number[] = [];
  const readStrip = async (s: LineStrip) => {
    read.push(s.rect[1]);
    return [line([{ text: `at${s.rect[1]}`, x0: 0, x1: 60, conf: 0.9 }], s.rect[1] - 100 + 5, s.rect[3] - 100 - 5)];
  };
  const text = (lines: OcrLine[]) => lines.map((l) => l.text);
  // read right: kept, nothing read again
  const right = [line([{ text: 'a', x0: 0, x1: 60, conf: 0.9 }], 5, 35), line([{ text: 'b', x0: 0, x1: 60, conf: 0.9 }], 45, 75)];
  t.deepEqual(text(await checkBlock(right, strips, 100, readStrip)), ['a', 'b']);
  t.deepEqual(read, []);
  // one read line over both lines of ink: each strip read alone instead
  t.deepEqual(text(await checkBlock([line([{ text: '关影手杖', x0: 0, x1: 60, conf: 0.1 }], 5, 75)], strips, 100, readStrip)), ['at100', 'at140']);
  // the second line left out: read alone and added in its place
  read.length = 0;
  t.deepEqual(text(await checkBlock([right[0]!], strips, 100, readStrip)), ['a', 'at140']);
  t.deepEqual(read, [140]);
});

/** A line of one-character words (as the engine reads CJK text), each word's confidence from `confs`. */
const charLine = (text: string, confs: number[]) => line([...text].map((c, i) => ({ text: c, x0: i * 30, x1: i * 30 + 28, conf: confs[i] ?? 0.95 })));

test('a doubtful word is read again with four characters of context each side, fewer at the line ends', (t) => {
  const text = '一二三四五六七八九十甲乙丙丁戊己庚辛';
  const low = (...at: number[]) => [...text].map((_, i) => (at.includes(i) ? 0.4 : 0.95));
  t.deepEqual(voteStretches(charLine(text, low(8)).words), [{ words: [4, 12], core: [8, 8], spellingOnly: false }]);
  t.deepEqual(voteStretches(charLine(text, low(1)).words), [{ words: [0, 5], core: [1, 1], spellingOnly: false }]);
  t.deepEqual(voteStretches(charLine(text, low(17)).words), [{ words: [13, 17], core: [17, 17], spellingOnly: false }]);
  // stretches that overlap or touch are read as one; far apart, apart
  t.deepEqual(voteStretches(charLine(text, low(5, 9)).words), [{ words: [1, 13], core: [5, 9], spellingOnly: false }]);
  t.deepEqual(voteStretches(charLine(text, low(2, 14)).words), [{ words: [0, 6], core: [2, 2], spellingOnly: false }, { words: [10, 17], core: [14, 14], spellingOnly: false }]);
  t.deepEqual(voteStretches(charLine(text, low()).words), []);
  // context counts characters, not words: an amount read as one word is its own context
  const amount = line([{ text: '项目', x0: 0, x1: 60, conf: 0.95 }, { text: '1,700,000', x0: 70, x1: 200, conf: 0.5 }]);
  t.deepEqual(voteStretches(amount.words), [{ words: [0, 1], core: [1, 1], spellingOnly: false }]);
});

test('a fairly sure word holding an ideograph squeezed narrow is voted on too (a glyph read where there is none)', (t) => {
  const text = '一二三四五六七八九十';
  const words = charLine(text, [...text].map((_, i) => (i === 5 ? 0.75 : 0.95))).words;
  // each glyph's box is 24 px wide in a 30 px line: not squeezed, and 0.75 is sure enough
  t.deepEqual(voteStretches(words), []);
  const narrow = (w: OcrWord): OcrWord => ({ ...w, symbols: w.symbols.map((s) => ({ ...s, bbox: [s.bbox[0], s.bbox[1], s.bbox[0] + 10, s.bbox[3]] })) });
  t.deepEqual(voteStretches(words.map((w, i) => (i === 5 ? narrow(w) : w))), [{ words: [1, 9], core: [5, 5], spellingOnly: false }]);
  // a narrow digit or mark is no sign: they are narrow
  const digit = { ...narrow(words[5]!), text: '1', symbols: narrow(words[5]!).symbols.map((s) => ({ ...s, text: '1' })) };
  t.deepEqual(voteStretches(words.map((w, i) => (i === 5 ? digit : w))), []);
  // nor in a sure word
  t.deepEqual(voteStretches(words.map((w, i) => (i === 5 ? { ...narrow(w), confidence: 0.9 } : w))), []);
});

test('a line is cut in the widest white between two glyphs, not through one', (t) => {
  const img = blankGray(200, 40);
  fillRect(img, 10, 5, 60, 35); // a glyph
  fillRect(img, 75, 5, 130, 35); // the next, after 15 columns of paper
  fillRect(img, 64, 30, 66, 31); // a speck in the gap
  const ink = { width: img.width, height: img.height, data: img.data.map((v) => (v < 128 ? 1 : 0)) };
  // searched from the middle of one glyph to the middle of the next: the white run 66..75 wins over 60..64
  t.is(whitestColumn(ink, 35, 100, 0, 40), 70.5);
  // no white at all: the column of least ink
  fillRect(img, 60, 20, 75, 21);
  const joined = { width: img.width, height: img.height, data: img.data.map((v) => (v < 128 ? 1 : 0)) };
  const cut = whitestColumn(joined, 35, 100, 0, 40);
  t.true(cut > 60 && cut < 75);
});

test('a fairly sure word holding an ideograph alone in its words is read again, judged by spelling only, where no doubtful word reaches', (t) => {
  // 费用文出标准: 文 and 出 stand alone (费用支出标准 is three words); 每名 and 标准 do not
  const text = '每名费用文出标准为五万元';
  const confs = (at: number, c: number) => [...text].map((_, i) => (i === at ? c : 0.95));
  t.deepEqual(voteStretches(charLine(text, confs(4, 0.85)).words), [{ words: [0, 8], core: [4, 4], spellingOnly: true }]);
  // sure enough: left alone; doubtful: voted on as ever, with majority
  t.deepEqual(voteStretches(charLine(text, confs(4, 0.95)).words), []);
  t.deepEqual(voteStretches(charLine(text, confs(4, 0.5)).words), [{ words: [0, 8], core: [4, 4], spellingOnly: false }]);
  // a word in a word (标 of 标准) is no sign
  t.deepEqual(voteStretches(charLine(text, confs(6, 0.85)).words), []);
  // beside a doubtful word's stretch it is read with that one
  const both = [...text].map((_, i) => (i === 4 ? 0.85 : i === 8 ? 0.5 : 0.95));
  t.deepEqual(voteStretches(charLine(text, both).words), [{ words: [4, 11], core: [8, 8], spellingOnly: false }]);
});
