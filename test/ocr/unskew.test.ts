import test from 'ava';
import { rotateGray } from '../../src/ocr/deskew.ts';
import { unskewBox } from '../../src/ocr/unskew.ts';
import type { Box } from '../../src/geometry.ts';

/** A white page (1 px = 1 pt) with a black square whose top-left corner is at (x, y). */
function pageWithSquare(w: number, h: number, x: number, y: number, size: number) {
  const data = new Uint8Array(w * h).fill(255);
  for (let j = y; j < y + size; j++) for (let i = x; i < x + size; i++) data[j * w + i] = 0;
  return { width: w, height: h, data };
}

function inkBox(img: { width: number; height: number; data: Uint8Array }): Box {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (img.data[y * img.width + x]! > 128) continue;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x + 1);
      y1 = Math.max(y1, y + 1);
    }
  }
  return [x0, y0, x1, y1];
}

const centre = (b: Box): [number, number] => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];

for (const skew of [1.5, -1.2, 3]) {
  test(`a box on a page straightened by ${skew}° goes back onto the page as scanned`, (t) => {
    const page = { width: 600, height: 800 };
    const scanned = pageWithSquare(page.width, page.height, 500, 700, 12); // far from the centre: the skew moves it most
    const straightened = rotateGray(scanned, -skew); // as prepareScan straightens a page skewed by `skew`
    const found = inkBox(straightened);
    const back = unskewBox(found, skew, page);
    const [ex, ey] = centre([500, 700, 512, 712]);
    const [bx, by] = centre(back);
    t.true(Math.hypot(bx - ex, by - ey) < 1.5, `back at ${bx.toFixed(1)}, ${by.toFixed(1)}; scanned at ${ex}, ${ey}`);
    const [fx, fy] = centre(found);
    t.true(Math.hypot(fx - ex, fy - ey) > 5, 'the straightened page moved the square (else the test shows nothing)');
  });
}

test('no skew leaves the box as it is', (t) => {
  t.deepEqual(unskewBox([10, 20, 30, 40], 0, { width: 100, height: 100 }), [10, 20, 30, 40]);
});
