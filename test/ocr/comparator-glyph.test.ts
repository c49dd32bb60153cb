import { createCanvas } from '@napi-rs/canvas';
import test, { type ExecutionContext } from 'ava';
import { NOTO_BOLD, NOTO_REGULAR } from '../helpers/noto-fonts.ts';
import { threshold } from '../../src/ocr/binarize.ts';
import { classifyComparator } from '../../src/ocr/comparator-glyph.ts';
import { rgbaToGray } from '../../src/ocr/gray-image.ts';

// Noto Sans SC, the samples' font, draws ≥ slanted (⩾-like): the glyph OCR misses most.

/** `glyph` drawn at `px` on a canvas twice its size, thresholded at `level` (60: near black, as a bilevel scan cuts thin strokes). */
function glyphInk(glyph: string, font: string, px: number, level = 128) {
  const size = px * 2;
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, size, size);
  ctx.fillStyle = '#000';
  ctx.font = `${px}px "${font}"`;
  ctx.fillText(glyph, px / 2, px * 1.4);
  return threshold(rgbaToGray(ctx.getImageData(0, 0, size, size).data, size, size), level);
}

for (const font of [NOTO_REGULAR, NOTO_BOLD]) {
  for (const px of [22, 30, 42]) {
    test(`comparators drawn in ${font} at ${px} px are told apart by shape`, (t) => {
      for (const [glyph, expected] of [['≥', '≥'], ['⩾', '≥'], ['>', '>'], ['＞', '>'], ['≤', '≤'], ['<', '<']] as const) {
        t.is(classifyComparator(glyphInk(glyph, font, px), [0, 0, px * 2, px * 2]), expected, glyph);
      }
    });
  }
}

test('glyphs that are not chevrons are not comparators', (t) => {
  for (const glyph of ['=', '一', '口']) t.is(classifyComparator(glyphInk(glyph, NOTO_REGULAR, 30), [0, 0, 60, 60]), null, glyph);
  t.is(classifyComparator(glyphInk(' ', NOTO_REGULAR, 30), [0, 0, 60, 60]), null);
});

test('digits, brackets and ideographs a value may start with are not taken for comparators', (t) => {
  for (const font of [NOTO_REGULAR, NOTO_BOLD]) {
    for (const px of [22, 30, 42]) {
      for (const glyph of '0123456789约亏人之过不达共计每大于小一二三四五六七八九十（(【《') {
        t.is(classifyComparator(glyphInk(glyph, font, px), [0, 0, px * 2, px * 2]), null, `${glyph} ${font} ${px}`);
      }
    }
  }
});

/** A bitmap from rows of `#` (ink) and `.`. */
function art(rows: string[]) {
  const width = rows[0]!.length + 4;
  const height = rows.length + 4;
  const data = new Uint8Array(width * height);
  rows.forEach((r, y) => [...r].forEach((c, x) => (data[(y + 2) * width + x + 2] = c === '#' ? 1 : 0)));
  return { width, height, data };
}

// ⩾ from a 200 dpi scan: blur ran its slanted bar into the lower arm
const SLANTED_GE = [
  '.####..............',
  '..#####............',
  '...######..........',
  '.....#######.......',
  '........#######....',
  '..........#######..',
  '.............#####.',
  '............######.',
  '..........#######..',
  '.......#######.....',
  '.....#######...###.',
  '..#######...######.',
  '.######...#######..',
  '.###....######.....',
  '.....#######.......',
  '...#######.........',
  '.######............',
  '.###...............',
];

/** The glyph drawn by `rows` classifies as ≥, and mirrored as ≤. */
function isGeMirroredLe(t: ExecutionContext, rows: string[]): void {
  const ge = art(rows);
  t.is(classifyComparator(ge, [0, 0, ge.width, ge.height]), '≥');
  const le = art(rows.map((r) => [...r].reverse().join('')));
  t.is(classifyComparator(le, [0, 0, le.width, le.height]), '≤');
}

test('a slanted ≥ whose bar blur ran into its lower arm is ≥, and mirrored ≤', (t) => isGeMirroredLe(t, SLANTED_GE));

// ⩾ of a thin face from a 200 dpi bilevel scan: its one-pixel upper arm broken where it steps two pixels across
const BROKEN_GE = [
  '..##..............',
  '...###............',
  '......###.........',
  '........##........',
  '...........###....',
  '............####..',
  '.............####.',
  '............###...',
  '.........####.....',
  '......####........',
  '....###.........##',
  '.####.......#####.',
  '###.......###.....',
  '.......####.......',
  '.....###..........',
  '...###............',
  '..#...............',
];

test('a thin ≥ broken by bilevel scanning is ≥, and mirrored ≤; broken, it is no >', (t) => {
  isGeMirroredLe(t, BROKEN_GE);
  // without its bar (the last rows, and each split row's run on the right) it is a broken >
  const gt = art(BROKEN_GE.slice(0, 13).map((r, i) => (i >= 10 ? r.slice(0, 9) + '.'.repeat(r.length - 9) : r)));
  t.is(classifyComparator(gt, [0, 0, gt.width, gt.height]), '>');
});

test('thin glyphs broken by bilevel scanning are not taken for comparators', (t) => {
  // each glyph drawn small in a light face and cut to one-pixel strokes: thresholded near black
  for (const glyph of '0123456789人之全六关大于八（(《') t.is(classifyComparator(glyphInk(glyph, NOTO_REGULAR, 18, 60), [0, 0, 36, 36]), null, glyph);
});

test('a double chevron is no comparator', (t) => {
  for (const px of [22, 30, 42]) t.is(classifyComparator(glyphInk('》', NOTO_REGULAR, px), [0, 0, px * 2, px * 2]), null, `${px}`);
});

// ⩾ and ⩽ of a Kai face (AR PL UKai) from a 200 dpi grey scan: the bar is a brush stroke beside
// the lower arm, blurred into it (≥) or apart below it (≤); either way the lower half holds
// twice the ink of the upper
const KAI_GE = [
  '#...........',
  '###.........',
  '...###......',
  '....####....',
  '......####..',
  '.........###',
  '.........###',
  '.......###..',
  '...#####..#.',
  '.#########..',
  '.#######....',
  '.#####......',
  '.###........',
];
const KAI_LE = [
  '.......###..',
  '.....####...',
  '....###.....',
  '..##........',
  '###.........',
  '###.........',
  '#####.......',
  '#######.....',
  '###....###..',
  '........####',
  '........####',
  '........####',
  '.........##.',
];
// the same ≥ with its upper arm broken at the top, and the face's > (of `>=`): its brush strokes
// thicken towards the end, but its two arms hold about as much ink
const KAI_GE_BROKEN = [
  '#...........',
  '##..........',
  '....##......',
  '.....###....',
  '.......###..',
  '........####',
  '........####',
  '.......####.',
  '...########.',
  '.#########..',
  '.#######....',
  '.######.....',
  '.####.......',
];
const KAI_GT = [
  '##..........',
  '.####.......',
  '....#####...',
  '......#####.',
  '......#####.',
  '.....####...',
  '..####......',
  '####........',
  '#...........',
];
const mirrored = (rows: string[]) => rows.map((r) => [...r].reverse().join(''));

test('a Kai face\'s ≥ and ≤, their slanted bars run into the lower arm or beside it, are ≥ and ≤; its > is >', (t) => {
  isGeMirroredLe(t, KAI_GE);
  isGeMirroredLe(t, KAI_GE_BROKEN);
  isGeMirroredLe(t, mirrored(KAI_LE));
  const gt = art(KAI_GT);
  t.is(classifyComparator(gt, [0, 0, gt.width, gt.height]), '>');
  const lt = art(mirrored(KAI_GT));
  t.is(classifyComparator(lt, [0, 0, lt.width, lt.height]), '<');
});
