import type { PageLayout } from '../table/types.ts';
import { isOcrCell } from './cell-glyphs.ts';
import { glyphsOf, type ContextFix } from './document-context.ts';
import { LOW_CONFIDENCE_TEXT } from './ocr-warnings.ts';

/**
 * The glyphs an issuer of official documents is abbreviated to at the head of a document number
 * (`晋财行〔2018〕49号`): the provinces' one-glyph names, and the central bodies' heads.
 */
const ISSUER_HEADS = new Set([...'京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀贵黔云滇藏陕秦甘陇青宁新港澳台', ...'国中财发人教卫民农商交水工公司审统政办']);

/**
 * A document number's issuer, the ideographs after something that is none up to a bracketed
 * year and a serial (`、晋财行【2018】49号`): its head glyph, and the rest.
 */
const DOCUMENT_NUMBER = /(?<!\p{Script=Han})(\p{Script=Han})(\p{Script=Han}{1,3})(?=[〔【[［(（]\d{4}[〕】\]］)）]\s*第?\d+号)/gu;

/** The head must be read this many times at least, and more than twice as often as any other. */
const MIN_HEAD_SUPPORT = 3;

/**
 * A document number's head glyph misread (`胶财行【2018】`, `署财资〔2018〕` for 晋): the file
 * cites its own province's documents over and over, and a scan blurs the head glyph, which is
 * intricate, more than the rest. When the file's document numbers begin with one issuer head
 * (ISSUER_HEADS) far more often than with any other, a head read in doubt (under
 * LOW_CONFIDENCE_TEXT) that heads no issuer and that the file reads only there is that head.
 * Returns the changes; cells are not touched.
 */
export function fixDocumentIssuers(layouts: readonly PageLayout[]): ContextFix[] {
  const cells = layouts.flatMap((l) => l.tables.flatMap((t) => t.cells.map((cell) => ({ cell, pageNumber: l.pageNumber }))));
  const heads = new Map<string, number>();
  for (const { cell } of cells) for (const m of cell.text.matchAll(DOCUMENT_NUMBER)) heads.set(m[1]!, (heads.get(m[1]!) ?? 0) + 1);
  const [first, second] = [...heads].sort((a, b) => b[1] - a[1]);
  if (!first || !ISSUER_HEADS.has(first[0]) || first[1] < MIN_HEAD_SUPPORT || (second && first[1] <= 2 * second[1])) return [];
  const [head, support] = first;
  const fixes: ContextFix[] = [];
  for (const { cell, pageNumber } of cells) {
    const numbers = isOcrCell(cell) ? [...cell.text.matchAll(DOCUMENT_NUMBER)] : [];
    if (numbers.length === 0) continue;
    const glyphs = glyphsOf(cell);
    const text = glyphs.map((g) => g.text);
    const notes: string[] = [];
    // match indices count UTF-16 units; glyphs are code points
    for (const m of numbers) {
      const at = [...cell.text.slice(0, m.index)].length;
      const read = glyphs[at]!;
      if (read.text === head || ISSUER_HEADS.has(read.text) || (heads.get(read.text) ?? 0) > 1) continue;
      if (read.confidence === undefined || read.confidence >= LOW_CONFIDENCE_TEXT) continue;
      text[at] = head;
      notes.push(`${read.text}${m[2]} → ${head}${m[2]}: ${support} of the file's document numbers begin with ${head}`);
    }
    if (notes.length > 0) fixes.push({ pageNumber, cell, text: text.join(''), rule: `document-issuer (${notes.join('; ')})` });
  }
  return fixes;
}
