import type { PageLayout } from '../table/types.ts';
import { isHan, isOcrCell } from './cell-glyphs.ts';
import { confident, glyphsOf, MIN_SUPPORT, type ContextFix, type Glyph } from './document-context.ts';
import { LOW_CONFIDENCE_TEXT } from './ocr-warnings.ts';
import { PROVINCE_SUFFIX as SUFFIX, PROVINCES } from './provinces.ts';

const textOf = (glyphs: readonly Glyph[]) => glyphs.map((g) => g.text).join('');

/**
 * A province's name read one doubtful ideograph off (`282-出西省`, `元、出西省`: 出 for 山) is the
 * province the same file names with confidence, at least twice, more often than any other that
 * name is one glyph off: `出西省` is as near 陕西省 and 江西省, and only the file tells which.
 * A doubtful glyph is one under LOW_CONFIDENCE_TEXT, the confidence that warns a text anyway;
 * right after a department's code (`231-出西省…`) any glyph is, for a department's name begins
 * with its province. A reading the file has elsewhere (`创建省级` is no 福建省) is left. Returns
 * the changes.
 */
export function fixProvinceNames(layouts: readonly PageLayout[]): ContextFix[] {
  const cells = layouts.flatMap((l) => l.tables.flatMap((t) => t.cells.map((cell) => ({ cell, pageNumber: l.pageNumber, glyphs: glyphsOf(cell) }))));
  const named = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const { glyphs } of cells) {
    glyphs.forEach((g, k) => {
      if (g.text !== SUFFIX) return;
      for (const n of [2, 3]) {
        const name = glyphs.slice(Math.max(0, k - n), k + 1);
        if (name.length !== n + 1) continue;
        const [written, province] = [textOf(name), textOf(name.slice(0, n))];
        seen.set(written, (seen.get(written) ?? 0) + 1);
        if (PROVINCES.includes(province) && name.every(confident)) named.set(province, (named.get(province) ?? 0) + 1);
      }
    });
  }
  const fixes: ContextFix[] = [];
  for (const { cell, pageNumber, glyphs } of cells) {
    if (!isOcrCell(cell)) continue;
    const text = glyphs.map((g) => g.text);
    const notes: string[] = [];
    glyphs.forEach((g, k) => {
      if (g.text !== SUFFIX) return;
      for (const n of [2, 3]) {
        const read = glyphs.slice(Math.max(0, k - n), k);
        if (read.length !== n || PROVINCES.includes(textOf(read)) || (seen.get(textOf(read) + SUFFIX) ?? 0) > 1) continue;
        const heads = followsDepartmentCode(text, k - n);
        const candidates = PROVINCES.filter((p) => [...p].length === n && oneOff(read, [...p], heads ? 1 : LOW_CONFIDENCE_TEXT))
          .map((p) => ({ p, count: named.get(p) ?? 0 }))
          .sort((a, b) => b.count - a.count);
        const [best, next] = candidates;
        if (!best || best.count < MIN_SUPPORT || (next && next.count === best.count)) continue;
        [...best.p].forEach((c, i) => (text[k - n + i] = c));
        notes.push(`${textOf(read)}${SUFFIX} → ${best.p}${SUFFIX}: read ${best.count} times elsewhere in the file`);
      }
    });
    if (notes.length > 0) fixes.push({ pageNumber, cell, text: text.join(''), rule: `province-name (${notes.join('; ')})` });
  }
  return fixes;
}

/** The reading differs from the name in one ideograph, read by OCR under `doubtBelow`. */
function oneOff(read: readonly Glyph[], name: readonly string[], doubtBelow: number): boolean {
  const off = read.filter((g, i) => g.text !== name[i]);
  return off.length === 1 && isHan(off[0]!.text) && off[0]!.confidence !== undefined && off[0]!.confidence < doubtBelow;
}

/** The cell's glyphs before `at` are a department's code (`231-`) and nothing else. */
const followsDepartmentCode = (text: readonly string[], at: number): boolean => /^\d{3,}[-－—]$/u.test(text.slice(0, at).join(''));
