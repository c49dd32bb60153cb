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
