import test from 'ava';
import { checkDashAsOne } from '../../src/ocr/dash-as-one.ts';
import type { PageChar } from '../../src/pdf/types.ts';
import type { Cell } from '../../src/table/types.ts';

/** A one-line OCR cell from glyphs [text, x0, x1] on a line 10 units high. */
function cell(glyphs: Array<[string, number, number]>): Cell {
  const chars: PageChar[] = glyphs.map(([text, x0, x1]) => ({ text, box: [x0, 0, x1, 10], baseline: 10, size: 10, upright: true, confidence: 0.8 }));
  const text = glyphs.map((g) => g[0]).join('');
  return { row: 0, col: 0, rowSpan: 1, colSpan: 1, box: [0, 0, 200, 10], text, lines: [text], chars };
}
/** Glyphs of `text` one em (10 units) apart, but dashes as given. */
const em = (text: string, from = 0): Array<[string, number, number]> => [...text].map((t, i) => [t, from + 10 * i, from + 10 * i + 10]);

test('two hyphens spanning one em after a full stop, before an ideograph, are 一', (t) => {
  const c = cell([...em('需要。'), ['-', 30, 35.5], ['-', 35.5, 41.5], ...em('是依据', 42)]);
  const fix = checkDashAsOne(c);
  t.is(fix?.text, '需要。一是依据');
  t.is(fix?.rule, 'dash-as-one');
  t.is(fix?.dropped.length, 2);
  t.deepEqual(fix?.added.map((g) => [g.text, g.box[0], g.box[2]]), [['一', 30, 41.5]]);
});

test('one hyphen of an em between ideographs is 一', (t) => {
  t.is(checkDashAsOne(cell([...em('统'), ['-', 10, 19], ...em('规划', 20)]))?.text, '统一规划');
});

test('dashes beside a digit, narrow ones, and a dash of two ems stay', (t) => {
  t.is(checkDashAsOne(cell([...em('231'), ['-', 30, 38], ...em('山西省', 40)])), null, 'a code joined to a name');
  t.is(checkDashAsOne(cell([...em('2023'), ['-', 40, 48], ...em('2025', 50)])), null, 'a range');
  t.is(checkDashAsOne(cell([...em('中'), ['-', 10, 13], ...em('美', 14)])), null, 'a hyphen a third of an em wide');
  t.is(checkDashAsOne(cell([...em('项目'), ['-', 20, 30], ['-', 30, 40], ...em('建设', 40)])), null, '—— is two ems');
  t.is(checkDashAsOne(cell([...em('项目'), ['-', 20, 30], ...em('A', 30)])), null, 'no ideograph after it');
});
