/**
 * Screenshots of the review page for the README: docs/review-index.png and docs/review-record.png.
 *
 *   npx tsx scripts/review-screenshots.ts [--out DIR]
 *
 * Extracts every sample PDF (samples/, samples/html/) into DIR (default .scratch/review-shots),
 * writes the review, and photographs it in Debian's headless Chromium (see test/review/browser.ts).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { findPdfs } from '../src/find-pdfs.ts';
import { writeBatchOutputs, type FileRecords } from '../src/output/write-outputs.ts';
import { extractFile } from '../src/pipeline.ts';
import { applyCorrections } from '../src/review/apply-corrections.ts';
import { buildReviewSite } from '../src/review/build-site.ts';
import { chromiumMissing, launchChromium } from '../test/review/browser.ts';

// Browser-side callbacks run in the page; the project's type-check has no DOM library.
declare const document: { querySelectorAll(selector: string): Iterable<{ complete: boolean; naturalWidth: number }> };
declare const localStorage: { clear(): void };

const { values } = parseArgs({ options: { out: { type: 'string', default: '.scratch/review-shots' } } });
const outDir = values.out;
const missing = chromiumMissing();
if (missing) {
  process.stderr.write(missing + '\n');
  process.exit(1);
}

const pdfs = (await findPdfs(['samples'])).filter((f) => !/scan/i.test(f));
const files: FileRecords[] = [];
for (const pdf of pdfs) {
  const result = await extractFile(pdf);
  if (result.ok) files.push({ path: pdf, records: result.records });
  else process.stderr.write(`${pdf}: ${result.error.code}\n`);
}
await writeBatchOutputs(outDir, files, []);
// Some decisions already applied, so the index shows its Review column at work.
const first = files[0]!.records[0]!;
const at = '2025-03-03T08:30:00+08:00';
const applied = await applyCorrections(outDir, {
  format: 'shenbao-corrections',
  version: 1,
  corrections: ['projectName', 'funding.implementation.total', 'funding.annual.total'].map((field) => ({ recordId: first.id, field, action: 'verify' as const, reviewer: '王芳', at })),
});
if (!applied.ok) throw new Error(JSON.stringify(applied.problems));
const site = await buildReviewSite(outDir, { now: new Date('2025-03-03T09:00:00+08:00') });
process.stderr.write(`review of ${site.records} records → ${site.indexHtml}\n`);

await mkdir('docs', { recursive: true });
const browser = await launchChromium({ width: 1440, height: 900 });
try {
  const page = await browser.newPage();
  const url = pathToFileURL(site.indexHtml).href;
  await page.goto(url);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.fill('#reviewer', '王芳');
  await page.locator('#reviewer').blur();
  await page.screenshot({ path: 'docs/review-index.png' });

  // A record with a clipped indicator name: the first warning selected, its box lit on the page.
  const record = files.flatMap((f) => f.records).find((r) => r.projectName === '单位聘用人员经费')!;
  await page.goto(`${url}#/record/${encodeURIComponent(record.id)}`);
  await page.waitForFunction(() => [...document.querySelectorAll('.sheet img')].every((i) => i.complete && i.naturalWidth > 0));
  await page.keyboard.press('w');
  await page.keyboard.press('v'); // checked against the page: printed so (verified, not yet applied)
  await page.keyboard.press('w');
  await page.screenshot({ path: 'docs/review-record.png' });
  process.stderr.write('wrote docs/review-index.png, docs/review-record.png\n');
} finally {
  await browser.close();
}
