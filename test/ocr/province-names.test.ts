import test from 'ava';
import { fixProvinceNames } from '../../src/ocr/province-names.ts';
import type { PageChar } from '../../src/pdf/types.ts';
import type { Cell, PageLayout } from '../../src/table/types.ts';

/** A one-line OCR cell of `text`, its glyphs read with confidence 0.95 but where `doubts` says otherwise. */
function cell(text: string, doubts: Record<number, number> = {}): Cell {
  const chars: PageChar[] = [...text].map((t, i) => ({ text: t, box: [10 * i, 0, 10 * i + 10, 10], baseline: 10, size: 10, upright: true, confidence: doubts[i] ?? 0.95 }));
  return { row: 0, col: 0, rowSpan: 1, colSpan: 1, box: [0, 0, 10 * chars.length, 10], text, lines: [text], chars };
}
const page = (cells: Cell[]): PageLayout =>
  ({ pageNumber: 1, width: 595, height: 842, tables: [{ pageNumber: 1, box: [0, 0, 595, 842], xs: [], ys: [], cells }], freeLines: [] }) as unknown as PageLayout;

test('a province read one doubtful glyph off is the one the file names with confidence', (t) => {
  const doubtful = cell('282-出西省市场监督管理局', { 4: 0.69 });
  const fixes = fixProvinceNames([page([cell('根据《山西省省级部门预算管理办法》'), cell('山西省统计局'), doubtful])]);
  t.deepEqual(fixes.map((f) => [f.cell, f.text]), [[doubtful, '282-山西省市场监督管理局']]);
  t.regex(fixes[0]!.rule, /出西省 → 山西省: read 2 times/);
});

test('no province is chosen when the file names two near ones as often, or one only once', (t) => {
  t.deepEqual(fixProvinceNames([page([cell('山西省统计局'), cell('山西省档案馆'), cell('陕西省统计局'), cell('陕西省档案馆'), cell('出西省市场', { 0: 0.5 })])]), []);
  t.deepEqual(fixProvinceNames([page([cell('山西省统计局'), cell('出西省市场', { 0: 0.5 })])]), []);
});

test('a glyph read with confidence, or a reading the file has elsewhere, is left', (t) => {
  const named = [cell('福建省统计局'), cell('福建省档案馆'), cell('福建省财政厅')];
  t.deepEqual(fixProvinceNames([page([...named, cell('积极创建省级示范', { 2: 0.9 })])]), []);
  t.deepEqual(fixProvinceNames([page([...named, cell('积极创建省级示范', { 2: 0.5 }), cell('创建省级平台')])]), []);
});

test("a department's name begins with its province: right after its code even a confident glyph is taken", (t) => {
  const named = [cell('根据《山西省省级部门预算管理办法》'), cell('山西省统计局')];
  const confident = cell('231-出西省地方金融监督管理局');
  t.deepEqual(fixProvinceNames([page([...named, confident])]).map((f) => f.text), ['231-山西省地方金融监督管理局']);
  t.deepEqual(fixProvinceNames([page([...named, cell('为出西省地方金融')])]), [], 'not elsewhere in a text');
});
