import test from 'ava';
import { readDocument } from '../../src/pdf/read-document.ts';
import type { Edge } from '../../src/pdf/types.ts';
import { h, normEdges, v } from './assert.ts';
import { appendContent, makePdf } from './make-pdf.ts';

// A4 portrait: 595 × 842, so a PDF y becomes 842 - y.
async function edgesOf(content: string, size?: [number, number]): Promise<Edge[]> {
  const { pages } = await readDocument(await makePdf([{ content: () => content, size }]));
  return normEdges(pages[0]!.edges);
}

test('a stroked horizontal and a stroked vertical line', async (t) => {
  t.deepEqual(await edgesOf('0.5 w 50 100 m 300 100 l S 400 100 m 400 500 l S'), [h(742, 50, 300), v(400, 342, 742)]);
});

test('a line drawn right to left or bottom to top still runs start < end', async (t) => {
  t.deepEqual(await edgesOf('300 100 m 50 100 l S 400 500 m 400 100 l S'), [h(742, 50, 300), v(400, 342, 742)]);
});

test('a slightly sloped line is an edge at its mean position; a diagonal is none', async (t) => {
  t.deepEqual(await edgesOf('50 200 m 300 200.4 l S 50 300 m 300 400 l S 100 400 m 101 600 l S'), [h(641.8, 50, 300)]);
});

test('a stroked rectangle gives its four sides', async (t) => {
  t.deepEqual(await edgesOf('100 500 200 100 re S'), [h(242, 100, 300), h(342, 100, 300), v(100, 242, 342), v(300, 242, 342)]);
});

test('a polyline gives its axis-aligned pieces; a closed one its closing side too', async (t) => {
  t.deepEqual(await edgesOf('50 50 m 150 50 l 150 80 l 200 120 l S'), [h(792, 50, 150), v(150, 762, 792)]);
  t.deepEqual(await edgesOf('50 50 m 150 50 l 150 80 l 50 80 l s'), [h(762, 50, 150), h(792, 50, 150), v(50, 762, 792), v(150, 762, 792)]);
});

test('several subpaths in one path, and a zero-height re stroked as a line', async (t) => {
  t.deepEqual(await edgesOf('50 50 100 20 re 200 50 100 20 re S'), [
    h(772, 50, 150),
    h(772, 200, 300),
    h(792, 50, 150),
    h(792, 200, 300),
    v(50, 772, 792),
    v(150, 772, 792),
    v(200, 772, 792),
    v(300, 772, 792),
  ]);
  t.deepEqual(await edgesOf('50 650 100 0 re S'), [h(192, 50, 150)]);
});

test('a thin filled rectangle is one edge along its centre line', async (t) => {
  t.deepEqual(await edgesOf('0 g 50 600 200 1 re f 500 100 0.8 300 re f'), [h(241.5, 50, 250), v(500.4, 442, 742)]);
});

test('a thin rectangle filled and stroked is one centred edge too; a coloured fill counts', async (t) => {
  t.deepEqual(await edgesOf('0 g 50 700 100 2 re B 1 0 0 rg 50 600 100 3 re f'), [h(141, 50, 150), h(240.5, 50, 150)]);
});

test('a white page background gives no edges; nor does a near-white cell fill', async (t) => {
  t.deepEqual(await edgesOf('1 g 0 0 595 842 re f 1 1 1 rg 50 50 200 100 re f 0.97 g 300 300 100 100 re f 0 0 0 0 k 50 500 100 50 re f'), []);
});

test('a white background under a grid: only the grid', async (t) => {
  t.deepEqual(await edgesOf('1 g 0 0 595 842 re f 0 G 100 700 100 50 re S'), [h(92, 100, 200), h(142, 100, 200), v(100, 92, 142), v(200, 92, 142)]);
});

test('a larger dark filled rectangle gives its four sides', async (t) => {
  t.deepEqual(await edgesOf('0.5 g 100 100 200 100 re f'), [h(642, 100, 300), h(742, 100, 300), v(100, 642, 742), v(300, 642, 742)]);
});

test('a filled square dot, a clip path and curves give no edges', async (t) => {
  t.deepEqual(await edgesOf('0 g 10 10 2 2 re f 50 50 200 100 re W n 50 300 m 100 350 150 350 200 300 c S 50 400 m 100 450 150 450 200 400 c f'), []);
});

test('the straight part of a path with a curve is kept', async (t) => {
  t.deepEqual(await edgesOf('50 50 m 100 100 150 100 200 50 c 300 50 l S'), [h(792, 200, 300)]);
});

test('a dashed stroke is still an edge', async (t) => {
  t.deepEqual(await edgesOf('[3 2] 0 d 50 400 m 200 400 l S'), [h(442, 50, 200)]);
});

test('the CTM applies to paths, and Q restores it', async (t) => {
  // A scale (not folded by pdf.js) and a translation (folded into the path data by pdf.js's optimizer).
  t.deepEqual(await edgesOf('q 2 0 0 2 10 10 cm 0 0 m 100 0 l S Q q 1 0 0 1 30 40 cm 0 0 m 100 0 l S Q 10 100 m 20 100 l S'), [
    h(742, 10, 20),
    h(802, 30, 130),
    h(832, 10, 210),
  ]);
});

test('a rotated CTM turns a horizontal line vertical', async (t) => {
  t.deepEqual(await edgesOf('q 0 1 -1 0 300 100 cm 0 0 m 200 0 l S Q'), [v(300, 542, 742)]);
});

test('lines off the page are dropped, lines crossing its border are cut', async (t) => {
  t.deepEqual(await edgesOf('-100 -100 m -50 -100 l S -50 100 m 700 100 l S'), [h(742, 0, 595)]);
});

test('edges on a /Rotate 90 page', async (t) => {
  const { pages } = await readDocument(await makePdf([{ size: [200, 300], rotate: 90, content: () => '100 20 m 100 280 l S 20 50 m 180 50 l S' }]));
  // user (x, y) → page (y, x)
  t.deepEqual(normEdges(pages[0]!.edges), [h(100, 20, 280), v(50, 20, 180)]);
});

test('fully transparent fills and strokes (ExtGState ca / CA 0) give no edges; q/Q restores the alpha', async (t) => {
  const data = await makePdf([
    {
      draw: (page, doc) => {
        const gs = page.node.newExtGState('GS', doc.context.obj({ Type: 'ExtGState', ca: 0, CA: 0 })).asString();
        appendContent(page, doc, `q ${gs} gs 0 g 50 600 200 1 re f 50 500 m 300 500 l S Q 50 400 m 300 400 l S`);
      },
    },
  ]);
  const { pages } = await readDocument(data);
  t.deepEqual(normEdges(pages[0]!.edges), [h(442, 50, 300)]);
});
