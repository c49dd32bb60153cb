import test from 'ava';
import { normalizeBackground, otsuThreshold, threshold } from '../../src/ocr/binarize.ts';
import { dropGrain, median3, smoothGrain, speckShare } from '../../src/ocr/denoise.ts';
import type { GrayImage } from '../../src/ocr/gray-image.ts';
import { prepareScan } from '../../src/ocr/prepare-scan.ts';
import { addNoise, fakeText, fillRect, gridImage } from './synthetic-scan.ts';

const DPI = 200;
const [W, H] = [1654, 1200];
const PAGE = { pageNumber: 1, width: (W * 72) / DPI, height: (H * 72) / DPI };
/** A cell of the sheet below that holds no text: [x0, y0, x1, y1). */
const EMPTY_CELL = [1040, 640, 1500, 900] as const;

/** A ruled sheet with text; `noise` ± on every pixel (from 120 up the paper turns grainy). */
function sheet(noise: number): GrayImage {
  const img = gridImage(W, H, { xs: [120, 420, 720, 1020, 1520], ys: [120, 180, 240, 420, 620, 920, 1080] });
  fakeText(img, 430, 250, 30, 4);
  fakeText(img, 130, 440, 50, 5);
  addNoise(img, noise, 7);
  return img;
}

const darkPixels = (img: GrayImage, [x0, y0, x1, y1]: readonly number[]) => {
  let n = 0;
  for (let y = y0!; y < y1!; y++) for (let x = x0!; x < x1!; x++) n += img.data[y * img.width + x]! < 200 ? 1 : 0;
  return n;
};

test('median3 is the median of each pixel and its eight neighbours, the edges repeated', (t) => {
  let s = 5;
  for (const [w, h] of [[7, 5], [9, 8], [1, 4], [3, 1]] as const) {
    const data = new Uint8Array(w * h).map(() => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) >>> 24);
    const out = median3({ width: w, height: h, data }).data;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const around: number[] = [];
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) around.push(data[Math.min(h - 1, Math.max(0, y + dy)) * w + Math.min(w - 1, Math.max(0, x + dx))]!);
        }
        around.sort((a, b) => a - b);
        t.is(out[y * w + x], around[4], `${w}×${h} at ${x},${y}`);
      }
    }
  }
});

test('speckShare counts the lone dark pixels of the whole image', (t) => {
  const bm = { width: 10, height: 10, data: new Uint8Array(100) };
  bm.data[11] = 1; // alone
  bm.data[55] = bm.data[56] = 1; // a pair: one neighbour each, both specks
  for (const i of [80, 81, 82, 90, 91, 92]) bm.data[i] = 1; // a block: kept
  t.is(speckShare(bm), 3 / 100);
});

test('a clean page, or one with salt-and-pepper noise, is not smoothed', (t) => {
  for (const noise of [0, 60]) {
    const flat = normalizeBackground(sheet(noise), 33);
    const smoothed = smoothGrain(flat);
    t.is(smoothed.passes, 0, `noise ${noise}`);
    t.is(smoothed.image, flat, `noise ${noise}: the very image`);
  }
  const peppered = sheet(0);
  for (let i = 0; i < peppered.data.length; i += 397) peppered.data[i] = 0;
  t.is(smoothGrain(normalizeBackground(peppered, 33)).passes, 0, 'pepper');
});

test('a grainy page is smoothed until its specks are as few as a clean page has', (t) => {
  for (const noise of [120, 200]) {
    const flat = normalizeBackground(sheet(noise), 33);
    t.true(speckShare(threshold(flat, otsuThreshold(flat))) > 0.05, `noise ${noise}: grainy`);
    const smoothed = smoothGrain(flat);
    t.true(smoothed.passes >= 1 && smoothed.passes <= 3, `noise ${noise}: ${smoothed.passes} passes`);
    t.true(speckShare(threshold(smoothed.image, smoothed.level)) <= 0.001, `noise ${noise}`);
  }
});

test('on a grainy page the rules are found and the engine reads the text on white paper', (t) => {
  const clean = prepareScan(sheet(0), PAGE, DPI);
  for (const noise of [120, 160, 200]) {
    const scan = prepareScan(sheet(noise), PAGE, DPI);
    t.is(scan.rules.filter((r) => r.orientation === 'v').length, 5, `noise ${noise}: the five column rules`);
    t.is(scan.rules.filter((r) => r.orientation === 'h').length, 7, `noise ${noise}: the seven row rules`);
    // the empty cell is paper in the image the engine reads (unsmoothed, a quarter to a third of
    // it stayed dark, and at 200 all but one rule drowned); the text is still there
    const cellArea = (EMPTY_CELL[2] - EMPTY_CELL[0]) * (EMPTY_CELL[3] - EMPTY_CELL[1]);
    t.true(darkPixels(scan.text, EMPTY_CELL) < 0.02 * cellArea, `noise ${noise}: ${darkPixels(scan.text, EMPTY_CELL)} dark pixels in an empty cell`);
    const textBox = [130, 440, 1420, 610];
    t.true(darkPixels(scan.text, textBox) > 0.8 * darkPixels(clean.text, textBox), `noise ${noise}: the text kept`);
  }
});

test('dropGrain takes out the small pieces of ink and leaves the rest', (t) => {
  const img = { width: 40, height: 20, data: new Uint8Array(800) };
  const gray: GrayImage = { width: 40, height: 20, data: new Uint8Array(800).fill(255) };
  fillRect(gray, 2, 2, 5, 5); // 9 pixels: grain
  fillRect(gray, 10, 2, 14, 6); // 16 pixels: kept
  fillRect(gray, 20, 10, 38, 12); // a stroke: kept
  for (let i = 0; i < 800; i++) img.data[i] = gray.data[i]! === 0 ? 1 : 0;
  dropGrain(img, 12);
  t.is(img.data[3 * 40 + 3], 0);
  t.is(img.data[3 * 40 + 11], 1);
  t.is(img.data[10 * 40 + 30], 1);
  t.is(img.data.reduce((a, b) => a + b, 0), 16 + 36);
});
