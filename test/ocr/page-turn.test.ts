import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import type { Box } from '../../src/geometry.ts';
import { turnGray } from '../../src/ocr/gray-image.ts';
import { medianConfidence, unturnBox } from '../../src/ocr/page-turn.ts';
import { shutdownOcr } from '../../src/ocr/engine.ts';
import { extractRecords } from '../../src/pipeline.ts';
import type { PageChar } from '../../src/pdf/types.ts';

const samples = join(import.meta.dirname, '../../samples');

test.after.always(async () => {
  await shutdownOcr();
});

test('an image turned by quarter turns: clockwise, exact, four turns the identity', (t) => {
  // 3 wide, 2 tall:  1 2 3 / 4 5 6
  const img = { width: 3, height: 2, data: Uint8Array.from([1, 2, 3, 4, 5, 6]) };
  t.deepEqual(turnGray(img, 1), { width: 2, height: 3, data: Uint8Array.from([4, 1, 5, 2, 6, 3]) });
  t.deepEqual(turnGray(img, 2), { width: 3, height: 2, data: Uint8Array.from([6, 5, 4, 3, 2, 1]) });
  t.deepEqual(turnGray(img, 3), { width: 2, height: 3, data: Uint8Array.from([3, 6, 2, 5, 1, 4]) });
  t.deepEqual(turnGray(turnGray(turnGray(turnGray(img, 1), 1), 1), 1), img);
  t.is(turnGray(img, 0), img);
});

test('a box found on a turned page image goes back onto the page as scanned', (t) => {
  const [w, h] = [60, 40];
  const scanned: Box = [5, 7, 15, 10]; // a 10 × 3 mark near the top left
  const img = { width: w, height: h, data: new Uint8Array(w * h).fill(255) };
  for (let y = scanned[1]; y < scanned[3]; y++) for (let x = scanned[0]; x < scanned[2]; x++) img.data[y * w + x] = 0;
  for (const q of [0, 1, 2, 3]) {
    const turned = turnGray(img, q);
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let y = 0; y < turned.height; y++) {
      for (let x = 0; x < turned.width; x++) {
        if (turned.data[y * turned.width + x] !== 0) continue;
        [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x + 1), Math.max(y1, y + 1)];
      }
    }
    t.deepEqual(unturnBox([x0, y0, x1, y1], q, turned), scanned, `${q} quarter turns`);
  }
});

test('the median confidence of a page\'s glyphs', (t) => {
  const glyph = (confidence?: number) => ({ text: '字', box: [0, 0, 1, 1], baseline: 1, size: 1, upright: true, confidence }) as PageChar;
  t.is(medianConfidence([glyph(0.9), glyph(0.1), glyph(0.8)]), 0.8);
  t.is(medianConfidence([glyph(0.9), glyph()]), 0.9);
  t.is(medianConfidence([]), 0);
});

test('a form scanned with one page upside down and one sideways reads as the digital one, its boxes on the pages as scanned', async (t) => {
  t.timeout(4 * 60_000);
  const read = (file: string) => extractRecords(new Uint8Array(readFileSync(join(samples, file))), file);
  const [{ records: [digital] }, { records: [scanned] }] = await Promise.all([read('portrait-song-05.pdf'), read('scans/scan-turned-song-05-200dpi.pdf')]);
  if (!digital || !scanned) return t.fail('no record');
  t.is(scanned.projectName, digital.projectName);
  t.deepEqual(scanned.funding, digital.funding);
  t.is(scanned.indicators.length, digital.indicators.length);
  // the reviewer is told which pages were read turned, and how
  t.deepEqual(
    scanned.warnings.filter((w) => w.code === 'ocr-page-turned').map((w) => w.message.slice(0, 32)),
    ['Page 1 was scanned upside down: ', 'Page 2 was scanned sideways (rea'],
  );
  t.false(digital.warnings.some((w) => w.code === 'ocr-page-turned'));
  // page 1 was turned a half turn, page 2 a quarter turn clockwise (scripts/make-scans.ts): the
  // digital page's box, turned the same way, is where the scanned field is
  const [W, H] = [595.28, 841.89];
  const expected = (b: Box, page: number): Box => (page === 1 ? [W - b[2], H - b[3], W - b[0], H - b[1]] : [H - b[3], b[0], H - b[1], b[2]]);
  const fields = Object.keys(digital.provenance).filter((f) => /^(projectName|overview|indicators\[\d+\]\.name)$/.test(f));
  t.true(fields.some((f) => digital.provenance[f]!.page === 2), 'a field on the sideways page');
  for (const f of fields) {
    const want = expected(digital.provenance[f]!.bbox, digital.provenance[f]!.page);
    const got = scanned.provenance[f]!;
    t.is(got.page, digital.provenance[f]!.page, f);
    // a cell's box against the text's box, and the scan's 0.5° skew: within 12 pt of each other
    const centre = (b: Box) => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2] as const;
    const [[ex, ey], [gx, gy]] = [centre(want), centre(got.bbox)];
    t.true(Math.hypot(ex - gx, ey - gy) < 12, `${f}: at ${gx.toFixed(0)},${gy.toFixed(0)}, expected ${ex.toFixed(0)},${ey.toFixed(0)}`);
  }
});
