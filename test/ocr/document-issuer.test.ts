import test from 'ava';
import { fixDocumentIssuers } from '../../src/ocr/document-issuer.ts';
import type { PageChar } from '../../src/pdf/types.ts';
import type { Cell, PageLayout } from '../../src/table/types.ts';

/** A one-line OCR cell of `text`, its glyphs read with confidence 0.95 but where `doubts` says otherwise. */
function cell(text: string, doubts: Record<number, number> = {}): Cell {
  const chars: PageChar[] = [...text].map((t, i) => ({ text: t, box: [10 * i, 0, 10 * i + 10, 10], baseline: 10, size: 10, upright: true, confidence: doubts[i] ?? 0.95 }));
  return { row: 0, col: 0, rowSpan: 1, colSpan: 1, box: [0, 0, 10 * chars.length, 10], text, lines: [text], chars };
}
const page = (cells: Cell[]): PageLayout =>
  ({ pageNumber: 1, width: 595, height: 842, tables: [{ pageNumber: 1, box: [0, 0, 595, 842], xs: [], ys: [], cells }], freeLines: [] }) as unknown as PageLayout;

// the head 晋 is read in doubt even where it is right: its evidence is how often, not how sure
const cited = () => [cell('《关于印发的通知》(晋财行〔2018〕49号)', { 8: 0.6 }), cell('依据晋政发[2020]3号、晋财资【2018】8号'), cell('按照(晋财行〔2014〕5号)', { 3: 0.7 })];

test("a document number's head read in doubt as a glyph no issuer is abbreviated to is the head the file's numbers begin with", (t) => {
  const misread = cell('规定(晋财行〔2018〕49号)、胶财行【2014】5号', { 17: 0.62 });
  const fixes = fixDocumentIssuers([page([...cited(), misread])]);
  t.deepEqual(fixes.map((f) => [f.cell, f.text]), [[misread, '规定(晋财行〔2018〕49号)、晋财行【2014】5号']]);
  t.regex(fixes[0]!.rule, /胶财行 → 晋财行: 4 of the file's document numbers begin with 晋/);
});

test('a head read with confidence, an issuer of its own, one the file reads twice, or a file of no one head, is left', (t) => {
  t.deepEqual(fixDocumentIssuers([page([...cited(), cell('、胶财行【2014】5号')])]), [], 'read with confidence');
  t.deepEqual(fixDocumentIssuers([page([...cited(), cell('、国办发〔2014〕5号', { 1: 0.4 })])]), [], 'an issuer of its own');
  t.deepEqual(fixDocumentIssuers([page([...cited(), cell('、胶财行【2014】5号', { 1: 0.5 }), cell('胶财行〔2015〕1号')])]), [], 'read twice');
  // 晋 three times, 京 twice: neither heads the file's numbers
  t.deepEqual(fixDocumentIssuers([page([...cited(), cell('京财行〔2019〕1号、京财资〔2019〕2号'), cell('、胶财行【2014】5号', { 1: 0.5 })])]), []);
  // a run of ideographs longer than an issuer is no document number's head (`依据晋财资`)
  t.deepEqual(fixDocumentIssuers([page([...cited(), cell('依据胶财资〔2018〕8号', { 2: 0.5 })])]), []);
});
