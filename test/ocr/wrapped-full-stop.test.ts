import test from 'ava';
import { checkWrappedFullStop } from '../../src/ocr/wrapped-full-stop.ts';
import { NOTO_BOLD, NOTO_REGULAR } from '../helpers/noto-fonts.ts';
import { cellOf, draw } from './drawn-lines.ts';

/** The check on `printed` lines when OCR read `reading` from them. */
function check(printed: string[], reading: string, dpi: number, font: string, noise = 0) {
  const d = draw(printed, dpi, font, noise);
  return checkWrappedFullStop(cellOf(d, printed, reading), d.scan);
}

// scans are 200 to 300 dpi (at 150 a thin face's ring binarizes broken: no ring, nothing added)
const CASES = [200, 300].flatMap((dpi) => [NOTO_REGULAR, NOTO_BOLD].map((font) => ({ dpi, font, label: `${dpi} dpi ${font}` })));

test('a full stop wrapped onto a line of its own, which OCR read nothing from, ends the text', (t) => {
  for (const { dpi, font, label } of CASES) {
    const fix = check(['满足会议需要', '。'], '满足会议需要', dpi, font);
    t.is(fix?.text, '满足会议需要。', label);
    t.is(fix?.rule, 'wrapped-full-stop', label);
    // its glyph sits under the last line, at the ring
    t.is(fix?.added.text, '。', label);
    t.true(fix!.added.box[1] > 10.5 * 1.6, label);
  }
  t.is(check(['满足会议需要', '。'], '满足会议需要', 200, NOTO_REGULAR, 0.04)?.text, '满足会议需要。', 'on a noisy scan');
});

test('a full stop wrapped onto a line of its own and read as a letter becomes the full stop', (t) => {
  for (const { dpi, font, label } of CASES) {
    const fix = check(['满足会议需要', '。'], '满足会议需要o', dpi, font);
    t.is(fix?.text, '满足会议需要。', label);
    t.is(fix?.dropped?.text, 'o', label);
    t.is(fix?.added.text, '。', label);
  }
  // an `o` on a line of its own over a glyph's ink is not a full stop's
  t.is(check(['满足会议需要', '等'], '满足会议需要o', 200, NOTO_REGULAR), null);
});

test('other ink under the last line, or a text already closed, is left alone', (t) => {
  for (const { dpi, font, label } of CASES) {
    // a glyph, a comma, a mark with text after it: not a lone full stop
    t.is(check(['满足会议需要', '等'], '满足会议需要', dpi, font), null, `${label}: a glyph`);
    t.is(check(['满足会议需要', '，'], '满足会议需要', dpi, font), null, `${label}: a comma`);
    t.is(check(['满足会议需要', '。等'], '满足会议需要', dpi, font), null, `${label}: more ink`);
    t.is(check(['满足会议需要。'], '满足会议需要。', dpi, font), null, `${label}: closed`);
    t.is(check(['满足会议需要'], '满足会议需要', dpi, font), null, `${label}: nothing under it`);
  }
});
