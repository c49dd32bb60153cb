import type { PageChar } from '../pdf/types.ts';
import type { Cell } from '../table/types.ts';
import type { TextFix } from './correct-text.ts';
import { countInk, type PixelRect } from './gray-image.ts';
import { glyphsAsRead, isOcrCell } from './cell-glyphs.ts';
import type { ScannedPage } from './prepare-scan.ts';
import { inkBounds } from './read-regions.ts';

/**
 * A document number's year in brackets read with a lenticular one (`国发【2022]14号`). Offices
 * print both 【2014】 and 〔2022〕 (GB/T 9704), and the engine reads a thin 〔 as 【 in some faces
 * (a Kai one), so the text cannot tell them apart; the ink can: 【 and 】 are filled, 〔 and 〕
 * are strokes. When both brackets' ink is filled the pair is 【】, when both are strokes 〔〕;
 * otherwise (one of each, or ink not found) the reading stands.
 */
const YEAR_IN_BRACKETS = /([【\[［〔])(\d{4})([\]］〕】])(?=\d+号)/gu;

/**
 * A filled bracket's ink covers this share of its ink's box at least, and each of its rows
 * holds this share of the line's height (measured: 【】 of a Ming face at 300 dpi 0.43–0.50 and
 * 0.11–0.13; 〔〕 of a Kai face read as 【 or ], at 200 and 300 dpi, 0.21–0.28 and 0.05–0.09).
 */
const FILLED_SHARE = 0.36;
const FILLED_ROW = 0.1;

type Weight = 'filled' | 'stroke' | null;

/** How heavy a bracket's ink is, inside its glyph's box across the line's height (`rect`, pixels). */
function bracketWeight(ink: ScannedPage['ink'], rect: PixelRect): Weight {
  const bounds = inkBounds(ink, rect, 1);
  if (!bounds) return null;
  const n = countInk(ink, bounds);
  const [rows, cols] = [bounds[3] - bounds[1], bounds[2] - bounds[0]];
  const height = rect[3] - rect[1];
  // a bracket reaches over most of the line: less ink than that is not the glyph
  if (rows < 0.6 * height) return null;
  const fill = n / (rows * cols);
  const perRow = n / rows / height;
  if (fill >= FILLED_SHARE && perRow >= FILLED_ROW) return 'filled';
  if (fill < FILLED_SHARE && perRow < FILLED_ROW) return 'stroke';
  return null;
}

/**
 * The document numbers of an OCR cell whose year's brackets include a lenticular one, put to
 * the pair their ink shows (see YEAR_IN_BRACKETS); the cell's glyphs carry the new readings.
 */
export function checkDocumentBrackets(cell: Cell, scan: Pick<ScannedPage, 'ink' | 'dpi'>): (TextFix & { chars: PageChar[] }) | null {
  if (!isOcrCell(cell) || !/[【】]/u.test(cell.text)) return null;
  const aligned = glyphsAsRead(cell);
  if (!aligned) return null;
  const scale = scan.dpi / 72;
  const text = [...aligned.text];
  const replaced = new Map<PageChar, string>();
  for (const m of cell.text.matchAll(YEAR_IN_BRACKETS)) {
    const [open, close] = [m[1]!, m[3]!];
    // (a pair read 【】 is checked too: a thin pair read so is 〔〕)
    if (open !== '【' && close !== '】') continue;
    const at = [...cell.text.slice(0, m.index)].length;
    const ends = [at, at + 5].map((i) => aligned.glyphs.find((g) => g.at === i));
    if (ends.some((g) => !g)) continue;
    const weights = ends.map((g) => {
      const line = aligned.lines[g!.line]!;
      return bracketWeight(scan.ink, [Math.floor(g!.ch.box[0] * scale), Math.floor(line.box[1] * scale), Math.ceil(g!.ch.box[2] * scale), Math.ceil(line.box[3] * scale)]);
    });
    const pair = weights.every((w) => w === 'filled') ? ['【', '】'] : weights.every((w) => w === 'stroke') ? ['〔', '〕'] : null;
    if (!pair) continue;
    ends.forEach((g, k) => {
      text[g!.at] = pair[k]!;
      replaced.set(g!.ch, pair[k]!);
    });
  }
  const out = text.join('');
  if (out === cell.text) return null;
  return { text: out, rule: 'document-bracket-ink', chars: cell.chars.map((c) => (replaced.has(c) ? { ...c, text: replaced.get(c)! } : c)) };
}
