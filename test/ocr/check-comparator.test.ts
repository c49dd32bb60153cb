import { createCanvas } from '@napi-rs/canvas';
import test from 'ava';
import { NOTO_REGULAR } from '../helpers/noto-fonts.ts';
import { threshold } from '../../src/ocr/binarize.ts';
import { checkComparator } from '../../src/ocr/correct-layout.ts';
import { rgbaToGray } from '../../src/ocr/gray-image.ts';
import type { PageChar } from '../../src/pdf/types.ts';
import type { Cell } from '../../src/table/types.ts';


const PX = 30;
const LEFT = 10;
const BASELINE = 40;

/** A value (`≥2个`) drawn at 72 dpi (a pixel is a point), and where each of its glyphs starts and ends. */
function drawValue(glyphs = ['≥', '2', '个']) {
  const canvas = createCanvas(200, 60);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 200, 60);
  ctx.fillStyle = '#000';
  ctx.font = `${PX}px "${NOTO_REGULAR}"`;
  const spans: Array<[number, number]> = [];
  let x = LEFT;
  for (const g of glyphs) {
    ctx.fillText(g, x, BASELINE);
    const w = ctx.measureText(g).width;
    spans.push([x, x + w]);
    x += w;
  }
  return { ink: threshold(rgbaToGray(ctx.getImageData(0, 0, 200, 60).data, 200, 60), 128), spans };
}

const char = (text: string, [x0, x1]: [number, number]): PageChar => ({ text, box: [x0, BASELINE - PX, x1, BASELINE + 4], baseline: BASELINE + 4, size: PX, upright: true, confidence: 0.9 });
const cellOf = (chars: PageChar[]): Cell => ({ row: 0, col: 0, rowSpan: 1, colSpan: 1, box: [2, 2, 198, 58], text: chars.map((c) => c.text).join(''), lines: [chars.map((c) => c.text).join('')], chars });

/** A reader of the ink after the comparator that reads what is printed there, and the rectangles it was asked for. */
function reader(text: string) {
  const asked: number[][] = [];
  return { asked, read: async (rect: number[]) => (asked.push(rect), text) };
}

test('a comparator read as a digit is replaced, not put before it (`22个` → `≥2个`)', async (t) => {
  const { ink, spans } = drawValue();
  const cell = cellOf([char('2', spans[0]!), char('2', spans[1]!), char('个', spans[2]!)]);
  const r = reader('2个');
  t.deepEqual(await checkComparator(cell, { ink, dpi: 72 }, r.read), { text: '≥2个', rule: 'comparator-glyph' });
  // what was read again starts after the comparator's ink and before the 2's
  t.is(r.asked.length, 1);
  t.true(r.asked[0]![0]! > spans[0]![0] + 5 && r.asked[0]![0]! <= spans[1]![0] + 3);
});

test('a comparator the model dropped is put before the number it left (`2个` → `≥2个`)', async (t) => {
  const { ink, spans } = drawValue();
  const cell = cellOf([char('2', spans[1]!), char('个', spans[2]!)]);
  t.deepEqual(await checkComparator(cell, { ink, dpi: 72 }, reader('2个').read), { text: '≥2个', rule: 'comparator-glyph' });
});

test('a comparator read right, or read as another glyph, is not read again', async (t) => {
  const { ink, spans } = drawValue(['≥', '9', '0', '%']);
  const r = reader('unused');
  const right = cellOf([char('≥', spans[0]!), char('9', spans[1]!), char('0', spans[2]!), char('%', spans[3]!)]);
  t.is(await checkComparator(right, { ink, dpi: 72 }, r.read), null);
  const misread = cellOf([char('之', spans[0]!), char('9', spans[1]!), char('0', spans[2]!), char('%', spans[3]!)]);
  t.deepEqual(await checkComparator(misread, { ink, dpi: 72 }, r.read), { text: '≥90%', rule: 'comparator-glyph' });
  t.is(r.asked.length, 0);
});

test('a speck of the scan before a value is passed over, and what was read from it goes (`。>9份` → `≥9份`)', async (t) => {
  const { ink, spans } = drawValue(['≥', '9', '份']);
  // two pixels of noise left of the comparator, as salt-and-pepper noise leaves them
  const sx = Math.floor(spans[0]![0]) - 4;
  for (const [x, y] of [[sx, 25], [sx + 1, 26]]) ink.data[y! * ink.width + x!] = 1;
  const cell = cellOf([char('。', [sx, sx + 2]), char('>', spans[0]!), char('9', spans[1]!), char('份', spans[2]!)]);
  t.deepEqual(await checkComparator(cell, { ink, dpi: 72 }, reader('unused').read), { text: '≥9份', rule: 'comparator-glyph' });
});

test('a department code joined to its name is not a value, whatever its first glyph looks like', async (t) => {
  // (measured: `231-山西省…` in a small serif at 200 dpi had its 2 taken for a chevron)
  const { ink, spans } = drawValue(['≥', '3', '1', '-', '山', '西']);
  const r = reader('31-山西');
  const cell = cellOf(['2', '3', '1', '-', '山', '西'].map((g, i) => char(g, spans[i]!)));
  t.is(await checkComparator(cell, { ink, dpi: 72 }, r.read), null);
  t.is(r.asked.length, 0);
});

test('an equals sign after the chevron is kept: `>=` spelled out is no `≥` (`>=11个` stays)', async (t) => {
  const { ink, spans } = drawValue(['>', '=', '1', '1', '个']);
  const cell = cellOf(['>', '=', '1', '1', '个'].map((g, i) => char(g, spans[i]!)));
  t.is(await checkComparator(cell, { ink, dpi: 72 }, reader('unused').read), null);
  // read with the chevron misread, the equals sign still stays
  const misread = cellOf(['之', '=', '1', '1', '个'].map((g, i) => char(g, spans[i]!)));
  t.deepEqual(await checkComparator(misread, { ink, dpi: 72 }, reader('unused').read), { text: '>=11个', rule: 'comparator-glyph' });
});
