import test from 'ava';
import { buildPageLayout } from '../../src/table/build-tables.ts';
import { charsAt, hLine, page, vLine } from '../helpers/synthetic-page.ts';

const texts = (edges: ReturnType<typeof hLine>[], chars: ReturnType<typeof charsAt>) => {
  const layout = buildPageLayout(page(chars, edges));
  return { cells: layout.tables.flatMap((t) => t.cells.map((c) => c.text)), free: layout.freeLines.map((l) => l.text) };
};

test('a table whose page cut drew no bottom rule still closes its last row', (t) => {
  // Three columns; the last row's side rules run on to the page cut at y=160, no rule there.
  const edges = [hLine(100, 50, 350), hLine(130, 50, 350), ...[50, 150, 250, 350].map((x) => vLine(x, 100, 160))];
  const { cells, free } = texts(edges, [...charsAt('满意度指标', 55, 150), ...charsAt('≥90%', 255, 150)]);
  t.true(cells.includes('满意度指标'));
  t.true(cells.includes('≥90%'));
  t.deepEqual(free, []);
});

test('a continued table whose page top drew no rule keeps its first row', (t) => {
  const edges = [hLine(60, 50, 350), hLine(90, 50, 350), ...[50, 150, 350].map((x) => vLine(x, 30, 90))];
  const { cells, free } = texts(edges, [...charsAt('时效指标', 55, 48), ...charsAt('处非宣传时间', 155, 48)]);
  t.true(cells.includes('时效指标'));
  t.true(cells.includes('处非宣传时间'));
  t.deepEqual(free, []);
});

test('a merged cell cut by the page, closed on one side only, gets its text', (t) => {
  // Column rule x=100 runs to the cut at 200 (closed to the left by the outer cell's rule);
  // column rule x=150 stops at y=170 where a row rule goes off to the right only.
  const edges = [
    hLine(100, 50, 300),
    hLine(130, 100, 300),
    hLine(170, 150, 300),
    hLine(200, 50, 100),
    vLine(50, 100, 200),
    vLine(100, 100, 200),
    vLine(150, 100, 170),
    vLine(300, 100, 170),
  ];
  const { cells, free } = texts(edges, charsAt('产出指标', 102, 160, 8));
  t.true(cells.includes('产出指标'));
  t.deepEqual(free, []);
});

test('an ordinary merged label cell is not split by the closing rules', (t) => {
  // 项目资金 spans three rows on the left; the row rules stop at its right border (a T, not a corner).
  const edges = [
    hLine(100, 50, 300),
    hLine(120, 120, 300),
    hLine(140, 120, 300),
    hLine(160, 50, 300),
    vLine(50, 100, 160),
    vLine(120, 100, 160),
    vLine(300, 100, 160),
  ];
  const layout = buildPageLayout(page(charsAt('项目资金', 55, 135), edges));
  const label = layout.tables[0]!.cells.find((c) => c.text === '项目资金');
  t.truthy(label);
  t.is(label!.rowSpan, 3);
});

test('a cut cell left open between rules that go off outwards is closed', (t) => {
  // Page foot at y=160: the rules under the outer cells stop at the middle cell's sides, and the
  // middle cell (a merged level-1 cell going on to the next page) has none under it.
  const edges = [
    hLine(100, 50, 350),
    hLine(130, 50, 350),
    hLine(160, 50, 150),
    hLine(160, 250, 350),
    ...[50, 150, 250, 350].map((x) => vLine(x, 100, 160)),
  ];
  const { cells, free } = texts(edges, [...charsAt('表头', 55, 115), ...charsAt('产出指标', 155, 150), ...charsAt('数量', 255, 150)]);
  t.true(cells.includes('产出指标'));
  t.deepEqual(free, []);
});

test('a rule ending in the air beside a longer neighbour closes the cell between them', (t) => {
  // The left column (绩效指标) is drawn down to 180; the next columns' cells are cut at 160 where
  // their rules end with nothing crossing them.
  const edges = [
    hLine(100, 50, 250),
    hLine(130, 100, 250),
    hLine(180, 50, 100),
    vLine(50, 100, 180),
    vLine(100, 100, 180),
    vLine(150, 100, 160),
    vLine(250, 100, 160),
  ];
  const { cells, free } = texts(edges, [...charsAt('绩效', 55, 150), ...charsAt('效益', 105, 150), ...charsAt('表头', 155, 115)]);
  t.true(cells.includes('效益'));
  t.deepEqual(free, []);
});

test('a rule stopping at a corner is carried on only when its nearest neighbour runs on', (t) => {
  // Rules at 150 and 200 both end at the cut (160); the one at 200 meets a rule going right. The
  // rule at 100 runs on to 180. The cell 150–200 is closed at 160, not carried down to 180.
  const edges = [
    hLine(100, 50, 300),
    hLine(130, 100, 300),
    hLine(160, 200, 300),
    hLine(180, 50, 100),
    vLine(50, 100, 180),
    vLine(100, 100, 180),
    vLine(150, 100, 160),
    vLine(200, 100, 160),
    vLine(300, 100, 160),
  ];
  const layout = buildPageLayout(page([...charsAt('社会', 152, 150), ...charsAt('标', 160, 170)], edges));
  const cell = layout.tables[0]!.cells.find((c) => c.text.startsWith('社会'));
  t.deepEqual(cell && [cell.box[1], cell.box[3]], [130, 160]);
  t.false(layout.tables[0]!.cells.some((c) => c.box[0] < 125 && c.box[2] > 175));
});

test('two tables side by side ending at the same height stay apart', (t) => {
  const edges = [
    hLine(100, 50, 150),
    hLine(130, 50, 150),
    hLine(100, 200, 300),
    hLine(130, 200, 300),
    ...[50, 100, 150, 200, 250, 300].map((x) => vLine(x, 100, 130)),
  ];
  const layout = buildPageLayout(page([...charsAt('甲', 55, 120), ...charsAt('乙', 205, 120)], edges));
  t.is(layout.tables.length, 2);
  t.false(layout.tables.some((tb) => tb.cells.some((c) => c.box[0] < 175 && c.box[2] > 175)));
});
