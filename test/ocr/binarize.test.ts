import test from 'ava';
import { despeckle, faintLevel, lineInk, normalizeBackground, otsuThreshold, putBackFaintMarks, threshold, whitenPaper } from '../../src/ocr/binarize.ts';
import { rotateGray } from '../../src/ocr/deskew.ts';
import { inkIndices, type Bitmap, type GrayImage } from '../../src/ocr/gray-image.ts';
import { addNoise, fakeText, gridImage } from './synthetic-scan.ts';

// The passes are written for speed (memory order, lookup tables, word skips); these tests hold
// them to the plain definitions, borders included.

/** A bitmap of scattered ink: isolated specks, pairs and clumps, some on the border. */
function specks(width: number, height: number, seed = 7): Bitmap {
  const data = new Uint8Array(width * height);
  let s = seed;
  for (let i = 0; i < data.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    data[i] = s % 5 === 0 ? 1 : 0;
  }
  return { width, height, data };
}

const inkAround = (bm: Bitmap, x: number, y: number, self: boolean): number => {
  let n = 0;
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) {
      const [xx, yy] = [x + dx, y + dy];
      if ((self || dx || dy) && xx >= 0 && yy >= 0 && xx < bm.width && yy < bm.height) n += bm.data[yy * bm.width + xx]!;
    }
  }
  return n;
};

const transpose = <T extends GrayImage | Bitmap>(img: T): T => {
  const data = new Uint8Array(img.data.length);
  for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x++) data[x * img.height + y] = img.data[y * img.width + x]!;
  return { ...img, width: img.height, height: img.width, data };
};

test('despeckle drops exactly the ink pixels with fewer than two ink neighbours', (t) => {
  const bm = specks(37, 23);
  const out = despeckle(bm);
  for (let y = 0; y < bm.height; y++) {
    for (let x = 0; x < bm.width; x++) {
      const i = y * bm.width + x;
      t.is(out.data[i], bm.data[i] && inkAround(bm, x, y, false) >= 2 ? 1 : 0, `at ${x}, ${y}`);
    }
  }
});

/** A gray image drawn from rows of characters: '#' dark (150), '+' faint (200), '.' lighter (225), else paper. */
function drawnGray(rows: string[]): GrayImage {
  const width = Math.max(...rows.map((r) => r.length));
  const data = new Uint8Array(width * rows.length).fill(255);
  rows.forEach((row, y) => [...row].forEach((c, x) => (data[y * width + x] = c === '#' ? 150 : c === '+' ? 200 : c === '.' ? 225 : 255)));
  return { width, height: rows.length, data };
}

const inkCount = (bm: Bitmap) => bm.data.reduce((a, b) => a + b, 0);

test('putBackFaintMarks puts back the lone dark pixels of a faint mark standing on its own, and nothing else', (t) => {
  // Otsu's level 172: '#' is ink, '+' is faint (under faintLevel), '.' is paper
  const restored = (rows: string[]) => {
    const gray = drawnGray(rows);
    const dark = threshold(gray, 172);
    const out = despeckle(dark);
    putBackFaintMarks(dark, out, { gray, level: faintLevel(172) }, 5);
    return { dark, out };
  };
  // a 。 ring at 200 dpi: dark at three lone pixels, all despeckle drops
  const ring = restored(['         ', '  .+++.  ', '  +   +  ', '  #   #  ', '  +   +  ', '  .+#+.  ', '         ']);
  t.is(inkCount(despeckle(ring.dark)), 0);
  t.is(inkCount(ring.out), 3);
  // a speck of noise with its halo: under the span
  t.is(inkCount(restored(['      ', ' +++  ', ' +#+  ', ' +++  ', '      ']).out), 0);
  // a faint piece joined to a glyph's stroke, and one with a glyph's ink inside its box: parts of glyphs
  const stroke = ['##########', '##########', '   +      ', '   +      ', '   #      ', '   +      ', '   +      '];
  t.is(inkCount(restored(stroke).out), inkCount(despeckle(threshold(drawnGray(stroke), 172))));
  const around = ['+++++++', '+     +', '+ ### +', '# ### #', '+ ### +', '+     +', '+++++++'];
  t.is(inkCount(restored(around).out), inkCount(despeckle(threshold(drawnGray(around), 172))));
});

test('whitenPaper keeps the gray exactly within one pixel of ink and whitens the rest', (t) => {
  const bm = specks(31, 19, 3);
  const gray: GrayImage = { width: 31, height: 19, data: Uint8Array.from({ length: 31 * 19 }, (_, i) => (i * 37) % 251) };
  const out = whitenPaper(gray, bm);
  for (let y = 0; y < bm.height; y++) {
    for (let x = 0; x < bm.width; x++) {
      const i = y * bm.width + x;
      t.is(out.data[i], inkAround(bm, x, y, true) > 0 ? gray.data[i] : 255, `at ${x}, ${y}`);
    }
  }
});

test('whitenPaper keeps a faint stroke joined to ink, and whitens faint specks that touch none', (t) => {
  // a glyph: a dark vertical stroke with a faint bar off it (a serif face's thin horizontal, lighter than Otsu's level), and a faint speck apart
  const [w, h] = [40, 20];
  const gray: GrayImage = { width: w, height: h, data: new Uint8Array(w * h).fill(250) };
  const paint = (x0: number, y0: number, x1: number, y1: number, v: number) => {
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) gray.data[y * w + x] = v;
  };
  paint(5, 2, 8, 18, 40);
  paint(8, 9, 20, 10, 190);
  paint(30, 9, 33, 10, 190);
  const level = 150;
  const ink = threshold(gray, level);
  const at = (img: GrayImage, x: number, y: number) => img.data[y * w + x];
  const faint = faintLevel(level);
  t.true(190 > level && 190 < faint);
  const out = whitenPaper(gray, ink, faint);
  t.is(at(out, 19, 9), 190, 'the far end of the faint bar is kept');
  t.is(at(out, 20, 9), 250, 'with one pixel of paper around it');
  t.is(at(out, 25, 9), 255, 'paper farther away is white');
  t.is(at(out, 31, 9), 255, 'the faint speck touching no ink is white');
  // without a faint level only the ink's own neighbourhood is kept
  t.is(at(whitenPaper(gray, ink), 19, 9), 255);
});

test('lineInk down the columns is lineInk along the rows of the image turned on its side', (t) => {
  const img = gridImage(120, 90, { xs: [10, 60, 110], ys: [5, 40, 85] });
  fakeText(img, 14, 10, 3);
  addNoise(img, 40);
  const v = lineInk(img, 120, 'v');
  const h = lineInk(transpose(img), 120, 'h');
  t.deepEqual(v.data, transpose(h).data);
});

test('normalizeBackground whitens uneven paper and keeps ink dark', (t) => {
  const img = gridImage(400, 300, { xs: [50, 350], ys: [50, 250] });
  fakeText(img, 60, 100, 8);
  // lighting falls off from 250 to 170 across the page
  for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x++) img.data[y * img.width + x] = Math.round((img.data[y * img.width + x]! * (250 - (x / 400) * 80)) / 255);
  const flat = normalizeBackground(img, 32);
  t.true(flat.data[150 * 400 + 380]! >= 230, 'paper at the dim edge');
  t.true(flat.data[150 * 400 + 20]! >= 230, 'paper at the bright edge');
  t.true(img.data[150 * 400 + 380]! < 180, 'the paper was dim there');
  t.true(flat.data[150 * 400 + 51]! <= 10, 'a rule');
});

test('inkIndices lists every ink pixel in memory order, however the bitmap is laid out', (t) => {
  const bm = specks(13, 7, 11);
  const expected = [...bm.data.keys()].filter((i) => bm.data[i]);
  t.deepEqual([...inkIndices(bm)], expected);
  // a view that starts off a 4-byte boundary
  const shifted = new Uint8Array(bm.data.length + 1);
  shifted.set(bm.data, 1);
  t.deepEqual([...inkIndices({ ...bm, data: shifted.subarray(1) })], expected);
});

test('a bilevel scan turned straight keeps its thin strokes: Otsu splits a tie at its middle, not at black', (t) => {
  // 2-pixel strokes of pure black on white, as a CCITT (fax) scan holds them
  const [w, h] = [400, 200];
  const data = new Uint8Array(w * h).fill(255);
  for (let y = 20; y < h - 20; y += 12) for (const dy of [0, 1]) data.fill(0, (y + dy) * w + 20, (y + dy) * w + w - 20);
  const page: GrayImage = { width: w, height: h, data };
  t.is(otsuThreshold(page), 127);
  const inkOf = (bm: Bitmap) => bm.data.reduce((n, v) => n + v, 0);
  const before = inkOf(threshold(page, otsuThreshold(page)));
  const turned = rotateGray(page, 1.2);
  const after = inkOf(threshold(turned, otsuThreshold(page)));
  // interpolation spreads each stroke over two or three rows; cut at half ink it keeps its weight
  t.true(after > before * 0.8 && after < before * 1.2, `${after} ink pixels after turning, ${before} before`);
});

test('Otsu on a gray scan separates the two clusters', (t) => {
  const data = new Uint8Array(1000);
  for (let i = 0; i < data.length; i++) data[i] = i % 4 === 0 ? 30 + (i % 7) : 220 + (i % 11);
  const level = otsuThreshold({ width: 1000, height: 1, data });
  t.true(level >= 36 && level < 220, String(level));
});
