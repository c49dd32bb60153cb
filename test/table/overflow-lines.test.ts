import test from 'ava';
import { buildPageLayout } from '../../src/table/build-tables.ts';
import { charsAt, hLine, page, vLine } from '../helpers/synthetic-page.ts';

// Two columns cut by the page at y=130 (no rule there: the side rules stop, the cut is closed).
const edges = [hLine(100, 50, 250), ...[50, 110, 250].map((x) => vLine(x, 100, 130))];

test('a cut cell\'s last line printed below the cut belongs to the cell', (t) => {
  const chars = [
    ...charsAt('社会', 52, 112),
    ...charsAt('效益', 52, 124),
    ...charsAt('指标', 52, 136), // one pitch (12pt) below, under the cut at 130
    ...charsAt('群众办事便利度', 112, 112),
  ];
  const layout = buildPageLayout(page(chars, edges));
  t.deepEqual(layout.tables[0]!.cells.map((c) => c.text), ['社会效益指标', '群众办事便利度']);
  t.deepEqual(layout.freeLines, []);
});

test('a page footer under the table stays outside it', (t) => {
  const chars = [
    ...charsAt('社会', 52, 112),
    ...charsAt('效益', 52, 124),
    ...charsAt('第1页', 60, 160, 8), // far below, smaller
    ...charsAt('共2页', 52, 136, 8), // right under the cell, but in another size
  ];
  const layout = buildPageLayout(page(chars, edges));
  t.is(layout.tables[0]!.cells[0]!.text, '社会效益');
  t.deepEqual(layout.freeLines.map((l) => l.text), ['共2页', '第1页']);
});
