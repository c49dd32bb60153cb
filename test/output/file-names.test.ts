import test from 'ava';
import { pdfFolderNames, recordFileStem, sanitizeName } from '../../src/output/file-names.ts';

test('names are made safe as one path segment and stay readable', (t) => {
  t.is(sanitizeName('会议(培训)费'), '会议(培训)费');
  t.is(sanitizeName('a/b\\c:d*e?f"g<h>i|j'), 'a_b_c_d_e_f_g_h_i_j');
  t.is(sanitizeName('..\u0000hidden'), '_hidden');
  t.is(sanitizeName('   '), 'untitled');
  t.is([...sanitizeName('长'.repeat(200))].length, 80);
});

test('PDFs with the same base name in different folders get distinct, stable folders', (t) => {
  const names = pdfFolderNames(['a/2024.pdf', 'b/2024.pdf', 'c/other.PDF']);
  t.is(names.get('c/other.PDF'), 'other');
  const a = names.get('a/2024.pdf')!;
  const b = names.get('b/2024.pdf')!;
  t.not(a, b);
  t.regex(a, /^2024-[0-9a-f]{8}$/);
  t.deepEqual(pdfFolderNames(['b/2024.pdf', 'a/2024.pdf']).get('a/2024.pdf'), a, 'the same file gets the same name whatever the order');
});

test('record files are numbered by their place in the PDF', (t) => {
  t.is(recordFileStem(3, '政府购买服务经费'), '03-政府购买服务经费');
  t.is(recordFileStem(12, null), '12-untitled');
});
