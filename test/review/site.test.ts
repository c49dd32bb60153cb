import test from 'ava';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { APP_JS } from '../../src/review/assets/app-js.ts';
import { buildReviewSite } from '../../src/review/build-site.ts';
import { ReviewError } from '../../src/review/errors.ts';
import { pagesOfRecord, siteForm, type SiteData } from '../../src/review/site-data.ts';
import { recordFields } from '../../src/schema/record-fields.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { makeOutput, removeOutputs } from './fixture.ts';

const loadData = async (siteDir: string): Promise<SiteData> => {
  const sandbox = { window: {} as { SHENBAO_REVIEW?: SiteData } };
  vm.runInNewContext(await readFile(path.join(siteDir, 'data.js'), 'utf8'), sandbox);
  return sandbox.window.SHENBAO_REVIEW!;
};

let fixture: ReturnType<typeof makeOutput> | undefined;
const output = () => (fixture ??= makeOutput(['samples/portrait-song-01.pdf', 'samples/portrait-song-02.pdf', 'samples/portrait-song-03.pdf']));
test.after.always(removeOutputs);

test('the page script is valid JavaScript', (t) => {
  t.notThrows(() => new vm.Script(APP_JS));
});

test('a review: index.html, data.js, assets and one image per referenced page; a second run reuses them', async (t) => {
  const { outDir, records } = await output();
  const result = await buildReviewSite(outDir, { now: new Date('2025-02-01T00:00:00Z') });
  t.is(result.siteDir, path.join(outDir, 'review'));
  const html = await readFile(result.indexHtml, 'utf8');
  t.regex(html, /<script src="data.js"><\/script>/);
  t.notRegex(html, /https?:/); // nothing from the network
  t.regex(await readFile(path.join(result.siteDir, 'assets', 'app.js'), 'utf8'), /SHENBAO_REVIEW/);
  const expectedPages = records.reduce((n, r) => n + pagesOfRecord(r).length, 0);
  t.is(result.pagesRendered, expectedPages);
  const pngs = (await readdir(path.join(result.siteDir, 'pages'))).filter((f) => f.endsWith('.png'));
  t.is(pngs.length, expectedPages);
  const png = await readFile(path.join(result.siteDir, 'pages', pngs[0]!));
  t.deepEqual([...png.subarray(1, 4)], [...Buffer.from('PNG')]);

  const data = await loadData(result.siteDir);
  t.is(data.format, 'shenbao-review');
  t.is(data.records.length, records.length);
  t.deepEqual(data.selection, { kind: 'all', total: records.length });
  for (const [i, r] of data.records.entries()) {
    const source = records[i]!;
    t.is(r.id, source.id);
    t.deepEqual(r.provenance, source.provenance);
    t.true(r.pages.every((p) => p.image !== null && p.width! > 500 && p.height! > 500));
    // every field of the record is in the grouped form exactly once
    const form = siteForm(source);
    const paths = [
      ...form.basics, ...form.texts, ...form.goals,
      ...form.funding.flatMap((row) => [row.implementation, row.annual]),
      ...Object.values(form.indicators).flat().flatMap((row) => [row.level1, row.level2, row.name, row.value]),
    ].map((f) => f.path).sort();
    t.deepEqual(paths, recordFields(source).map(([p]) => p).filter((p) => !p.endsWith('.period') || !p.startsWith('indicators')).sort());
  }
  // the overview check is the record's own (extract) warning, shown once
  const business = data.records.find((r) => r.projectName === '金融办业务经费')!;
  t.is(business.warningCounts['overview-amount-mismatch'], 1);
  t.true(business.warnings.some((w) => w.origin === 'extract' && w.field === 'overview'));
  t.true(data.warningCodes.includes('overview-amount-mismatch'));

  const again = await buildReviewSite(outDir, {});
  t.is(again.pagesRendered, 0);
  t.is(again.pagesReused, expectedPages);
});

test('--sample and --warnings-only choose the records; a sample is reproducible', async (t) => {
  const { outDir } = await output();
  const siteDir = await tempDir(t, 'shenbao-site-');
  const a = await buildReviewSite(outDir, { siteDir, sample: 2, seed: 'qa' });
  const first = (await loadData(siteDir)).records.map((r) => r.id);
  t.is(first.length, 2);
  t.deepEqual(a.selection, { kind: 'sample', total: 3, sample: { size: 2, seed: 'qa' } });
  await buildReviewSite(outDir, { siteDir, sample: 2, seed: 'qa' });
  t.deepEqual((await loadData(siteDir)).records.map((r) => r.id), first);
  // images of records no longer shown are removed
  const pngs = await readdir(path.join(siteDir, 'pages'));
  const data = await loadData(siteDir);
  t.is(pngs.filter((f) => f.endsWith('.png')).length, data.records.reduce((n, r) => n + r.pages.length, 0));

  const warned = await buildReviewSite(outDir, { siteDir, warningsOnly: true });
  t.is(warned.selection.kind, 'warnings-only');
  t.true((await loadData(siteDir)).records.every((r) => r.warnings.length > 0));
});

test('a missing PDF: the review still works, without images, and says why', async (t) => {
  const { outDir, records } = await output();
  const siteDir = await tempDir(t, 'shenbao-site-');
  const result = await buildReviewSite(outDir, { siteDir, pdfRoot: os.tmpdir() });
  t.is(result.pagesRendered, 0);
  t.is(result.notes.length, records.length); // one PDF each
  const data = await loadData(siteDir);
  for (const r of data.records) {
    t.true(r.pages.length > 0 && r.pages.every((p) => p.image === null));
    t.regex(r.pageNote!, /cannot be read/);
  }
});

test('a changed PDF is not drawn under the old boxes', async (t) => {
  const { outDir } = await output();
  const root = await tempDir(t, 'shenbao-root-');
  await mkdir(path.join(root, 'samples'));
  for (const f of ['portrait-song-01.pdf', 'portrait-song-02.pdf', 'portrait-song-03.pdf']) {
    await writeFile(path.join(root, 'samples', f), await readFile(path.join('samples', f === 'portrait-song-01.pdf' ? 'portrait-song-04.pdf' : f)));
  }
  const siteDir = await tempDir(t, 'shenbao-site-');
  await buildReviewSite(outDir, { siteDir, pdfRoot: root });
  const data = await loadData(siteDir);
  t.regex(data.records[0]!.pageNote!, /changed since it was extracted/);
  t.true(data.records[0]!.pages.every((p) => p.image === null));
  t.true(data.records[1]!.pages.every((p) => p.image !== null));
});

test('a folder that is not a review is never overwritten', async (t) => {
  const { outDir } = await output();
  const siteDir = await tempDir(t, 'shenbao-site-');
  await writeFile(path.join(siteDir, 'thesis.docx'), 'precious');
  const e = await t.throwsAsync(buildReviewSite(outDir, { siteDir }), { instanceOf: ReviewError });
  t.is(e?.code, 'SITE_DIR_NOT_OURS');
  t.is(await readFile(path.join(siteDir, 'thesis.docx'), 'utf8'), 'precious');
  const missing = await t.throwsAsync(buildReviewSite(path.join(siteDir, 'nothing')), { instanceOf: ReviewError });
  t.is(missing?.code, 'OUTPUT_NOT_FOUND');
});
