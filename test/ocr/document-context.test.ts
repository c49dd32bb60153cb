import test from 'ava';
import { fixByDocumentContext } from '../../src/ocr/document-context.ts';
import type { PageChar } from '../../src/pdf/types.ts';
import type { Cell, PageLayout } from '../../src/table/types.ts';

/** A one-line cell of `text`, its glyphs read with confidence 0.95 but where `doubts` says otherwise (undefined: a text layer's). */
function cell(text: string, doubts: Record<number, number> = {}, ocr = true): Cell {
  const chars: PageChar[] = [...text].map((t, i) => ({
    text: t,
    box: [10 * i, 0, 10 * i + 10, 10],
    baseline: 10,
    size: 10,
    upright: true,
    ...(ocr ? { confidence: doubts[i] ?? 0.95 } : {}),
  }));
  return { row: 0, col: 0, rowSpan: 1, colSpan: 1, box: [0, 0, 10 * chars.length, 10], text, lines: [text], chars };
}

const page = (pageNumber: number, cells: Cell[]): PageLayout =>
  ({ pageNumber, width: 595, height: 842, tables: [{ pageNumber, box: [0, 0, 595, 842], xs: [], ys: [], cells }], freeLines: [] }) as unknown as PageLayout;

test('a glyph misread beside a doubt takes the ideograph the file reads confidently in its context', (t) => {
  // 党 read at 0.91, the 运 after it at 0.3: the file reads 位正常运转 twice elsewhere
  const doubtful = cell('保障单位正党运转', { 6: 0.3 });
  const fixes = fixByDocumentContext([page(1, [cell('单位正常运转经费'), doubtful]), page(2, [cell('保障单位正常运转')])]);
  t.is(fixes.length, 1);
  t.is(fixes[0]!.cell, doubtful);
  t.is(fixes[0]!.pageNumber, 1);
  t.is(fixes[0]!.text, '保障单位正常运转');
  t.regex(fixes[0]!.rule, /党 → 常: 位正常运转 read 2 times/);
});

test('one confident reading elsewhere is not enough', (t) => {
  t.deepEqual(fixByDocumentContext([page(1, [cell('单位正常运转经费'), cell('保障单位正党运转', { 6: 0.3 })])]), []);
});

test('one confident reading elsewhere settles a glyph the engine all but gave up on', (t) => {
  const lost = cell('工作增训计划', { 2: 0.3 });
  const fixes = fixByDocumentContext([page(1, [cell('开展工作培训计划'), lost])]);
  t.deepEqual(fixes.map((f) => f.text), ['工作培训计划']);
  t.regex(fixes[0]!.rule, /增 → 培: 工作培训计 read once/);
  t.deepEqual(fixByDocumentContext([page(1, [cell('开展工作培训计划'), cell('工作增训计划', { 2: 0.6 })])]), [], 'a glyph merely doubted needs two');
});

test('a window the engine read with confidence throughout is left as read', (t) => {
  t.deepEqual(fixByDocumentContext([page(1, [cell('单位正常运转经费'), cell('保障单位正常运转'), cell('保障单位正党运转')])]), []);
});

test('a reading that recurs in its context elsewhere is left, whatever else the file has', (t) => {
  const cells = [cell('采购办公用于保障'), cell('资金办公用于保障'), cell('采购办公用品保障', { 5: 0.4 }), cell('另购办公用品保障')];
  t.deepEqual(fixByDocumentContext([page(1, cells)]), []);
});

test('two rival readings of a context settle nothing', (t) => {
  const cells = [cell('位正常运转'), cell('位正常运转'), cell('位正当运转'), cell('位正当运转'), cell('位正党运转', { 2: 0.5 })];
  t.deepEqual(fixByDocumentContext([page(1, cells)]), []);
});

test('numerals are not settled by context: 第一季度 and 第二季度 are both right', (t) => {
  const cells = [cell('在第二季度完成'), cell('在第二季度开展'), cell('在第一季度完成', { 2: 0.5 })];
  t.deepEqual(fixByDocumentContext([page(1, cells)]), []);
});

test("a cell's edge is context: a glyph beside it is settled only by cells that begin or end the same way", (t) => {
  const doubtful = cell('出西省厅', { 0: 0.4 });
  t.deepEqual(fixByDocumentContext([page(1, [cell('山西省厅'), cell('山西省厅'), doubtful])]).map((f) => [f.cell, f.text]), [[doubtful, '山西省厅']]);
  t.deepEqual(fixByDocumentContext([page(1, [cell('在山西省厅'), cell('到山西省厅'), cell('出西省厅', { 0: 0.4 })])]), [], 'mid-text readings are another context');
  t.deepEqual(fixByDocumentContext([page(1, [cell('受训人员'), cell('受训人员'), cell('培训人次', { 0: 0.7 })])]), [], 'a glyph merely doubted at an edge is left');
  t.deepEqual(fixByDocumentContext([page(1, [cell('完成'), cell('完成'), cell('达成', { 1: 0.4 })])]), [], 'a confident glyph at an edge is left');
  const lost = cell('受训信员', { 2: 0.3 });
  t.deepEqual(fixByDocumentContext([page(1, [cell('受训人员'), lost])]).map((f) => f.text), ['受训人员']);
});

test('digits stand for any digit in a context: a department code differs from form to form', (t) => {
  const doubtful = cell('282-出西省市场监督管理局', { 4: 0.69 });
  const fixes = fixByDocumentContext([page(1, [cell('231-山西省地方金融监督管理局'), doubtful]), page(2, [cell('126-山西省科学技术厅')])]);
  t.deepEqual(fixes.map((f) => f.text), ['282-山西省市场监督管理局']);
});

test('a text layer is evidence but never changed', (t) => {
  const typed = cell('保障单位正党运转', {}, false);
  const fixes = fixByDocumentContext([page(1, [cell('单位正常运转经费', {}, false), cell('保障单位正常运转', {}, false), typed, cell('保障单位正党运转', { 6: 0.3 })])]);
  t.is(fixes.length, 0, 'the text layer reads 位正党运转 too: the reading recurs');
  const fixed = fixByDocumentContext([page(1, [cell('单位正常运转经费', {}, false), cell('保障单位正常运转', {}, false), cell('保障单位正党运转', { 6: 0.3 })])]);
  t.deepEqual(fixed.map((f) => f.text), ['保障单位正常运转']);
});

test('a cell whose reading no longer lines up with its glyphs is evidence of nothing doubtful', (t) => {
  const changed = cell('保障单位正党运转', { 6: 0.3 });
  changed.text = '保障单位正党运转。';
  t.deepEqual(fixByDocumentContext([page(1, [cell('单位正常运转经费'), cell('保障单位正常运转'), changed])]), []);
});

test('a doubtful glyph the file reads confidently without, its neighbours closed up, was made up', (t) => {
  const doubtful = cell('维修家有具设备数量', { 3: 0.67 });
  const fixes = fixByDocumentContext([page(1, [cell('维修家具设备数量'), doubtful]), page(2, [cell('维修家具设备等')])]);
  t.deepEqual(fixes.map((f) => f.text), ['维修家具设备数量']);
  t.regex(fixes[0]!.rule, /有 → nothing: 修家具设 read 2 times/);
  // not when the glyph itself was read with confidence, nor on one reading without it
  t.deepEqual(fixByDocumentContext([page(1, [cell('维修家具设备数量'), cell('维修家具设备等'), cell('维修家有具设备数量', { 4: 0.3 })])]), []);
  t.deepEqual(fixByDocumentContext([page(1, [cell('维修家具设备数量'), cell('维修家有具设备数量', { 3: 0.67 })])]), []);
});
