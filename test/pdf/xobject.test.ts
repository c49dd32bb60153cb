import test from 'ava';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { readDocument } from '../../src/pdf/read-document.ts';
import { charsOf, h, near, nearBox, normEdges, textOf } from './assert.ts';
import { appendContent, makePdf } from './make-pdf.ts';

test('a form XObject: its /Matrix and the CTM at Do place its text and lines; Q after it restores', async (t) => {
  const data = await makePdf([
    {
      draw: (page, doc, f) => {
        const form = doc.context.stream(`BT ${f.cjk} 10 Tf 5 30 Td ${f.str('项')} Tj ET 0 0 m 50 0 l S`, {
          Type: 'XObject',
          Subtype: 'Form',
          BBox: [-10, -10, 100, 100],
          Matrix: [1, 0, 0, 1, 10, 20],
        });
        const name = page.node.newXObject('Fm', doc.context.register(form)).asString();
        appendContent(page, doc, `q 2 0 0 2 100 300 cm ${name} Do Q BT ${f.cjk} 10 Tf 5 30 Td ${f.str('目')} Tj ET 0 0 m 50 0 l S`);
      },
    },
  ]);
  const page = (await readDocument(data)).pages[0]!;
  const [a, b] = charsOf(page, '项目');
  // form point p → 2 × (p + (10, 20)) + (100, 300): text origin (5, 30) → (130, 400), size 20.
  nearBox(t, a?.box, [130, 442 - 17.6, 150, 442 + 2.4], '项 inside the form');
  near(t, a?.size, 20, '项 size', 0.01);
  nearBox(t, b?.box, [5, 812 - 8.8, 15, 812 + 1.2], '目 after the form');
  // line (0, 0)–(50, 0) → (120, 340)–(220, 340); the same line after Q is untransformed.
  t.deepEqual(normEdges(page.edges), [h(502, 120, 220), h(842, 0, 50)]);
});

test('pdf-lib embedPage + drawPage with a translation and a scale', async (t) => {
  const src = await makePdf([{ size: [200, 100], content: (f) => `BT ${f.cjk} 20 Tf 10 50 Td ${f.str('项目')} Tj ET 0 10 m 200 10 l S 0 g 20 80 160 1 re f` }]);
  const doc = await PDFDocument.create();
  const [embedded] = await doc.embedPdf(src);
  const page = doc.addPage([595, 842]);
  page.drawPage(embedded!, { x: 100, y: 300, xScale: 0.5, yScale: 0.5 });
  const { pages } = await readDocument(await doc.save());
  const p = pages[0]!;
  t.is(textOf(p.chars), '项目');
  // (10, 50) at half size from (100, 300) → (105, 325): top-left baseline 517, size 10.
  nearBox(t, p.chars[0]?.box, [105, 517 - 8.8, 115, 517 + 1.2], '项');
  nearBox(t, p.chars[1]?.box, [115, 517 - 8.8, 125, 517 + 1.2], '目');
  near(t, p.chars[0]?.size, 10, 'size', 0.01);
  // The stroked line → y 305, x 100..200; the 1 pt rule at y 80.5 → y 340.25, x 110..190.
  t.deepEqual(normEdges(p.edges), [h(501.75, 110, 190), h(537, 100, 200)]);
});

test('a filled-in form field (widget annotation) is read from its appearance', async (t) => {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const field = doc.getForm().createTextField('amount');
  field.setText('AB12');
  field.addToPage(page, { x: 100, y: 700, width: 200, height: 20, font, borderWidth: 0 });
  const { pages } = await readDocument(await doc.save());
  const p = pages[0]!;
  t.is(textOf(p.chars), 'AB12');
  for (const c of p.chars) {
    t.true(c.box[0] >= 100 && c.box[2] <= 300, `${c.text} inside the field horizontally`);
    t.true(c.baseline > 122 && c.baseline < 142, `${c.text} inside the field vertically (baseline ${c.baseline})`);
  }
});
