/**
 * An office-suite sample family: truth records laid out as spreadsheets (flat ODS) the way a person
 * builds the form in Excel/WPS/Calc, printed to PDF by LibreOffice.
 *
 *   npx tsx scripts/make-office-samples.ts [--truth samples/truth-2024.json] [--out samples/office] [--keep-fods]
 *   npx tsx scripts/make-office-samples.ts --truth /tmp/varied/truth.json --varied 5 --out /tmp/office-varied
 *
 * Needs LibreOffice and CJK fonts on the generating machine only (Debian 12:
 * apt-get install -y libreoffice-calc-nogui fonts-noto-cjk fonts-wqy-microhei); the PDFs are committed.
 * See samples/office/README.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { TruthRecord } from './samples/truth.ts';
import { fodsDocument, type Sheet } from './office-samples/fods.ts';
import { fodtDocument, type Paragraph, type TextForm } from './office-samples/fodt.ts';
import { fitAmounts, formRows, headRows } from './office-samples/form-sheet.ts';
import { drawWorkbook } from './office-samples/random-workbook.ts';
import { WORKBOOKS, type Workbook } from './office-samples/workbooks.ts';
import { Rng } from './varied/prng.ts';

const { values: args } = parseArgs({
  options: {
    truth: { type: 'string', default: 'samples/truth-2024.json' },
    out: { type: 'string', default: 'samples/office' },
    'keep-fods': { type: 'boolean', default: false },
    /** Instead of the committed workbooks: this many drawn ones over all the truth's records (for scoring runs). */
    varied: { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});

const SOFFICE = process.env.SOFFICE_PATH ?? 'soffice';

/** A sheet name as spreadsheets allow it: no []*?:/\ and at most 31 characters. */
const sheetName = (s: string, used: Set<string>) => {
  let name = s.replace(/[[\]*?:/\\]/g, '_').slice(0, 31);
  for (let i = 2; used.has(name); i++) name = `${s.slice(0, 28)}(${i})`;
  used.add(name);
  return name;
};

function sheetsOf(book: Workbook, records: TruthRecord[]): Sheet[] {
  const rng = new Rng(book.seed);
  const used = new Set<string>();
  book.look.columns = fitAmounts(book.look, book.forms.map((i) => records[i]!));
  // Wider than the page: the person scales the print down until it fits the page width.
  const cm = (s: string) => (parseFloat(s) / 2.54) * 72;
  const width = book.look.columns.reduce((a, b) => a + b, 0);
  const room = cm(book.page.width) - 2 * cm(book.page.margins);
  if (width > room && book.page.fitWidth === 0) book.page.scale = Math.floor((100 * room) / width);
  const forms = book.forms.map((i) => formRows(records[i]!, book.look, rng));
  if (book.sheets === 'per-form') return forms.map((rows, k) => ({ name: sheetName(records[book.forms[k]!]!.projectName, used), columns: book.look.columns, rows }));
  const rows = forms.flatMap((form, k) => {
    if (k === 0) return form;
    if (book.breakBetweenForms) return [{ ...form[0]!, breakBefore: true }, ...form.slice(1)];
    return [{ height: 18, cells: new Map() }, ...form]; // a blank row between forms
  });
  return [{ name: 'Sheet1', columns: book.look.columns, rows }];
}

/** Word-processor forms: the title and year rows become paragraphs above the form's table. */
function textFormsOf(book: Workbook, records: TruthRecord[]): TextForm[] {
  const rng = new Rng(book.seed);
  book.look.columns = fitAmounts(book.look, book.forms.map((i) => records[i]!));
  // A word processor's table lies within the page's margins: narrowed to fit them, as a person would.
  const cm = (s: string) => (parseFloat(s) / 2.54) * 72;
  const room = cm(book.page.width) - 2 * cm(book.page.margins);
  const width = book.look.columns.reduce((a, b) => a + b, 0);
  if (width > room) book.look.columns = book.look.columns.map((w) => Math.floor((w * room * 10) / width) / 10);
  return book.forms.map((i, k) => {
    const rows = formRows(records[i]!, book.look, rng);
    const head = rows.slice(0, headRows(book.look));
    const paragraphs: Paragraph[] = head.flatMap((row) => [...row.cells.values()].map((cell) => ({ text: String(cell.value ?? ''), style: cell.style })));
    if (k > 0 && book.breakBetweenForms && paragraphs[0]) paragraphs[0].pageBreak = true;
    // The word processor sizes rows itself.
    return { paragraphs, columns: book.look.columns, rows: rows.slice(head.length).map((r) => ({ ...r, height: undefined })) };
  });
}

function convert(fods: string, outDir: string): void {
  // A private profile, so a desktop LibreOffice of the same user is neither used nor disturbed.
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  try {
    execFileSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, fods], { stdio: 'pipe' });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

function main(): void {
  const records = JSON.parse(readFileSync(args.truth!, 'utf8')) as TruthRecord[];
  const outDir = resolve(args.out!);
  mkdirSync(outDir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'office-samples-'));
  const books = args.varied ? drawBooks(Number(args.varied), records, Number(args.seed)) : WORKBOOKS;
  const manifest: { file: string; kind: 'vector'; records: TruthRecord[] }[] = [];
  try {
    for (const book of books) {
      const writer = book.app === 'writer';
      const source = join(work, `${book.name}.${writer ? 'fodt' : 'fods'}`);
      writeFileSync(source, writer ? fodtDocument(textFormsOf(book, records), book.page) : fodsDocument(sheetsOf(book, records), book.page));
      convert(source, work);
      renameSync(join(work, `${book.name}.pdf`), join(outDir, `${book.name}.pdf`));
      if (args['keep-fods']) writeFileSync(join(outDir, basename(source)), readFileSync(source));
      manifest.push({ file: `${book.name}.pdf`, kind: 'vector', records: book.forms.map((i) => records[i]!) });
      console.log(`${book.name}.pdf: forms ${book.forms.map((i) => i + 1).join(', ')}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
}

const hasFen = (r: TruthRecord) =>
  [r.funding.implementation, r.funding.annual].some((f) => Object.values(f).some((v) => v !== null && !Number.isInteger(v)));

/** Drawn workbooks over all records, a few forms each. */
function drawBooks(count: number, records: TruthRecord[], seed: number): Workbook[] {
  const total = records.length;
  const rng = new Rng(seed);
  const books: Workbook[] = [];
  let next = 0;
  for (let k = 0; k < count && next < total; k++) {
    const n = k === count - 1 ? total - next : Math.min(total - next, Math.max(1, Math.round(total / count)));
    const book = drawWorkbook(rng.fork(k), `office-varied-${String(k + 1).padStart(2, '0')}`, Array.from({ length: n }, (_, i) => next + i));
    // Amounts with fen print with two decimals: a whole-yuan format would print other numbers than the record's.
    if (book.forms.some((i) => hasFen(records[i]!))) book.look.format = '#,##0.00';
    books.push(book);
    next += n;
  }
  return books;
}

main();
