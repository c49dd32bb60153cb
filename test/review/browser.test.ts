import test from 'ava';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import type { BrowserContext, Page } from 'playwright-core';
import { applyCommand } from '../../src/cli-review.ts';
import { buildReviewSite } from '../../src/review/build-site.ts';
import { parseCorrectionsText } from '../../src/review/corrections-format.ts';
import type { SiteData, SiteRecord } from '../../src/review/site-data.ts';
import type { DeclarationRecord } from '../../src/schema/record.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { chromiumMissing, launchChromium } from './browser.ts';
import { captured, makeOutput, readJsonl, removeOutputs } from './fixture.ts';

/**
 * The review page in real headless Chromium: the index and its filters, the record view's boxes
 * and selection both ways, keyboard navigation, and corrections exported, applied and found in
 * records.jsonl. One browser for the whole file; the tests run one after another.
 */

// Browser-side callbacks run in the page; the project's type-check has no DOM library.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const window: any;
declare const document: any;
declare const location: any;

interface Ctx {
  outDir: string;
  siteDir: string;
  data: SiteData;
  browser: BrowserContext;
}
let ctx: Ctx | undefined;
let setupError: string | undefined;

const loadData = async (siteDir: string): Promise<SiteData> => {
  const sandbox = { window: {} as { SHENBAO_REVIEW?: SiteData } };
  vm.runInNewContext(await readFile(path.join(siteDir, 'data.js'), 'utf8'), sandbox);
  return sandbox.window.SHENBAO_REVIEW!;
};

test.before(async () => {
  setupError = chromiumMissing() ?? undefined;
  if (setupError) return;
  const { outDir } = await makeOutput(['samples/compact-light-all.pdf', 'samples/portrait-song-02.pdf']);
  const { siteDir } = await buildReviewSite(outDir);
  const data = await loadData(siteDir);
  ctx = { outDir, siteDir, data, browser: await launchChromium() }; // launched last: a failed setup leaves no browser open
});

test.after.always(async () => {
  await ctx?.browser.close();
  await removeOutputs();
});

/** The review open at `hash`, with no decisions or filters left by an earlier test; page errors collected. */
async function open(siteDir: string, hash = ''): Promise<{ page: Page; errors: string[] }> {
  const page = await ctx!.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const url = pathToFileURL(path.join(siteDir, 'index.html')).href;
  await page.goto(url);
  await page.evaluate(() => window.localStorage.clear());
  await page.goto(url + hash);
  await page.reload();
  return { page, errors };
}

const need = (t: { fail: (m: string) => void }): Ctx | null => {
  if (setupError || !ctx) {
    t.fail(setupError ?? 'the review could not be set up');
    return null;
  }
  return ctx;
};

const rowIds = (page: Page) => page.locator('#records tbody tr[data-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
const recordHash = (r: SiteRecord) => `#/record/${encodeURIComponent(r.id)}`;
const business = (data: SiteData) => data.records.find((r) => r.projectName === '金融办业务经费' && r.file.includes('compact'))!;

async function imagesLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.querySelectorAll('.sheet img')].every((i: any) => i.complete && i.naturalWidth > 0));
}

test.serial('the index lists every record; filtering by a warning code, method or file keeps exactly the matching ones', async (t) => {
  const c = need(t);
  if (!c) return;
  const { page, errors } = await open(c.siteDir);
  t.deepEqual(await rowIds(page), c.data.records.map((r) => r.id));
  t.is(c.data.records.length, 8);

  for (const code of ['truncated-text', 'overview-amount-mismatch']) {
    await page.selectOption('#filter-code', code);
    const expected = c.data.records.filter((r) => r.warningCounts[code]).map((r) => r.id);
    t.true(expected.length > 0 && expected.length < c.data.records.length);
    t.deepEqual(await rowIds(page), expected, code);
    t.is(await page.locator(`#records tbody tr:not(:has(.chip[data-code="${code}"]))`).count(), 0);
    t.is(await page.locator('#count').textContent(), `Showing ${expected.length} of 8 records`);
  }
  t.is((await rowIds(page)).length, 2); // the two 金融办业务经费 forms

  await page.selectOption('#filter-code', '');
  await page.selectOption('#filter-file', 'samples/portrait-song-02.pdf');
  t.deepEqual(await rowIds(page), c.data.records.filter((r) => r.file === 'samples/portrait-song-02.pdf').map((r) => r.id));
  await page.selectOption('#filter-file', '');
  await page.selectOption('#filter-method', 'text');
  t.is((await rowIds(page)).length, 8);

  // sort by number of warnings, most first
  await page.click('th[data-sort="warnings"]');
  const counts = (await rowIds(page)).map((id) => c.data.records.find((r) => r.id === id)!.warnings.length);
  t.deepEqual(counts, [...counts].sort((a, b) => b - a));
  // a chip filters by its code
  await page.locator('.chip[data-code="qualifier-prefix"]').first().click();
  t.is(await page.locator('#filter-code').inputValue(), 'qualifier-prefix');
  t.deepEqual(errors, []);
  await page.close();
});

test.serial('a record view draws each field at its provenance box; selecting a field highlights its box, and the reverse', async (t) => {
  const c = need(t);
  if (!c) return;
  const record = business(c.data);
  const { page, errors } = await open(c.siteDir, recordHash(record));
  await imagesLoaded(page);
  t.is(await page.locator('.sheet').count(), record.pages.length);
  const distinctBoxes = new Set(Object.values(record.provenance).map((p) => `${p.page}:${p.bbox.join(',')}`));
  t.is(await page.locator('.box').count(), distinctBoxes.size);

  for (const field of ['funding.annual.total', 'projectName', 'indicators[0].value']) {
    await page.click(`.field[data-field="${field}"]`);
    const selected = page.locator('.box.selected');
    t.is(await selected.count(), 1, field);
    t.true((await selected.getAttribute('data-fields'))!.split(' ').includes(field));
    t.is(await page.locator(`.field.selected[data-field="${field}"]`).count(), 1);
    // the box sits where provenance says, on the page it names
    const prov = record.provenance[field]!;
    const geometry = await selected.evaluate((box) => {
      const sheet = box.closest('.sheet') as any;
      const s = sheet.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      const img = sheet.querySelector('img')!.getBoundingClientRect();
      return { page: Number(sheet.dataset.page), w: Number(sheet.dataset.width), h: Number(sheet.dataset.height), s: [s.x, s.y, s.width, s.height], b: [b.x, b.y, b.right, b.bottom], img: [img.width, img.height] };
    });
    t.is(geometry.page, prov.page);
    const [sx, sy, sw, sh] = geometry.s as [number, number, number, number];
    const expected = [sx + (prov.bbox[0] / geometry.w) * sw, sy + (prov.bbox[1] / geometry.h) * sh, sx + (prov.bbox[2] / geometry.w) * sw, sy + (prov.bbox[3] / geometry.h) * sh];
    geometry.b.forEach((v, i) => t.true(Math.abs(v - expected[i]!) < 2, `${field} box edge ${i}: ${v} vs ${expected[i]}`));
    t.true(Math.abs(geometry.img[0]! - sw) < 1 && Math.abs(geometry.img[1]! - sh) < 1); // the image fills the sheet
    t.regex((await page.locator('#inspector').textContent())!, new RegExp(`page ${prov.page}`));
  }

  // the reverse: hovering a box lights its field; clicking it selects the field
  const nameBox = page.locator('.box[data-fields~="projectName"]');
  await page.click('.field[data-field="year"]');
  await nameBox.hover();
  t.is(await page.locator('.field.hover[data-field="projectName"]').count(), 1);
  await nameBox.click();
  t.is(await page.locator('.field.selected').getAttribute('data-field'), 'projectName');
  t.regex((await page.locator('#inspector').textContent())!, /项目名称/);

  // warnings: shown with the raw reading and why; w walks them and selects their fields
  const warningItems = page.locator('ul.warnings li');
  t.is(await warningItems.count(), record.warnings.length);
  const overview = page.locator('ul.warnings li[data-code="overview-amount-mismatch"]');
  t.regex((await overview.textContent())!, /read: 270万元/);
  await page.locator('body').press('Escape'); // back to the index…
  await page.goto(page.url().replace(/#.*/, recordHash(record))); // …and to the record, nothing selected
  await page.keyboard.press('w');
  const firstWarned = record.warnings.find((w) => w.field)!.field!;
  t.is(await page.locator('.field.selected').first().getAttribute('data-field'), firstWarned);
  t.is(await page.locator('ul.warnings li.current').getAttribute('data-field'), firstWarned);
  await page.keyboard.press('w');
  const secondWarned = record.warnings.filter((w) => w.field)[1]!.field!;
  t.is(await page.locator('.field.selected').first().getAttribute('data-field'), secondWarned);

  // n / p: next and previous record (in the index's order, whatever it is: n leaves this record, p comes back)
  const shown = () => page.evaluate(() => (/^#\/record\/([^/]+)/.exec(location.hash) ?? [])[1]);
  t.is(await shown(), encodeURIComponent(record.id));
  await page.keyboard.press('n');
  await page.waitForFunction((id) => /^#\/record\/[^/]+/.test(location.hash) && !location.hash.startsWith('#/record/' + id + '/') && location.hash !== '#/record/' + id, encodeURIComponent(record.id));
  await page.keyboard.press('p');
  await page.waitForFunction((id) => location.hash === '#/record/' + id || location.hash.startsWith('#/record/' + id + '/'), encodeURIComponent(record.id));
  t.deepEqual(errors, []);
  await page.close();
});

test.serial('corrections: typed in the page, exported, applied with shenbao apply, found in records.jsonl', async (t) => {
  const c = need(t);
  if (!c) return;
  const record = business(c.data);
  const { page, errors } = await open(c.siteDir, recordHash(record));
  await page.fill('#reviewer', 'QA Tester');

  // a non-numeric amount is refused in the page
  await page.click('.field[data-field="funding.annual.total"]');
  await page.click('#correct');
  await page.fill('#edit-value', '2.7 million');
  await page.click('#save');
  t.regex((await page.locator('#edit-error').textContent())!, /Not an amount/);
  await page.fill('#edit-value', '2,700,000');
  await page.click('#save');
  t.regex((await page.locator('.field[data-field="funding.annual.total"]').textContent())!, /2,700,000/);
  t.is(await page.locator('.field.pending[data-field="funding.annual.total"]').count(), 1);

  await page.click('.field[data-field="indicators[0].value"]');
  await page.keyboard.press('v');
  await page.click('.field[data-field="projectName"]');
  await page.keyboard.press('e');
  await page.fill('#edit-value', '金融办业务经费（修订）');
  await page.press('#edit-value', 'Enter');
  t.regex((await page.locator('#export').textContent())!, /\(3\)/);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  t.is(download.suggestedFilename(), 'corrections.json');
  const file = path.join(await tempDir(t, 'shenbao-dl-'), 'corrections.json');
  await download.saveAs(file);
  const parsed = parseCorrectionsText(await readFile(file, 'utf8'));
  if (!parsed.ok) return t.fail(JSON.stringify(parsed.problems));
  t.deepEqual(parsed.file.corrections.map((x) => [x.field, x.action, x.value, x.seen, x.reviewer]), [
    ['funding.annual.total', 'correct', 2700000, 2455600, 'QA Tester'],
    ['indicators[0].value', 'verify', undefined, record.form.indicators.implementation[0]!.value.value, 'QA Tester'],
    ['projectName', 'correct', '金融办业务经费（修订）', '金融办业务经费', 'QA Tester'],
  ]);

  const applied = await captured(() => applyCommand([c.outDir, file]));
  t.is(applied.code, 0, applied.text);
  const jsonl = await readFile(path.join(c.outDir, 'records.jsonl'), 'utf8');
  const after = readJsonl(jsonl).find((r) => r.id === record.id) as DeclarationRecord;
  t.is(after.funding.annual.total, 2700000);
  t.is(after.projectName, '金融办业务经费（修订）');
  t.like(after.review!['funding.annual.total'], { action: 'correct', value: 2700000, original: 2455600, reviewer: 'QA Tester' });
  t.like(after.review!['indicators[0].value'], { action: 'verify', reviewer: 'QA Tester' });
  t.like(after.review!.projectName, { action: 'correct', original: '金融办业务经费' });
  t.truthy(Date.parse(after.review!.projectName!.at));

  // applying the same file again changes nothing
  const again = await captured(() => applyCommand([c.outDir, file]));
  t.is(again.code, 0);
  t.regex(again.text, /applied 0 of 3 decision\(s\) \(3 already applied\)/);
  t.is(await readFile(path.join(c.outDir, 'records.jsonl'), 'utf8'), jsonl);

  // the review made again shows the decisions as applied; the pending list has emptied, and the
  // overview now agrees with the corrected annual total
  await buildReviewSite(c.outDir);
  await page.reload();
  t.true(await page.locator('#export').isDisabled());
  t.is(await page.locator('.field.corrected[data-field="funding.annual.total"]').count(), 1);
  t.is(await page.locator('.field.verified[data-field="indicators[0].value"]').count(), 1);
  t.is(await page.locator('ul.warnings li[data-code="overview-amount-mismatch"]').count(), 0);
  await page.click('.field[data-field="funding.annual.total"]');
  t.regex((await page.locator('#inspector').textContent())!, /Corrected by QA Tester.*the extractor read: 2,455,600/);
  t.deepEqual(errors, []);
  await page.close();
});

test.serial('without the PDF the record view says so and still draws the boxes', async (t) => {
  const c = need(t);
  if (!c) return;
  const siteDir = await tempDir(t, 'shenbao-site-');
  await buildReviewSite(c.outDir, { siteDir, pdfRoot: os.tmpdir() });
  const data = await loadData(siteDir);
  const record = data.records[0]!;
  const { page, errors } = await open(siteDir, recordHash(record));
  t.regex((await page.locator('#page-note').textContent())!, /No page image: samples\/compact-light-all\.pdf cannot be read/);
  t.is(await page.locator('.sheet.blank').count(), record.pages.length);
  t.is(await page.locator('.sheet img').count(), 0);
  await page.click('.field[data-field="projectName"]');
  t.is(await page.locator('.box.selected').count(), 1);
  t.deepEqual(errors, []);
  await page.close();
});
