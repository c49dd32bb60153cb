import test from 'ava';
import { csvRows, toCsv } from '../../src/output/csv.ts';

test('a CSV document starts with a BOM, ends lines with CRLF and quotes only what it must', (t) => {
  const text = toCsv(['名称', '金额', '备注'], [['会议(培训)费', 1700000, null], ['a,b', 0, 'say "hi"\nagain']]);
  t.is(text, '\uFEFF名称,金额,备注\r\n会议(培训)费,1700000,\r\n"a,b",0,"say ""hi""\nagain"\r\n');
});

test('rows appended to a document carry no BOM and no header', (t) => {
  t.is(csvRows([['x', 2.5, null]]), 'x,2.5,\r\n');
  t.is(csvRows([]), '');
});
