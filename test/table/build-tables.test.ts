import test from 'ava';
import { buildPageLayout } from '../../src/table/build-tables.ts';
import { cleanEdges } from '../../src/table/edges.ts';
import { charsAt, gridEdges, hLine, page, vLine } from '../helpers/synthetic-page.ts';

test('a plain 3×2 grid gives six cells with their text', (t) => {
  const edges = gridEdges([50, 150, 300], [100, 120, 140, 160]);
  const chars = [...charsAt('项目名称', 55, 115), ...charsAt('经费', 155, 115), ...charsAt('1,700', 155, 155)];
  const [table] = buildPageLayout(page(chars, edges)).tables;
  t.truthy(table);
  t.deepEqual(table!.xs, [50, 150, 300]);
  t.deepEqual(table!.ys, [100, 120, 140, 160]);
  t.is(table!.cells.length, 6);
  t.deepEqual(
    table!.cells.map((c) => [c.row, c.col, c.text]),
    [
      [0, 0, '项目名称'],
      [0, 1, '经费'],
      [1, 0, ''],
      [1, 1, ''],
      [2, 0, ''],
      [2, 1, '1,700'],
    ],
  );
});

test('a merged cell spans rows and columns', (t) => {
  // Left column merged over three rows; the top-right cell spans two columns.
  const edges = [
    hLine(100, 50, 350),
    hLine(120, 150, 350),
    hLine(140, 150, 350),
    hLine(160, 50, 350),
    vLine(50, 100, 160),
    vLine(150, 100, 160),
    vLine(250, 120, 160),
    vLine(350, 100, 160),
  ];
  const chars = [...charsAt('项目资金', 55, 135), ...charsAt('实施期资金总额', 155, 115)];
  const [table] = buildPageLayout(page(chars, edges)).tables;
  const left = table!.cells.find((c) => c.col === 0)!;
  t.is(left.rowSpan, 3);
  t.is(left.colSpan, 1);
  t.is(left.text, '项目资金');
  const top = table!.cells.find((c) => c.row === 0 && c.col === 1)!;
  t.is(top.colSpan, 2);
  t.is(top.text, '实施期资金总额');
  t.is(table!.cells.length, 6);
});

test('text wrapped inside a cell joins with no space; Latin words keep one', (t) => {
  const edges = gridEdges([50, 130, 300], [100, 140]);
  const chars = [
    ...charsAt('市县（区）财政资', 52, 112, 9),
    ...charsAt('金', 52, 124, 9),
    ...charsAt('Wind', 135, 112, 9),
    ...charsAt('data', 135, 124, 9),
  ];
  const [table] = buildPageLayout(page(chars, edges)).tables;
  t.is(table!.cells[0]!.text, '市县（区）财政资金');
  t.deepEqual(table!.cells[0]!.lines, ['市县（区）财政资', '金']);
  t.is(table!.cells[1]!.text, 'Wind data');
});

test('a text item crossing a cell border is split by glyph position', (t) => {
  const edges = gridEdges([50, 110, 200], [100, 120]);
  // '项目期' then '99年' drawn as one run: the 4th glyph starts at x = 80 + 3*10 = 110.
  const chars = charsAt('项目期99年', 80, 115);
  const [table] = buildPageLayout(page(chars, edges)).tables;
  t.deepEqual(
    table!.cells.map((c) => c.text),
    ['项目期', '99年'],
  );
});

test('near-miss, double and dotted rules still make one grid', (t) => {
  const dotted = Array.from({ length: 50 }, (_, i) => hLine(140, 50 + i * 5, 50 + i * 5 + 2.5));
  const edges = [
    hLine(100, 50, 300),
    hLine(101.5, 50, 300), // a double rule
    hLine(120, 50, 300),
    ...dotted,
    vLine(50, 100, 140),
    vLine(150, 100, 119), // stops 1pt short of the row line
    vLine(152, 119, 140), // and continues 2pt off to the right
    vLine(300, 100, 140),
  ];
  const chars = [...charsAt('甲', 60, 115), ...charsAt('乙', 160, 115), ...charsAt('丙', 60, 135), ...charsAt('丁', 160, 135)];
  const [table] = buildPageLayout(page(chars, edges)).tables;
  t.is(table!.ys.length, 3, 'double rule snapped into one, dotted rule joined');
  t.is(table!.xs.length, 3, 'offset vertical pieces snapped into one');
  t.deepEqual(
    table!.cells.map((c) => c.text),
    ['甲', '乙', '丙', '丁'],
  );
});

test('text outside the table becomes free lines; separate tables stay apart', (t) => {
  const edges = [...gridEdges([50, 150, 300], [100, 120]), ...gridEdges([50, 150, 300], [400, 420])];
  const chars = [...charsAt('山西省省级预算部门（单位）项目支出绩效目标申报表', 60, 60), ...charsAt('(2024年度)', 120, 80)];
  const layout = buildPageLayout(page(chars, edges));
  t.is(layout.tables.length, 2);
  t.deepEqual(
    layout.freeLines.map((l) => l.text),
    ['山西省省级预算部门（单位）项目支出绩效目标申报表', '(2024年度)'],
  );
});

test('short strokes are not rules', (t) => {
  const edges = cleanEdges([hLine(100, 10, 12), vLine(30, 50, 51), hLine(200, 10, 100)]);
  t.deepEqual(edges, [hLine(200, 10, 100)]);
});
