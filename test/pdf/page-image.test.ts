import test from 'ava';
import { createCanvas } from '@napi-rs/canvas';
import { rgbaToGray } from '../../src/ocr/gray-image.ts';
import { pageGray } from '../../src/ocr/ocr-page.ts';
import { withDocument } from '../../src/pdf/open-document.ts';
import { fullPageImage } from '../../src/pdf/page-image.ts';
import { readPage } from '../../src/pdf/read-page.ts';
import { renderPage } from '../../src/pdf/render-page.ts';
import { appendContent, makePdf, type PageSpec } from './make-pdf.ts';

/** A 400 × 200 px "scan" (a gray ramp with dark bars) as JPEG: 144 × 72 pt at 200 dpi. */
function scanJpeg(): Uint8Array {
  const canvas = createCanvas(400, 200);
  const ctx = canvas.getContext('2d');
  const ramp = ctx.createLinearGradient(0, 0, 400, 0);
  ramp.addColorStop(0, '#f4eedc');
  ramp.addColorStop(1, '#d8d8d8');
  ctx.fillStyle = ramp;
  ctx.fillRect(0, 0, 400, 200);
  ctx.fillStyle = '#202020';
  for (let x = 20; x < 380; x += 40) ctx.fillRect(x, 30 + (x % 60), 12, 90);
  return canvas.encodeSync('jpeg', 90);
}

/** A page with the scan drawn at `box` ([x, y, w, h] in points; default: the whole 144 × 72 pt page), then `after` (raw content; `@F` is Helvetica). */
function scanPage(opts: { box?: [number, number, number, number]; after?: string; rotate?: number } = {}): PageSpec {
  return {
    size: [144, 72],
    rotate: opts.rotate,
    draw: async (page, doc, f) => {
      const image = await doc.embedJpg(scanJpeg());
      const [x, y, width, height] = opts.box ?? [0, 0, 144, 72];
      page.drawImage(image, { x, y, width, height });
      if (opts.after) appendContent(page, doc, opts.after.replace('@F', f.helv));
    },
  };
}

/** fullPageImage and pageGray of page 1 at `dpi`, beside the page rendered the usual way. */
async function read(spec: PageSpec, dpi: number) {
  return withDocument(await makePdf([spec]), async (doc) => {
    const page = await doc.getPage(1);
    const content = await readPage(page); // as the pipeline does: the operator list, and the image decoded for it
    const image = await fullPageImage(page, dpi);
    const gray = await pageGray(page, dpi);
    const r = await renderPage(page, dpi);
    const rendered = rgbaToGray(r.canvas.getContext('2d').getImageData(0, 0, r.width, r.height).data, r.width, r.height);
    return { image, gray, rendered, glyphs: content.chars.length };
  });
}

test('a page that is one scan image is taken from the decoded image, pixel for pixel what rendering gives', async (t) => {
  const { image, gray, rendered } = await read(scanPage(), 200);
  t.truthy(image);
  t.is(image?.width, 400);
  t.is(image?.height, 200);
  t.is(gray.width, rendered.width);
  t.is(gray.height, rendered.height);
  t.deepEqual(gray.data, rendered.data);
});

test('a 1-bit scan (as from a fax or bilevel scanner) is taken too', async (t) => {
  // 400 × 200 bits, 1 = white (DeviceGray): black squares on a 16-pixel checkerboard
  const bits = new Uint8Array(50 * 200);
  for (let y = 0; y < 200; y++) for (let x = 0; x < 400; x++) if (((x >> 4) + (y >> 4)) % 2) bits[y * 50 + (x >> 3)]! |= 128 >> (x & 7);
  const spec: PageSpec = {
    size: [144, 72],
    draw: (page, doc) => {
      const stream = doc.context.stream(bits, { Type: 'XObject', Subtype: 'Image', Width: 400, Height: 200, ColorSpace: 'DeviceGray', BitsPerComponent: 1 });
      const name = page.node.newXObject('Im', doc.context.register(stream)).asString();
      appendContent(page, doc, `q 144 0 0 72 0 0 cm ${name} Do Q`);
    },
  };
  const { image, gray, rendered } = await read(spec, 200);
  t.is(image?.kind, 1);
  // what rendering gives, but for the last 7 pixels: pdf.js's canvas stops a 1-bit image's last row 7 pixels short
  const end = 400 * 200 - 7;
  t.deepEqual(gray.data.subarray(0, end), rendered.data.subarray(0, end));
  t.deepEqual([...gray.data.subarray(end)], [0, 0, 0, 0, 0, 0, 0]);
  t.is(gray.data[0], 0);
  t.is(gray.data[16], 255);
});

test('text in the invisible render mode (a searchable scan) does not stop the image being taken', async (t) => {
  const { image, gray, rendered, glyphs } = await read(scanPage({ after: 'BT @F 10 Tf 3 Tr 10 10 Td (AB) Tj ET' }), 200);
  t.is(glyphs, 2, 'the text is there');
  t.truthy(image);
  t.deepEqual(gray.data, rendered.data);
});

for (const [what, spec, dpi] of [
  ['anything else drawn', scanPage({ after: '0 0 0 RG 4 w 10 36 m 134 36 l S' }), 200],
  ['visible text over it', scanPage({ after: 'BT @F 10 Tf 10 10 Td (AB) Tj ET' }), 200],
  ['an image not covering the page', scanPage({ box: [0, 0, 72, 72] }), 200],
  ['a page turned by /Rotate', scanPage({ rotate: 90 }), 200],
  ['another resolution than the image', scanPage(), 300],
] as const) {
  test(`a page is rendered instead for ${what}`, async (t) => {
    const { image, gray, rendered } = await read(spec, dpi);
    t.is(image, null);
    t.deepEqual(gray, rendered);
  });
}
