import test from 'ava';
import { readDocument } from '../../src/pdf/read-document.ts';
import type { PageContent } from '../../src/pdf/types.ts';
import { charsOf, near, nearBox, textOf } from './assert.ts';
import { appendContent, HELVETICA_WIDTHS, makePdf, type PageSpec } from './make-pdf.ts';

async function onePage(spec: PageSpec): Promise<PageContent> {
  const { pages } = await readDocument(await makePdf([spec]));
  return pages[0]!;
}

// A4 portrait: 595 × 842, so a PDF y becomes 842 - y.

test('a CJK string at a known position: exact boxes in top-left page space', async (t) => {
  const page = await onePage({ content: (f) => `BT ${f.cjk} 12 Tf 50 700 Td ${f.str('项目名称')} Tj ET` });
  t.is(page.pageNumber, 1);
  t.is(page.width, 595);
  t.is(page.height, 842);
  t.is(textOf(page.chars), '项目名称');
  page.chars.forEach((c, i) => {
    nearBox(t, c.box, [50 + 12 * i, 142 - 0.88 * 12, 62 + 12 * i, 142 + 0.12 * 12], `glyph ${c.text}`);
    near(t, c.baseline, 142, 'baseline');
    near(t, c.size, 12, 'size', 0.01);
    t.true(c.upright);
  });
});

test('Latin glyphs get their own advance widths; a space glyph is kept', async (t) => {
  const page = await onePage({ content: (f) => `BT ${f.helv} 10 Tf 50 600 Td ${f.str('AB 1', 'helv')} Tj ET` });
  t.is(textOf(page.chars), 'AB 1');
  let x = 50;
  for (const c of page.chars) {
    const w = (HELVETICA_WIDTHS[c.text]! * 10) / 1000;
    nearBox(t, c.box, [x, 242 - 8.8, x + w, 242 + 1.2], `glyph "${c.text}"`, 0.05);
    x += w;
  }
});

test('character spacing (Tc) moves each glyph; the box keeps the glyph width', async (t) => {
  const page = await onePage({ content: (f) => `BT ${f.cjk} 12 Tf 2 Tc 50 700 Td ${f.str('项目名称')} Tj ET` });
  t.deepEqual(
    page.chars.map((c) => [c.box[0], c.box[2]]),
    [
      [50, 62],
      [64, 76],
      [78, 90],
      [92, 104],
    ],
  );
});

test('TJ adjustments are thousandths of the font size, positive moving left', async (t) => {
  const page = await onePage({ content: (f) => `BT ${f.cjk} 12 Tf 50 700 Td [${f.str('项')} -500 ${f.str('目')} 250 ${f.str('名')}] TJ ${f.str('称')} Tj ET` });
  const [a, b, c, d] = charsOf(page, '项目名称');
  nearBox(t, a?.box, [50, 131.44, 62, 143.44], '项');
  near(t, b?.box[0], 68, '目 after a 6 pt gap');
  near(t, c?.box[0], 77, '名 pulled back 3 pt');
  near(t, d?.box[0], 89, '称 continues after the TJ');
});

test('word spacing (Tw) applies after a space glyph only', async (t) => {
  const page = await onePage({ content: (f) => `BT ${f.helv} 10 Tf 5 Tw 50 600 Td ${f.str('AB 1', 'helv')} Tj ET` });
  const [a, b, sp, one] = page.chars;
  near(t, a?.box[0], 50, 'A', 0.05);
  near(t, b?.box[0], 56.67, 'B', 0.05);
  near(t, sp?.box[0], 63.34, 'space', 0.05);
  near(t, sp?.box[2], 66.12, 'space end (glyph width only)', 0.05);
  near(t, one?.box[0], 71.12, '1 after the word spacing', 0.05);
});

test('horizontal scaling (Tz) scales glyph widths and spacing', async (t) => {
  const page = await onePage({ content: (f) => `BT ${f.cjk} 12 Tf 50 Tz 2 Tc 50 700 Td ${f.str('项目')} Tj ET` });
  const [a, b] = page.chars;
  nearBox(t, a?.box, [50, 131.44, 56, 143.44], '项 half as wide');
  near(t, b?.box[0], 57, '目: (12 + 2) × 0.5 further');
  near(t, a?.size, 12, 'the height is not scaled', 0.01);
});

test('text rise, leading and T* / \' move the baseline', async (t) => {
  const page = await onePage({
    content: (f) => `BT ${f.cjk} 12 Tf 14 TL 50 700 Td ${f.str('项')} Tj T* ${f.str('目')} Tj ${f.str('名')} ' 3 Ts ${f.str('称')} Tj ET`,
  });
  const [a, b, c, d] = charsOf(page, '项目名称');
  near(t, a?.baseline, 142, '项');
  near(t, b?.baseline, 156, '目 one line down');
  near(t, b?.box[0], 50, '目 at the line start');
  near(t, c?.baseline, 170, "名 after '");
  near(t, d?.baseline, 167, '称 raised 3 pt');
  near(t, d?.box[0], 62, '称 after 名');
});

test('text matrix and CTM scale the size and position', async (t) => {
  const page = await onePage({
    content: (f) => `BT ${f.cjk} 6 Tf 2 0 0 2 50 700 Tm ${f.str('项')} Tj ET q 0.5 0 0 0.5 0 0 cm BT ${f.cjk} 24 Tf 100 1000 Td ${f.str('目')} Tj ET Q BT ${f.cjk} 10 Tf 300 300 Td ${f.str('名')} Tj ET`,
  });
  const [a, b, c] = charsOf(page, '项目名');
  nearBox(t, a?.box, [50, 131.44, 62, 143.44], '项 (Tm × 2)');
  near(t, a?.size, 12, '项 size', 0.01);
  nearBox(t, b?.box, [50, 342 - 10.56, 62, 342 + 1.44], '目 (cm × 0.5)');
  near(t, b?.size, 12, '目 size', 0.01);
  nearBox(t, c?.box, [300, 542 - 8.8, 310, 542 + 1.2], '名 after Q: CTM restored');
});

test('invisible text (render mode 3, an OCR text layer) is kept', async (t) => {
  const page = await onePage({ content: (f) => `BT 3 Tr ${f.cjk} 12 Tf 50 700 Td ${f.str('项目')} Tj ET` });
  t.is(textOf(page.chars), '项目');
  near(t, page.chars[1]?.box[0], 62, '目');
});

test('a landscape page', async (t) => {
  const page = await onePage({
    size: [842, 595],
    content: (f) => `BT ${f.cjk} 12 Tf 100 500 Td ${f.str('项目')} Tj ET`,
  });
  t.is(page.width, 842);
  t.is(page.height, 595);
  nearBox(t, page.chars[0]?.box, [100, 95 - 10.56, 112, 95 + 1.44], '项');
  nearBox(t, page.chars[1]?.box, [112, 95 - 10.56, 124, 95 + 1.44], '目');
});

test('a media box that does not start at (0, 0)', async (t) => {
  const page = await onePage({
    size: [300, 400],
    origin: [100, 200],
    content: (f) => `BT ${f.cjk} 12 Tf 150 550 Td ${f.str('项')} Tj ET`,
  });
  t.is(page.width, 300);
  t.is(page.height, 400);
  nearBox(t, page.chars[0]?.box, [50, 50 - 10.56, 62, 50 + 1.44], '项');
});

test('/Rotate 90: text drawn turned reads upright; plain text is rotated', async (t) => {
  // A 200 × 300 media box shown turned clockwise: 300 wide, 200 high; user (x, y) → page (y, x).
  const page = await onePage({
    size: [200, 300],
    rotate: 90,
    content: (f) => `BT ${f.cjk} 12 Tf 0 1 -1 0 150 40 Tm ${f.str('项目')} Tj ET BT ${f.cjk} 12 Tf 50 250 Td ${f.str('名')} Tj ET`,
  });
  t.is(page.width, 300);
  t.is(page.height, 200);
  const [a, b, c] = charsOf(page, '项目名');
  t.true(a?.upright);
  nearBox(t, a?.box, [40, 150 - 10.56, 52, 150 + 1.44], '项');
  nearBox(t, b?.box, [52, 150 - 10.56, 64, 150 + 1.44], '目');
  t.false(c?.upright);
  nearBox(t, c?.box, [250 - 1.44, 50, 250 + 10.56, 62], '名 runs down the page');
});

test('/Rotate 180', async (t) => {
  const page = await onePage({
    size: [200, 300],
    rotate: 180,
    content: (f) => `BT ${f.cjk} 12 Tf -1 0 0 -1 150 100 Tm ${f.str('项')} Tj ET`,
  });
  t.is(page.width, 200);
  t.true(page.chars[0]?.upright);
  nearBox(t, page.chars[0]?.box, [50, 100 - 10.56, 62, 100 + 1.44], '项');
});

test('rotated text on an upright page is kept but not upright', async (t) => {
  const page = await onePage({ content: (f) => `BT ${f.cjk} 12 Tf 0 1 -1 0 100 100 Tm ${f.str('项目')} Tj ET` });
  t.is(textOf(page.chars), '项目');
  t.true(page.chars.every((c) => !c.upright));
  // Runs up the page: 目 is 12 pt above 项.
  near(t, page.chars[0]!.box[1] - page.chars[1]!.box[1], 12, 'vertical step');
  nearBox(t, page.chars[0]?.box, [100 - 10.56, 730, 100 + 1.44, 742], '项', 0.5);
});

test('glyphs off the page are dropped', async (t) => {
  const page = await onePage({ content: (f) => `BT ${f.cjk} 12 Tf 50 900 Td ${f.str('项')} Tj 0 -100 Td ${f.str('目')} Tj ET` });
  t.is(textOf(page.chars), '目');
});

test('a vertical (Identity-V) font: glyphs step down the page and are not upright', async (t) => {
  const data = await makePdf([{ content: (f) => `BT ${f.cjk} 12 Tf 100 700 Td ${f.str('项目名')} Tj ET` }], { verticalCjk: true });
  const page = (await readDocument(data)).pages[0]!;
  t.is(textOf(page.chars), '项目名');
  page.chars.forEach((c, i) => {
    t.false(c.upright);
    // centred on x = 100, each a full em below the last, starting at the text origin (y 142)
    nearBox(t, c.box, [94, 142 + 12 * i, 106, 154 + 12 * i], `glyph ${c.text}`);
  });
});

test('a Type3 font: widths through its FontMatrix; its glyph procedures draw no edges', async (t) => {
  const page = await onePage({
    draw: (pg, doc) => {
      const proc = (w: number) => doc.context.register(doc.context.stream(`${w} 0 0 0 ${w} 70 d1 0 0 ${w} 70 re f`));
      const font = doc.context.obj({
        Type: 'Font',
        Subtype: 'Type3',
        FontBBox: [0, 0, 100, 100],
        FontMatrix: [0.01, 0, 0, 0.01, 0, 0],
        CharProcs: { a: proc(60), b: proc(40) },
        Encoding: { Type: 'Encoding', Differences: [97, 'a', 'b'] },
        FirstChar: 97,
        LastChar: 98,
        Widths: [60, 40],
      });
      const name = pg.node.newFontDictionary('T3', doc.context.register(font)).asString();
      appendContent(pg, doc, `BT ${name} 10 Tf 1 Tc 50 700 Td (abab) Tj ET`);
    },
  });
  t.is(textOf(page.chars), 'abab');
  // a: 60 × 0.01 × 10 = 6 pt, b: 4 pt, each followed by 1 pt of Tc
  t.deepEqual(
    page.chars.map((c) => [Math.round(c.box[0] * 100) / 100, Math.round(c.box[2] * 100) / 100]),
    [
      [50, 56],
      [57, 61],
      [62, 68],
      [69, 73],
    ],
  );
  near(t, page.chars[0]?.baseline, 142, 'baseline');
  t.deepEqual(page.edges, []);
});
