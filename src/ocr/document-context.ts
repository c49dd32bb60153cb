import type { Cell, PageLayout } from '../table/types.ts';
import { cellGlyphs, isHan, isOcrCell } from './cell-glyphs.ts';

/**
 * A file's own confident readings as evidence for its doubtful glyphs. The forms of one file
 * repeat their department, their boilerplate and their phrases (`保障单位正常运转`, `服务支出。`),
 * and a scan blurs one copy more than another. An ideograph whose two neighbours on each side
 * the file reads elsewhere, confidently and at least twice (once, when the engine all but gave
 * up on the glyph itself), around one other ideograph, and never around this one, is that
 * other ideograph, when the engine doubted some glyph of those five: it misreads a glyph
 * confidently beside one it doubts (`正党`(0.91)`运转`(0.00)). A cell's start or end stands for
 * the neighbours a glyph beside it lacks, for a glyph the engine all but gave up on. A
 * doubtful ideograph where the file reads its neighbours confidently closed up, at least twice,
 * and nothing else between them, is one the engine made up (`维修家有具设备`): it goes.
 */

/** A window of five glyphs holding one read under this confidence is open to change (see LOW_CONFIDENCE). */
export const DOUBTFUL_BELOW = 0.8;
/** The evidence, a window of five, is read with this confidence or more in every glyph. */
export const CONFIDENT_FROM = 0.9;
/** The replacement must be read confidently in the same context at least this often in the file. */
export const MIN_SUPPORT = 2;
/** ...or once, when the engine all but gave up on the glyph itself (read under this confidence). */
export const LOST_BELOW = 0.5;
/** Glyphs of context on each side of a doubtful one: one side alone misleads (`公设备购` against `公设备正`, `办公用品保障` against `用于保障`). */
const SIDE = 2;
const WINDOW = 2 * SIDE + 1;
/** Stands, twice, before and after a cell's glyphs: where a cell begins or ends is context too (`受训信员` against `受训人员`). */
const EDGE: Glyph = { text: '\u0001', confidence: 1 };
const isEdge = (g: Glyph) => g === EDGE;
const shown = (g: Glyph) => (isEdge(g) ? '' : g.text);
const padded = (glyphs: Glyph[]): Glyph[] => [...Array(SIDE).fill(EDGE), ...glyphs, ...Array(SIDE).fill(EDGE)];
/** Numerals: `第一季度` and `第二季度` are both right, so their context says nothing. */
const NUMERAL = /[〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟]/u;

export interface Glyph {
  text: string;
  /** 1 for a text layer's glyph; undefined when the cell's reading and glyphs no longer line up. */
  confidence: number | undefined;
}

/** One change made by the file's context, for the caller to note on the cell. */
export interface ContextFix {
  pageNumber: number;
  cell: Cell;
  text: string;
  rule: string;
}

/** A cell's text glyph by glyph, with each one's confidence. */
export function glyphsOf(cell: Cell): Glyph[] {
  const text = [...cell.text];
  if (!isOcrCell(cell)) return text.map((t) => ({ text: t, confidence: 1 }));
  const aligned = cellGlyphs(cell);
  const confidence: Array<number | undefined> = text.map(() => undefined);
  if (aligned) for (const g of aligned.glyphs) if (g.at >= 0 && aligned.text[g.at] === g.text) confidence[g.at] = g.ch.confidence;
  return text.map((t, i) => ({ text: t, confidence: confidence[i] }));
}

/** A window's key with its middle glyph left out; any digit stands for all (a department's code differs from file to file). */
const keyOf = (w: Glyph[]) => w.map((g, i) => (i === SIDE ? '\u0000' : g.text.replace(/\d/u, '#'))).join('');

export const confident = (g: Glyph) => g.confidence !== undefined && g.confidence >= CONFIDENT_FROM;

/**
 * Count, for every context (a window with one place open), which ideographs fill the place:
 * confidently, and at all; and how often each context is read confidently closed up, with
 * nothing in the place (`sureClosed`).
 */
function indexContexts(cells: Glyph[][]): { sure: Map<string, Map<string, number>>; seen: Map<string, Map<string, number>>; sureClosed: Map<string, number> } {
  const sure = new Map<string, Map<string, number>>();
  const seen = new Map<string, Map<string, number>>();
  const sureClosed = new Map<string, number>();
  const add = (index: Map<string, Map<string, number>>, key: string, text: string) => {
    const m = index.get(key) ?? index.set(key, new Map()).get(key)!;
    m.set(text, (m.get(text) ?? 0) + 1);
  };
  for (const glyphs of cells) {
    for (let start = 0; start + WINDOW <= glyphs.length; start++) {
      const w = glyphs.slice(start, start + WINDOW);
      if (w.some((g) => /\s/u.test(g.text))) continue;
      const key = keyOf(w);
      add(seen, key, w[SIDE]!.text);
      if (w.every(confident)) add(sure, key, w[SIDE]!.text);
    }
    for (let start = 0; start + WINDOW - 1 <= glyphs.length; start++) {
      const w = glyphs.slice(start, start + WINDOW - 1);
      if (w.some((g) => /\s/u.test(g.text)) || !w.every(confident)) continue;
      const key = closedKeyOf(w);
      sureClosed.set(key, (sureClosed.get(key) ?? 0) + 1);
    }
  }
  return { sure, seen, sureClosed };
}

/** A context's key with its place closed up: the glyphs either side of it, digits standing for all. */
const closedKeyOf = (w: Glyph[]) => w.map((g) => g.text.replace(/\d/u, '#')).join('');

/** The one ideograph the file's confident readings put at `at` of a cell's glyphs ('' for none), or null. */
function replacementAt(glyphs: Glyph[], at: number, index: ReturnType<typeof indexContexts>): { text: string; support: number; context: string } | null {
  const own = glyphs[at]!.text;
  if (at < SIDE || at + SIDE >= glyphs.length) return null;
  const w = glyphs.slice(at - SIDE, at + SIDE + 1);
  // a doubt somewhere in the window (see the module comment); at a cell's edge, which says less
  // than a glyph (`培训人次` against `受训人员`), the engine all but lost the glyph itself
  if (w.some((g) => g.confidence === undefined || /\s/u.test(g.text)) || !w.some((g) => g.confidence! < DOUBTFUL_BELOW)) return null;
  if (w.some(isEdge) && glyphs[at]!.confidence! >= LOST_BELOW) return null;
  const key = keyOf(w);
  // the reading as it stands recurs in this context elsewhere: it may well be right
  if ((index.seen.get(key)?.get(own) ?? 0) > 1) return null;
  const minSupport = glyphs[at]!.confidence! < LOST_BELOW ? 1 : MIN_SUPPORT;
  const others = [...(index.sure.get(key) ?? [])].filter(([text, n]) => text !== own && isHan(text) && n >= minSupport);
  if (others.length > 1) return null;
  if (others.length === 1) {
    const [text, support] = others[0]!;
    return { text, support, context: w.map((g, i) => (i === SIDE ? text : shown(g))).join('') };
  }
  // none fills the place: a doubtful glyph the file reads confidently without, closed up, is one the engine made up (`家有具设` for 家具设)
  const closed = w.filter((_, i) => i !== SIDE);
  const support = index.sureClosed.get(closedKeyOf(closed)) ?? 0;
  if (glyphs[at]!.confidence! >= DOUBTFUL_BELOW || support < MIN_SUPPORT) return null;
  return { text: '', support, context: closed.map(shown).join('') };
}

/**
 * Replace doubtful ideographs of a file's OCR cells by what its confident readings put in the
 * same context (see the module comment). Every table cell of every page is evidence, text-layer
 * pages too; only cells read by OCR are changed. Returns the changes; cells are not touched.
 */
export function fixByDocumentContext(layouts: readonly PageLayout[]): ContextFix[] {
  const cells = layouts.flatMap((l) => l.tables.flatMap((t) => t.cells.map((cell) => ({ cell, pageNumber: l.pageNumber }))));
  const glyphs = new Map(cells.map(({ cell }) => [cell, padded(glyphsOf(cell))]));
  const index = indexContexts([...glyphs.values()]);
  const fixes: ContextFix[] = [];
  for (const { cell, pageNumber } of cells) {
    if (!isOcrCell(cell)) continue;
    const own = glyphs.get(cell)!;
    const text = own.map(shown);
    const contexts: string[] = [];
    own.forEach((g, at) => {
      if (!isHan(g.text) || NUMERAL.test(g.text)) return;
      const r = replacementAt(own, at, index);
      if (!r || NUMERAL.test(r.text)) return;
      text[at] = r.text;
      contexts.push(`${g.text} → ${r.text || 'nothing'}: ${r.context} read ${r.support === 1 ? 'once' : `${r.support} times`} elsewhere in the file`);
    });
    if (contexts.length > 0) fixes.push({ pageNumber, cell, text: text.join(''), rule: `document-context (${contexts.join('; ')})` });
  }
  return fixes;
}
