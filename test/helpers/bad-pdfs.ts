import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import PDFDocument from 'pdfkit';

/** A PDF made by pdfkit, as bytes. */
export function pdfkitBytes(draw: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument(options);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

/** Every kind of bad input a batch meets, with the error code each must end as. */
export async function writeBadFiles(dir: string, goodPdf: string): Promise<Map<string, string>> {
  await mkdir(dir, { recursive: true });
  const good = await readFile(goodPdf);
  const files = new Map<string, [Uint8Array | string, string]>([
    ['empty.pdf', ['', 'PDF_EMPTY']],
    ['not-a-pdf.pdf', ['项目名称,金额\n政府购买服务经费,1700000\n', 'PDF_INVALID']],
    ['truncated.pdf', [good.subarray(0, 900), 'PDF_INVALID']],
    ['encrypted.pdf', [await pdfkitBytes((d) => d.text('secret'), { userPassword: 'pw', ownerPassword: 'owner' }), 'PDF_ENCRYPTED']],
    ['no-form.pdf', [await pdfkitBytes((d) => d.text('Quarterly report: nothing to see here.')), 'FORM_NOT_FOUND']],
  ]);
  const expected = new Map<string, string>();
  for (const [name, [content, code]] of files) {
    await writeFile(path.join(dir, name), content);
    expected.set(path.join(dir, name), code);
  }
  return expected;
}
