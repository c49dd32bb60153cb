import test from 'ava';
import { buildPageLayout } from '../../src/table/build-tables.ts';
import { charsAt, gridEdges, page } from '../helpers/synthetic-page.ts';

const textOf = (chars: ReturnType<typeof charsAt>) => buildPageLayout(page(chars, gridEdges([50, 150, 250], [100, 140]))).tables[0]!.cells[0]!.text;

test('a Latin code broken mid-word by a full line joins with no space', (t) => {
  // Padding 2pt: room 96pt. Line 1 takes 95pt; its next glyph (5pt wide) could not follow it.
  t.is(textOf([...charsAt('互联互通，实现政务O', 52, 112), ...charsAt('A系统', 52, 124)]), '互联互通，实现政务OA系统');
  t.is(textOf([...charsAt('采用开源数据库Postg', 52, 112), ...charsAt('reSQL集群', 52, 124)]), '采用开源数据库PostgreSQL集群');
});

test('Latin words wrapped at a space keep one', (t) => {
  // `Wind` leaves room for more on its line: the break was at a space.
  t.is(textOf([...charsAt('Wind', 52, 112), ...charsAt('data', 52, 124)]), 'Wind data');
  t.is(textOf([...charsAt('采用Open', 52, 112), ...charsAt('Source软件', 52, 124)]), '采用Open Source软件');
});
