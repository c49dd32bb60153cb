import test from 'ava';
import { buildPageLayout } from '../../src/table/build-tables.ts';
import { charsAt, gridEdges, page } from '../helpers/synthetic-page.ts';

const cellTexts = (chars: ReturnType<typeof charsAt>, xs = [50, 110, 200]) =>
  buildPageLayout(page(chars, gridEdges(xs, [100, 120]))).tables[0]!.cells.map((c) => c.text);

test('a label run on past its border keeps its tail: the next cell reads only its own amount', (t) => {
  // `实施期资金总额：` set from x=52 in a cell ending at 110: `总` (102–112) is cut by the border;
  // `额` and `：` lie wholly in the amount cell, where the spreadsheet clipped them.
  const chars = [...charsAt('实施期资金总额：', 52, 115), ...charsAt('75,000.00', 150, 115)];
  t.deepEqual(cellTexts(chars), ['实施期资金总额：', '75,000.00']);
});

test('a glyph cut by the border goes with the run it belongs to', (t) => {
  // `额` spans 107–117 with its centre right of the border at 110.
  const chars = [...charsAt('资金总额', 77, 115), ...charsAt('0.00', 180, 115)];
  t.deepEqual(cellTexts(chars), ['资金总额', '0.00']);
});

test('one run that a border meets between two glyphs is still split at the border', (t) => {
  // `项目期` ends exactly at 110, `99年` starts there: one text item holding two cells' texts.
  t.deepEqual(cellTexts(charsAt('项目期99年', 80, 115)), ['项目期', '99年']);
});

test('texts of two cells with padding between them are never joined', (t) => {
  // A right-aligned amount ending 1pt before the border, a label starting 1pt after it.
  const chars = [...charsAt('1,700', 84, 115), ...charsAt('年度资金', 111, 115)];
  t.deepEqual(cellTexts(chars), ['1,700', '年度资金']);
});

test('text that ends over the border is not joined to the next cell\'s own text close behind it', (t) => {
  // A browser let `）` run 2pt past the border at 110 (it may not start a line); the next cell's
  // own text starts 0.2pt after it, at its padding: two texts, not one run.
  const chars = [...charsAt('描述）', 82, 115), ...charsAt('二级指标', 112.2, 115)];
  t.deepEqual(cellTexts(chars), ['描述）', '二级指标']);
});
