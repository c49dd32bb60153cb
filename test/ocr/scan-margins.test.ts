import test from 'ava';
import { rotateGray } from '../../src/ocr/deskew.ts';
import { prepareScan } from '../../src/ocr/prepare-scan.ts';
import { whitenScanMargins } from '../../src/ocr/scan-margins.ts';
import { addNoise, fakeText, fillRect, gridImage } from './synthetic-scan.ts';

const DPI = 200;
const [W, H] = [1654, 1200];
const PAGE = { pageNumber: 1, width: (W * 72) / DPI, height: (H * 72) / DPI };

/** A ruled sheet with text, skewed by `deg` on the scanner's bed, the bed dark along the left and bottom edges (a wedge, as the sheet is turned) and the top. */
function scanWithMargins(deg: number) {
  const img = gridImage(W, H, { xs: [120, 420, 720, 1020, 1520], ys: [120, 180, 240, 420, 620, 920, 1080] });
  fakeText(img, 430, 250, 30, 4);
  fakeText(img, 130, 440, 50, 5);
  const skewed = rotateGray(img, deg);
  for (let y = 0; y < H; y++) fillRect(skewed, 0, y, 30 + (y * 20) / H, y + 1, 35);
  fillRect(skewed, 0, H - 28, W, H, 40);
  fillRect(skewed, 0, 0, W, 12, 50);
  addNoise(skewed, 20);
  return skewed;
}

test('a page with the scanner\'s dark margins along its edges is straightened by its rules, not by the margins', (t) => {
  for (const deg of [1.2, -0.7, 2.4]) {
    const scan = prepareScan(scanWithMargins(deg), PAGE, DPI);
    t.true(Math.abs(scan.skew - deg) <= 0.1, `${deg}°: found ${scan.skew}`);
    // the rules found are the sheet's: none runs along an edge of the image
    const nearEdge = scan.rules.filter((r) => (r.orientation === 'h' ? r.position < 40 || r.position > H - 40 : r.position < 40 || r.position > W - 40));
    t.deepEqual(nearEdge, [], `${deg}°`);
    t.is(scan.rules.filter((r) => r.orientation === 'v').length, 5, `${deg}°: the five column rules`);
  }
});

test('the margins become paper; a page without them is left as it is', (t) => {
  const scanned = scanWithMargins(1.2);
  const white = whitenScanMargins(scanned);
  t.true(white.data[600 * W + 5]! === 255 && white.data[(H - 5) * W + 800]! === 255 && white.data[3 * W + 800]! === 255);
  // the sheet's own ink stays: a rule's pixel well inside
  const clean = gridImage(W, H, { xs: [120, 1520], ys: [120, 1080] });
  t.is(whitenScanMargins(clean), clean);
  // a rule or text near an edge, but no dark run from the edge in enough lines, is no margin
  fillRect(clean, 0, 500, W, 503, 0);
  t.is(whitenScanMargins(clean), clean);
});
