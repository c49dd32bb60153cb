import test from 'ava';
import { findRunningLines, withoutRunningLines } from '../../src/form/running-lines.ts';
import { buildPageLayout } from '../../src/table/build-tables.ts';
import { charsAt, gridEdges, hLine, page, vLine } from '../helpers/synthetic-page.ts';

// Page 1: a cut row whose side rules run on into the margin, over the footer at y≈570.
const page1 = page(
  [
    ...charsAt('概况', 55, 115),
    ...charsAt('提高服务质量，服务对象', 155, 115),
    ...charsAt('第1页共2页', 260, 570, 8),
    ...charsAt('满意度不低于90%。', 155, 590),
  ],
  [hLine(100, 50, 450), vLine(50, 100, 600), vLine(150, 100, 600), vLine(450, 100, 600)],
  1,
);
// Page 2: the footer stands free, at the same place.
const page2 = page([...charsAt('甲', 55, 115), ...charsAt('乙', 155, 115), ...charsAt('第2页共2页', 260, 570, 8)], gridEdges([50, 150, 450], [100, 130]), 2);

test('a footer recurring at the same place is a running line, and is taken out of a cell over it', (t) => {
  const layouts = [page1, page2].map(buildPageLayout);
  t.true(layouts[0]!.tables[0]!.cells.some((c) => c.text.includes('第1页共2页')));
  t.deepEqual(findRunningLines(layouts).map((r) => r.pattern), ['第0页共0页']);
  const cleaned = withoutRunningLines(layouts);
  t.deepEqual(
    cleaned[0]!.tables[0]!.cells.map((c) => c.text),
    ['概况', '提高服务质量，服务对象满意度不低于90%。'],
  );
});

test('text printed once is never a running line', (t) => {
  const one = page([...charsAt('甲', 55, 115), ...charsAt('乙', 155, 115), ...charsAt('2024年度', 260, 60, 12)], gridEdges([50, 150, 450], [100, 130]), 1);
  const two = page([...charsAt('丙', 55, 115), ...charsAt('丁', 155, 115), ...charsAt('2025年度', 260, 300, 12)], gridEdges([50, 150, 450], [100, 130]), 2);
  t.deepEqual(findRunningLines([one, two].map(buildPageLayout)), []);
});
