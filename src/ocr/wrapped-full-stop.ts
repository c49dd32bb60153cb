import type { PageChar } from '../pdf/types.ts';
import { charsToLines } from '../table/text-lines.ts';
import type { Cell } from '../table/types.ts';
import { isOcrCell } from './cell-glyphs.ts';
import type { TextFix } from './correct-text.ts';
import type { ScannedPage } from './prepare-scan.ts';
import { loneMark } from './punctuation-glyph.ts';
import { boxToRect } from './read-regions.ts';

/** A text that ends with one of these has its closing mark already. */
const ENDS_WITH_MARK = /[。，,.．；;：:、]$/u;
/** Ink is looked for from this share of the line's height below the last line (the gap between lines). */
const BELOW_LINE = 0.15;

/** What the engine reads a full stop alone on a line as, when it reads anything. */
const RING_READINGS = new Set(['o', 'O', '0', '°', '○', '〇']);

/**
 * A full stop wrapped onto a line of its own (`…满足会议需要` over `。`: a producer without
 * line-breaking rules fills a line to its last column) is ink the engine reads nothing from, or
 * a letter (`o`). When the only ink under a cell's last line of text is one ring of a mark's
 * size, the text ends with `。`: the text with it, its glyph placed on the ring (`added`), and
 * the glyph read for it, if any (`dropped`). Null otherwise.
 */
export function checkWrappedFullStop(cell: Cell, scan: Pick<ScannedPage, 'ink' | 'dpi'>): (TextFix & { added: PageChar; dropped?: PageChar }) | null {
  if (!isOcrCell(cell) || cell.text === '') return null;
  const lines = charsToLines(cell.chars);
  const alone = lines.length > 1 && lines.at(-1)!.chars.length === 1 && RING_READINGS.has(lines.at(-1)!.chars[0]!.text) ? lines.at(-1)!.chars[0]! : undefined;
  const text = alone && cell.text.endsWith(alone.text) ? cell.text.slice(0, -alone.text.length) : cell.text;
  if ((alone && text === cell.text) || ENDS_WITH_MARK.test(text)) return null;
  const last = lines.at(alone ? -2 : -1);
  if (!last) return null;
  const scale = scan.dpi / 72;
  const [x0, , x1, y1] = boxToRect(cell.box, scale, 1);
  const H = Math.round((last.box[3] - last.box[1]) * scale);
  const top = Math.round(last.box[3] * scale + BELOW_LINE * H);
  if (H <= 0 || y1 - top < H / 4) return null;
  const mark = loneMark(scan.ink, [x0, top, x1, y1], H);
  if (mark?.shape !== 'ring') return null;
  const [left, , , bottom] = mark.box;
  const box: PageChar['box'] = [left / scale, (bottom - H) / scale, (left + H) / scale, bottom / scale];
  const added: PageChar = { text: '。', box, baseline: box[3], size: H / scale, upright: true, confidence: last.chars.at(-1)!.confidence };
  return { text: `${text}。`, rule: 'wrapped-full-stop', added, ...(alone ? { dropped: alone } : {}) };
}
