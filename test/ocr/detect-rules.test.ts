import test from 'ava';
import { binarize, otsuThreshold, threshold } from '../../src/ocr/binarize.ts';
import { detectRules, ruleOptionsForDpi, segmentsToEdges } from '../../src/ocr/detect-rules.ts';
import { estimateSkew, rotateGray } from '../../src/ocr/deskew.ts';
import type { GrayImage } from '../../src/ocr/gray-image.ts';
import { buildPageLayout } from '../../src/table/build-tables.ts';
import { addNoise, fakeText, gridImage } from './synthetic-scan.ts';

const DPI = 200;
const SCALE = DPI / 72;
const XS = [100, 400, 700, 1000];
const YS = [100, 160, 220, 400, 600];

const ink = (img: GrayImage) => threshold(img, otsuThreshold(img));

/** The grid the shared table code builds from the rules found in an image: xs and ys in pixels. */
function gridOf(img: GrayImage) {
  const rules = detectRules(binarize(img).ink, ruleOptionsForDpi(DPI));
  const edges = segmentsToEdges(rules, SCALE);
  const layout = buildPageLayout({ pageNumber: 1, width: img.width / SCALE, height: img.height / SCALE, chars: [], edges });
  const table = layout.tables[0];
  return { rules, tables: layout.tables.length, xs: table?.xs.map((v) => v * SCALE) ?? [], ys: table?.ys.map((v) => v * SCALE) ?? [], cells: table?.cells.length ?? 0 };
}

const near = (actual: number[], expected: number[], tol: number) => actual.length === expected.length && actual.every((v, i) => Math.abs(v - expected[i]!) <= tol);

test('a clean ruled grid becomes the same cells as a digital one', (t) => {
  const g = gridOf(gridImage(1200, 700, { xs: XS, ys: YS }));
  t.is(g.tables, 1);
  t.is(g.cells, 12);
  t.true(near(g.xs, XS.map((x) => x + 1), 2), `xs ${g.xs}`);
  t.true(near(g.ys, YS.map((y) => y + 1), 2), `ys ${g.ys}`);
  t.is(g.rules.length, XS.length + YS.length);
});

test('broken and slightly curved rules are still whole rules', (t) => {
  const g = gridOf(gridImage(1200, 700, { xs: XS, ys: YS, breakGap: 5, breakEvery: 90, bow: 2 }));
  t.is(g.tables, 1);
  t.is(g.cells, 12);
  t.is(g.rules.filter((r) => r.orientation === 'h').length, YS.length);
  t.is(g.rules.filter((r) => r.orientation === 'v').length, XS.length);
});

test('thick rules are one rule each, at their centre', (t) => {
  const g = gridOf(gridImage(1200, 700, { xs: XS, ys: YS, thickness: 5 }));
  t.is(g.cells, 12);
  t.true(near(g.ys, YS.map((y) => y + 2.5), 1.5), `ys ${g.ys}`);
});

test('text whose strokes nearly touch makes no rules', (t) => {
  const img = gridImage(1200, 700, { xs: XS, ys: YS });
  fakeText(img, 110, 110, 10); // a 260 px line of bold-like glyphs
  fakeText(img, 410, 230, 10, 4);
  fakeText(img, 120, 420, 8, 3);
  const g = gridOf(img);
  t.is(g.cells, 12);
  t.is(g.rules.length, XS.length + YS.length);
});

test('a double rule is two rules; the tops of a line of text just under a rule are none', (t) => {
  const img = gridImage(1200, 700, { xs: XS, ys: YS });
  // a second line 6 px under the rule at y 400, as long
  for (let y = 406; y < 408; y++) for (let x = 100; x < 1002; x++) img.data[y * img.width + x] = 0;
  // 9 px under the rule at y 160: glyphs whose top strokes touch, with their strokes hanging under them
  for (let x = 110; x < 390; x++) {
    for (let y = 169; y < 172; y++) img.data[y * img.width + x] = 0;
    if (x % 9 < 3) for (let y = 172; y < 195; y++) img.data[y * img.width + x] = 0;
  }
  const g = gridOf(img);
  const horizontal = g.rules.filter((r) => r.orientation === 'h').map((r) => Math.round(r.position));
  t.true(horizontal.includes(407), `horizontal ${horizontal}`);
  t.false(horizontal.some((y) => y > 165 && y < 175), `horizontal ${horizontal}`);
});

test('a rule with text printed close under it along its whole length is a rule', (t) => {
  const img = gridImage(1200, 700, { xs: XS, ys: YS });
  // the rule at y 220 is rows 220-221; glyphs from row 224 down, in every cell, nearly touching
  for (let y = 224; y < 246; y++) for (let x = 104; x < 1000; x++) if (x % 9 < 6) img.data[y * img.width + x] = 0;
  const horizontal = gridOf(img).rules.filter((r) => r.orientation === 'h').map((r) => Math.round(r.position));
  t.true(horizontal.includes(221), `horizontal ${horizontal}`);
});

test('a short border between two cells of a low row is kept; a lone short stroke is not', (t) => {
  const img = gridImage(1200, 700, { xs: [100, 1000], ys: YS });
  // a border only in the 60 px high first row: it meets the rules above and below
  for (let y = 100; y < 162; y++) for (let x = 550; x < 552; x++) img.data[y * img.width + x] = 0;
  // a 60 px stroke in the middle of a tall cell, touching nothing
  for (let y = 450; y < 510; y++) for (let x = 300; x < 302; x++) img.data[y * img.width + x] = 0;
  const g = gridOf(img);
  const vertical = g.rules.filter((r) => r.orientation === 'v').map((r) => Math.round(r.position));
  t.true(vertical.includes(551), `vertical ${vertical}`);
  t.false(vertical.includes(301));
  t.is(g.cells, 5);
});

test('noise and uneven paper do not hide the rules nor add any', (t) => {
  const img = gridImage(1200, 700, { xs: XS, ys: YS });
  for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x++) img.data[y * img.width + x] = Math.min(img.data[y * img.width + x]!, 255 - Math.round((x / img.width) * 40));
  addNoise(img, 30);
  const g = gridOf(img);
  t.is(g.cells, 12);
  t.is(g.rules.length, XS.length + YS.length);
});

// the issue asks for ±3°; scans fed in carelessly go further, and rules 2 px thick are found to 5°
for (const deg of [1.2, -2.5, 0.4, -0.8, 2.9, -4.2, 4.8]) {
  test(`the skew of a page turned by ${deg}° is found within 0.1°, and straightening restores the grid`, (t) => {
    const img = gridImage(1200, 700, { xs: XS, ys: YS });
    fakeText(img, 410, 230, 10, 4);
    const skewed = rotateGray(img, deg);
    const found = estimateSkew(ink(skewed), { minRun: 20 });
    t.true(Math.abs(found - deg) <= 0.1, `found ${found}`);
    const g = gridOf(rotateGray(skewed, -found));
    t.is(g.cells, 12);
  });
}

for (const deg of [0.37, -1.73, 2.21]) {
  test(`the skew of a noisy page of text and rules turned by ${deg}° is found within 0.05°`, (t) => {
    const img = gridImage(1654, 1200, { xs: [100, 400, 700, 1000, 1500], ys: [100, 160, 220, 400, 600, 900, 1100] });
    fakeText(img, 410, 230, 30, 4);
    fakeText(img, 110, 420, 50, 5);
    const skewed = rotateGray(img, deg);
    addNoise(skewed, 30);
    const found = estimateSkew(ink(skewed), { minRun: 20 });
    t.true(Math.abs(found - deg) <= 0.05, `found ${found}`);
  });
}

test('a page without long runs has no skew', (t) => {
  const img = gridImage(1200, 700, { xs: [], ys: [] });
  fakeText(img, 100, 100, 5, 2);
  t.is(estimateSkew(ink(img), { minRun: 40 }), 0);
});

test('a row a page break cut off at the top keeps its borders: they run off to blank paper', (t) => {
  // the rest of a row printed at the top of a page: its borders and bottom rule, no rule above
  const img = gridImage(1200, 700, { xs: XS, ys: [300, 600] });
  for (const x of XS) {
    for (let y = 60; y < 160; y++) for (let d = 0; d < 3; d++) img.data[y * img.width + x + d] = 0;
  }
  for (let x = XS[0]!; x <= XS[XS.length - 1]! + 2; x++) for (let d = 0; d < 3; d++) img.data[(160 + d) * img.width + x] = 0;
  const rules = detectRules(binarize(img).ink, ruleOptionsForDpi(DPI));
  const cut = rules.filter((r) => r.orientation === 'v' && r.start < 100 && r.end < 200);
  t.is(cut.length, XS.length);
});

test('a lone stroke standing on a rule is not a border', (t) => {
  const img = gridImage(1200, 700, { xs: XS, ys: [300, 600] });
  for (let x = XS[0]!; x <= XS[XS.length - 1]! + 2; x++) for (let d = 0; d < 3; d++) img.data[(160 + d) * img.width + x] = 0;
  for (let y = 100; y < 160; y++) for (let d = 0; d < 3; d++) img.data[y * img.width + 500 + d] = 0;
  const rules = detectRules(binarize(img).ink, ruleOptionsForDpi(DPI));
  t.is(rules.filter((r) => r.orientation === 'v' && r.end < 200).length, 0);
});
