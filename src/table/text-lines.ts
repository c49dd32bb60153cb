import type { Box } from '../geometry.ts';
import { unionBoxes } from '../geometry.ts';
import type { PageChar } from '../pdf/types.ts';

/** Glyphs whose baselines differ by less than this fraction of the font size share a line. */
export const LINE_BASELINE_TOLERANCE = 0.4;
/** A gap wider than this fraction of the font size between two Latin/digit glyphs is a space. */
export const WORD_GAP = 0.3;
/** Two identical glyphs closer than this fraction of the size are one (fake bold, double drawing). */
export const DUPLICATE_GLYPH_DISTANCE = 0.15;

export interface TextLine {
  text: string;
  box: Box;
  chars: PageChar[];
}

const isLatinOrDigit = (s: string) => /^[A-Za-z0-9]$/.test(s);
const isLatinLetter = (s: string) => /^[A-Za-z]$/.test(s);

/** Drop glyphs drawn twice on the same spot (some producers fake bold that way). */
export function dedupeChars(chars: readonly PageChar[]): PageChar[] {
  const out: PageChar[] = [];
  const sorted = [...chars].sort((a, b) => a.baseline - b.baseline || a.box[0] - b.box[0]);
  for (const c of sorted) {
    const tol = DUPLICATE_GLYPH_DISTANCE * c.size;
    const dup = out
      .slice(-4)
      .some((o) => o.text === c.text && Math.abs(o.box[0] - c.box[0]) < tol && Math.abs(o.baseline - c.baseline) < tol);
    if (!dup) out.push(c);
  }
  return out;
}

/** Group glyphs into visual lines, top to bottom, each left to right. */
export function charsToLines(chars: readonly PageChar[]): TextLine[] {
  const sorted = dedupeChars(chars).sort((a, b) => a.baseline - b.baseline);
  const groups: PageChar[][] = [];
  for (const c of sorted) {
    const g = groups[groups.length - 1];
    const ref = g?.[0];
    if (g && ref && Math.abs(c.baseline - ref.baseline) <= LINE_BASELINE_TOLERANCE * Math.max(ref.size, c.size)) g.push(c);
    else groups.push([c]);
  }
  return groups.map((g) => {
    g.sort((a, b) => a.box[0] - b.box[0]);
    let text = '';
    g.forEach((c, i) => {
      const prev = g[i - 1];
      if (prev && isLatinOrDigit(prev.text.slice(-1)) && isLatinOrDigit(c.text[0] ?? '')) {
        if (c.box[0] - prev.box[2] > WORD_GAP * c.size) text += ' ';
      }
      text += c.text;
    });
    return { text: text.replace(/\s+/g, ' ').trim(), box: unionBoxes(g.map((c) => c.box)), chars: g };
  });
}

/**
 * Join the lines of one cell: a wrapped line continues with no space, except between two
 * Latin letters (a wrapped number joins with no space). `forced[i]` true says the break after
 * line i fell mid-word (see forced-breaks.ts): no space there either.
 */
export function joinLines(lines: readonly string[], forced: readonly boolean[] = []): string {
  let out = '';
  lines.forEach((line, i) => {
    if (!line) return;
    if (out && !forced[i - 1] && isLatinLetter(out.slice(-1)) && isLatinLetter(line[0] ?? '')) out += ' ';
    out += line;
  });
  return out;
}
