/**
 * Measuring and wrapping text the way a spreadsheet or word processor does inside a cell:
 * Chinese text breaks between any two characters (no hyphens); with `kinsoku` closing punctuation
 * never starts a line and opening punctuation never ends one. Widths come from the embedded font.
 */
import type { Layout } from './layout.ts';

type Doc = PDFKit.PDFDocument;
export type FontRole = 'title' | 'label' | 'value';

const NO_LINE_START = new Set(Array.from('，。、；：？！）》」』】〕”’,.;:?!)]}%…～'));
const NO_LINE_END = new Set(Array.from('（《「『【〔“‘([{'));
/** Width of the measured line may exceed the sum of advances by kerning; allowed slack in points. */
const WIDTH_SLACK_PT = 0.05;

export class Typesetter {
  private readonly advance = new Map<string, number>();

  constructor(
    private readonly doc: Doc,
    readonly layout: Layout,
    private readonly fontNames: Record<FontRole, string>,
  ) {}

  /** The text as written to the text layer (radical code points where the layout uses them). */
  display(text: string): string {
    const map = this.layout.radicals;
    if (!map) return text;
    return Array.from(text, (ch) => map[ch] ?? ch).join('');
  }

  use(role: FontRole, size: number): void {
    this.doc.font(this.fontNames[role]).fontSize(size);
  }

  /** Width in points of an already-displayed string, measured by the font's layout engine. */
  width(text: string, role: FontRole, size: number): number {
    this.use(role, size);
    return this.doc.widthOfString(text);
  }

  private charAdvance(ch: string, role: FontRole): number {
    const key = `${role}\u0000${ch}`;
    let w = this.advance.get(key);
    if (w === undefined) {
      w = this.width(ch, role, 100) / 100;
      this.advance.set(key, w);
    }
    return w;
  }

  /** Greedy wrap of displayed text into lines no wider than maxWidth. */
  wrap(text: string, role: FontRole, size: number, maxWidth: number): string[] {
    const lines: string[] = [];
    let cur: string[] = [];
    let w = 0;
    for (const ch of Array.from(text)) {
      const cw = this.charAdvance(ch, role) * size;
      if (cur.length > 0 && w + cw > maxWidth + 1e-6) {
        const carry: string[] = [];
        if (this.layout.kinsoku) {
          if (NO_LINE_START.has(ch) && cur.length > 1) carry.unshift(cur.pop()!);
          while (cur.length > 1 && NO_LINE_END.has(cur[cur.length - 1]!)) carry.unshift(cur.pop()!);
        }
        lines.push(cur.join(''));
        cur = carry;
        w = carry.reduce((a, c) => a + this.charAdvance(c, role) * size, 0);
      }
      cur.push(ch);
      w += cw;
    }
    if (cur.length > 0) lines.push(cur.join(''));
    for (const line of lines) {
      const lw = this.width(line, role, size);
      if (lw > maxWidth + WIDTH_SLACK_PT && Array.from(line).length > 1) {
        throw new Error(`wrapped line ${JSON.stringify(line)} is ${lw.toFixed(2)} pt, cell has ${maxWidth.toFixed(2)} pt`);
      }
    }
    return lines;
  }

  /** The longest prefix that fits: what a cell that does not wrap shows of its text. */
  clip(text: string, role: FontRole, size: number, maxWidth: number): string {
    const chars = Array.from(text);
    while (chars.length > 1 && this.width(chars.join(''), role, size) > maxWidth) chars.pop();
    return chars.join('');
  }
}
