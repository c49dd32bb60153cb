import test from 'ava';
import { PDFDocument } from 'pdf-lib';
import { ExtractError } from '../../src/errors.ts';
import { withDocument } from '../../src/pdf/open-document.ts';
import { readDocument } from '../../src/pdf/read-document.ts';
import { textOf } from './assert.ts';
import { makePdf, makePdfkit } from './make-pdf.ts';

async function codeOf(data: Uint8Array): Promise<string> {
  const e = await readDocument(data).then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof ExtractError)) throw new Error(`expected an ExtractError, got ${String(e)}`);
  return e.code;
}

test('zero bytes → PDF_EMPTY', async (t) => {
  t.is(await codeOf(new Uint8Array()), 'PDF_EMPTY');
});

test('garbage → PDF_INVALID with a message a person can act on', async (t) => {
  const err = await t.throwsAsync(readDocument(new TextEncoder().encode('this is not a PDF, just some text\n'.repeat(20))), { instanceOf: ExtractError });
  t.is(err?.code, 'PDF_INVALID');
  t.regex(err?.message ?? '', /not a valid PDF|could not be opened/);
  t.regex(err?.message ?? '', /re-export/);
});

test('a bare PDF header → PDF_INVALID', async (t) => {
  t.is(await codeOf(new TextEncoder().encode('%PDF-1.7\n%%EOF\n')), 'PDF_INVALID');
});

test('a password-protected PDF → PDF_ENCRYPTED', async (t) => {
  const data = await makePdfkit({ userPassword: 'secret', ownerPassword: 'owner', pdfVersion: '1.7' }, (doc) => {
    doc.text('hello', 50, 50);
  });
  const err = await t.throwsAsync(readDocument(data), { instanceOf: ExtractError });
  t.is(err?.code, 'PDF_ENCRYPTED');
  t.regex(err?.message ?? '', /password/);
});

test('a PDF encrypted with an owner password only opens (no password is needed to read it)', async (t) => {
  const data = await makePdfkit({ ownerPassword: 'owner', pdfVersion: '1.7', size: [200, 200] }, (doc) => {
    doc.fontSize(12).text('AB', 50, 50, { lineBreak: false });
  });
  const { pages } = await readDocument(data);
  t.is(textOf(pages[0]!.chars), 'AB');
});

test('a PDF without pages → PDF_NO_PAGES', async (t) => {
  const doc = await PDFDocument.create();
  t.is(await codeOf(await doc.save({ addDefaultPage: false })), 'PDF_NO_PAGES');
});

test('withDocument leaves the caller\'s bytes intact and passes its callback\'s errors through', async (t) => {
  const data = await makePdf([{}]);
  const copy = data.slice();
  t.is(await withDocument(data, async (doc) => doc.numPages), 1);
  t.is(data.length, copy.length);
  t.deepEqual(data, copy);
  // again, from the same bytes
  t.is(await withDocument(data, async (doc) => doc.numPages), 1);
  const mine = new Error('mine');
  t.is(await t.throwsAsync(withDocument(data, async () => Promise.reject(mine))), mine);
});

test('readDocument reads every page, or the ones asked for, with their numbers', async (t) => {
  const data = await makePdf([
    { content: (f) => `BT ${f.cjk} 12 Tf 50 700 Td ${f.str('项')} Tj ET` },
    { size: [842, 595], content: (f) => `BT ${f.cjk} 12 Tf 50 500 Td ${f.str('目')} Tj ET` },
    { content: (f) => `BT ${f.cjk} 12 Tf 50 700 Td ${f.str('名')} Tj ET` },
  ]);
  const all = await readDocument(data);
  t.is(all.pageCount, 3);
  t.deepEqual(
    all.pages.map((p) => [p.pageNumber, p.width, p.height, textOf(p.chars)]),
    [
      [1, 595, 842, '项'],
      [2, 842, 595, '目'],
      [3, 595, 842, '名'],
    ],
  );
  const some = await readDocument(data, { pages: [3, 2, 9] });
  t.is(some.pageCount, 3);
  t.deepEqual(
    some.pages.map((p) => [p.pageNumber, textOf(p.chars)]),
    [
      [3, '名'],
      [2, '目'],
    ],
  );
});
