/**
 * Lays out and draws forms: row heights from the wrapped content, pagination (a row never splits;
 * it moves whole to the next page; a merged cell split by a page break shows its text in its
 * largest piece, or moves to the next page when no piece can hold it), rules, and text.
 */
import type { Align, Layout, VAlign } from './layout.ts';
import { columnEdges } from './layout.ts';
import type { CellSpec, RowSpec } from './form-rows.ts';
import { indicatorHeaderCells } from './form-rows.ts';
import type { FontRole, Typesetter } from './typeset.ts';

type Doc = PDFKit.PDFDocument;

/** Ascent of the ideographic em box above the baseline (Noto Sans SC: 880/1000). */
const IDEO_ASCENT = 0.88;
/** Vertical gap between two forms sharing a page. */
const FORM_GAP_PT = 28;
/** Rows of a form that must fit below its title for the form to start on a shared page. */
const KEEP_WITH_TITLE_ROWS = 4;

export interface FormToDraw {
  rows: RowSpec[];
  /** The title and year lines of this form; the layout's labels when absent. */
  title?: string;
  subtitle?: string;
}

export interface FormPlacement {
  /** 1-based pages the form occupies. */
  pages: number[];
  /** The first row of each continuation page, described. */
  breaks: string[];
}

function describeRow(rows: RowSpec[], i: number): string {
  const row = rows[i]!;
  const first = row.cells.find((c) => c.text)?.text ?? '';
  return `${row.role}:${first.slice(0, 8)}`;
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}
interface Segment {
  o: 'h' | 'v';
  at: number;
  from: number;
  to: number;
}
interface CellText {
  lines: string[];
  size: number;
  role: FontRole;
}
interface PageOps {
  draw: (() => void)[];
  segments: Segment[];
  frames: Rect[];
}
interface Placement {
  page: number;
  top: number;
}
interface HeaderRepeat {
  page: number;
  top: number;
  height: number;
}
interface Fragment extends Rect {
  page: number;
}

export class FormRenderer {
  private readonly edges: number[];
  private readonly lh: number;
  private readonly top: number;
  private readonly bottom: number;
  private readonly pages: PageOps[] = [];
  /** Every text-bearing cell box drawn (page 1-based), for checking the text layer. */
  readonly drawnCells: { page: number; box: [number, number, number, number]; text: string; kind: string }[] = [];

  constructor(
    private readonly doc: Doc,
    private readonly ts: Typesetter,
    private readonly layout: Layout,
  ) {
    this.edges = columnEdges(layout);
    this.lh = layout.sizes.body * layout.lineHeight;
    this.top = layout.margins.top;
    this.bottom = layout.page.height - layout.margins.bottom;
  }

  /** Lays out every form, then draws page by page. Returns where each form went. */
  render(forms: FormToDraw[]): FormPlacement[] {
    let page = 0;
    let y = this.top;
    const result: FormPlacement[] = [];
    forms.forEach((form, f) => {
      const heights = this.rowHeights(form.rows);
      const titleH = this.titleHeight();
      if (f > 0) {
        const keep = titleH + heights.slice(0, KEEP_WITH_TITLE_ROWS).reduce((a, b) => a + b, 0);
        if (this.layout.forms === 'one' || y + FORM_GAP_PT + keep > this.bottom) {
          page++;
          y = this.top;
        } else {
          y += FORM_GAP_PT;
        }
      }
      const titlePage = page;
      this.drawTitle(page, y, form);
      const { placements, repeats } = this.paginate(form.rows, heights, page, y + titleH);
      this.drawTable(form.rows, heights, placements, repeats);
      const last = placements[placements.length - 1]!;
      page = last.page;
      y = last.top + heights[heights.length - 1]!;
      const breaks = placements.flatMap((p, i) => (i > 0 && p.page !== placements[i - 1]!.page ? [describeRow(form.rows, i)] : []));
      result.push({ pages: range(titlePage, last.page).map((p) => p + 1), breaks });
    });
    this.flush();
    return result;
  }

  // ---- measuring ------------------------------------------------------------------------

  private cellWidth(cell: CellSpec): number {
    return this.edges[cell.col + cell.colSpan]! - this.edges[cell.col]!;
  }

  private cellText(cell: CellSpec): CellText {
    const L = this.layout;
    const role: FontRole = cell.kind === 'label' || cell.kind === 'header' ? 'label' : 'value';
    const inner = this.cellWidth(cell) - 2 * L.padding.h;
    const text = this.ts.display(cell.text);
    const size = L.sizes.body;
    if (!text) return { lines: [], size, role };
    switch (cell.overflow) {
      case 'clip':
        return { lines: [this.ts.clip(text, role, size, inner)], size, role };
      case 'shrink': {
        const w = this.ts.width(text, role, size);
        return { lines: [text], size: w > inner ? Math.floor((size * inner * 10) / w) / 10 : size, role };
      }
      case 'wrap':
        return { lines: this.ts.wrap(text, role, size, inner), size, role };
    }
  }

  private neededHeight(cell: CellSpec): number {
    return this.cellText(cell).lines.length * this.lh + 2 * this.layout.padding.v;
  }

  private rowHeights(rows: RowSpec[]): number[] {
    const h = rows.map((row) =>
      Math.max(this.layout.minRowHeight, ...row.cells.filter((c) => c.rowSpan === 1).map((c) => this.neededHeight(c))),
    );
    rows.forEach((row, i) => {
      for (const c of row.cells.filter((c) => c.rowSpan > 1)) {
        const have = h.slice(i, i + c.rowSpan).reduce((a, b) => a + b, 0);
        const need = this.neededHeight(c);
        if (need > have) h[i + c.rowSpan - 1]! += need - have;
      }
    });
    const room = this.bottom - this.top;
    h.forEach((x, i) => {
      if (x > room) throw new Error(`${this.layout.id}: row ${i} is ${x.toFixed(0)} pt high, a page holds ${room.toFixed(0)} pt`);
    });
    return h;
  }

  private titleHeight(): number {
    const { sizes, titleGap } = this.layout;
    return sizes.title * 1.4 + titleGap + sizes.subtitle * 1.4 + titleGap;
  }

  // ---- pagination ------------------------------------------------------------------------

  private paginate(rows: RowSpec[], heights: number[], startPage: number, startY: number) {
    const forced = new Set<number>();
    const headerIndex = rows.findIndex((r) => r.role === 'indicator-head');
    const headerH = heights[headerIndex] ?? 0;
    for (;;) {
      const placements: Placement[] = [];
      const repeats: HeaderRepeat[] = [];
      let page = startPage;
      let y = startY;
      rows.forEach((row, i) => {
        const h = heights[i]!;
        const forcedHere = forced.has(i) && i > 0 && placements[i - 1]!.page === page;
        if (y + h > this.bottom + 1e-6 || forcedHere) {
          page++;
          y = this.top;
          if (this.layout.repeatIndicatorHeader && row.role === 'indicator') {
            repeats.push({ page, top: y, height: headerH });
            y += headerH;
          }
        }
        placements.push({ page, top: y });
        y += h;
      });
      // A merged cell cut by a page break must hold its text in one of its pieces.
      let changed = false;
      rows.forEach((row, i) => {
        for (const cell of row.cells) {
          if (cell.rowSpan === 1 || forced.has(i)) continue;
          const frags = this.fragments(cell, i, heights, placements, repeats);
          if (frags.length > 1 && largest(frags).h < this.neededHeight(cell)) {
            forced.add(i);
            changed = true;
          }
        }
      });
      if (!changed) return { placements, repeats };
    }
  }

  private fragments(cell: CellSpec, row: number, heights: number[], placements: Placement[], repeats: HeaderRepeat[]): Fragment[] {
    const x = this.edges[cell.col]!;
    const w = this.cellWidth(cell);
    const frags: Fragment[] = [];
    for (let r = row; r < row + cell.rowSpan; r++) {
      const p = placements[r]!;
      const last = frags[frags.length - 1];
      if (last && last.page === p.page) {
        last.h = p.top + heights[r]! - last.y;
      } else {
        let y = p.top;
        // Column C0 is not covered by a repeated header: the cell continues up through it.
        const rep = repeats.find((q) => q.page === p.page);
        if (rep && r > row && cell.col === 0 && y === rep.top + rep.height) y = rep.top;
        frags.push({ page: p.page, x, y, w, h: p.top + heights[r]! - y });
      }
    }
    return frags;
  }

  // ---- drawing ------------------------------------------------------------------------

  private ops(page: number): PageOps {
    while (this.pages.length <= page) this.pages.push({ draw: [], segments: [], frames: [] });
    return this.pages[page]!;
  }

  private drawTitle(page: number, y: number, form: FormToDraw): void {
    const { labels, sizes, titleGap } = this.layout;
    const x0 = this.edges[0]!;
    const x1 = this.edges[this.edges.length - 1]!;
    const title = this.ts.display(form.title ?? labels.title);
    const subtitle = this.ts.display(form.subtitle ?? labels.subtitle);
    this.ops(page).draw.push(() => {
      const tw = this.ts.width(title, 'title', sizes.title);
      this.ts.use('title', sizes.title);
      this.doc.text(title, (x0 + x1 - tw) / 2, y + sizes.title * (0.2 + IDEO_ASCENT), { lineBreak: false, baseline: 'alphabetic' });
      const sy = y + sizes.title * 1.4 + titleGap;
      const sw = this.ts.width(subtitle, 'label', sizes.subtitle);
      this.ts.use('label', sizes.subtitle);
      this.doc.text(subtitle, (x0 + x1 - sw) / 2, sy + sizes.subtitle * (0.2 + IDEO_ASCENT), { lineBreak: false, baseline: 'alphabetic' });
    });
  }

  private drawTable(rows: RowSpec[], heights: number[], placements: Placement[], repeats: HeaderRepeat[]): void {
    const bounds = new Map<number, Rect>();
    const addBox = (f: Fragment): void => {
      const ops = this.ops(f.page);
      const { x, y, w, h } = f;
      ops.segments.push(
        { o: 'h', at: y, from: x, to: x + w },
        { o: 'h', at: y + h, from: x, to: x + w },
        { o: 'v', at: x, from: y, to: y + h },
        { o: 'v', at: x + w, from: y, to: y + h },
      );
      const b = bounds.get(f.page);
      if (!b) bounds.set(f.page, { x, y, w, h });
      else {
        const x1 = Math.max(b.x + b.w, x + w);
        const y1 = Math.max(b.y + b.h, y + h);
        b.x = Math.min(b.x, x);
        b.y = Math.min(b.y, y);
        b.w = x1 - b.x;
        b.h = y1 - b.y;
      }
    };

    for (const rep of repeats) {
      for (const cell of indicatorHeaderCells(this.layout)) {
        const frag: Fragment = { page: rep.page, x: this.edges[cell.col]!, y: rep.top, w: this.cellWidth(cell), h: rep.height };
        addBox(frag);
        this.queueText(cell, frag);
      }
    }

    rows.forEach((row, i) => {
      const joined = this.layout.joinPeriodRun ? this.joinedPeriod(row) : null;
      for (const cell of row.cells) {
        const frags = this.fragments(cell, i, heights, placements, repeats);
        frags.forEach(addBox);
        if (joined && (cell.id === 'periodLabel' || cell.id === 'periodValue')) continue;
        this.queueText(cell, largest(frags));
      }
      if (joined) {
        const [labelCell, valueCell] = joined;
        const frag = this.fragments(labelCell, i, heights, placements, repeats)[0]!;
        this.queueJoinedRun(labelCell, valueCell, frag);
      }
    });
    for (const [page, b] of bounds) this.ops(page).frames.push(b);
  }

  private joinedPeriod(row: RowSpec): [CellSpec, CellSpec] | null {
    const l = row.cells.find((c) => c.id === 'periodLabel');
    const v = row.cells.find((c) => c.id === 'periodValue');
    return l && v ? [l, v] : null;
  }

  private alignOf(cell: CellSpec): [Align, VAlign] {
    const { align, valign } = this.layout;
    switch (cell.kind) {
      case 'label':
      case 'header':
        return [align.label, valign.label];
      case 'text':
        return [align.text, valign.value];
      case 'amount':
        return [align.amount, valign.value];
      case 'indicator':
        return [align.indicator, valign.value];
      case 'name':
        return [align.name, valign.value];
    }
  }

  /** y of the first baseline of a block of `n` lines in a cell box. */
  private firstBaseline(box: Rect, n: number, valign: VAlign, size: number): number {
    const blockH = n * this.lh;
    const top = valign === 'top' ? box.y + this.layout.padding.v : box.y + (box.h - blockH) / 2;
    return top + (this.lh - size) / 2 + IDEO_ASCENT * size;
  }

  private queueText(cell: CellSpec, box: Fragment): void {
    const t = this.cellText(cell);
    if (t.lines.length === 0) return;
    const [align, valign] = this.alignOf(cell);
    const pad = this.layout.padding.h;
    this.drawnCells.push({ page: box.page + 1, box: [box.x, box.y, box.x + box.w, box.y + box.h], text: t.lines.join(''), kind: cell.kind });
    this.ops(box.page).draw.push(() => {
      let baseline = this.firstBaseline(box, t.lines.length, valign, t.size);
      for (const line of t.lines) {
        const w = this.ts.width(line, t.role, t.size);
        const x = align === 'left' ? box.x + pad : align === 'right' ? box.x + box.w - pad - w : box.x + (box.w - w) / 2;
        this.ts.use(t.role, t.size);
        this.doc.text(line, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
        baseline += this.lh;
      }
    });
  }

  /**
   * The 项目期 label and its value in ONE text() call: the label ends just left of the border,
   * two spaces straddle the border, the value starts just right of it. A reader of the text
   * layer gets one item spanning two cells and must split it by glyph position.
   */
  private queueJoinedRun(labelCell: CellSpec, valueCell: CellSpec, box: Fragment): void {
    const l = this.cellText(labelCell);
    const v = this.cellText(valueCell);
    if (l.lines.length !== 1 || v.lines.length !== 1 || l.role !== 'label' || v.role !== 'value') {
      throw new Error(`${this.layout.id}: the joined 项目期 run needs one-line label and value`);
    }
    const size = this.layout.sizes.body;
    const run = `${l.lines[0]!}  ${v.lines[0]!}`;
    const border = this.edges[valueCell.col]!;
    const lbox: [number, number, number, number] = [this.edges[labelCell.col]!, box.y, border, box.y + box.h];
    this.drawnCells.push({ page: box.page + 1, box: lbox, text: l.lines[0]!, kind: 'label' });
    this.drawnCells.push({ page: box.page + 1, box: [border, box.y, this.edges[valueCell.col + valueCell.colSpan]!, box.y + box.h], text: v.lines[0]!, kind: 'text' });
    this.ops(box.page).draw.push(() => {
      const gap = this.ts.width('  ', 'label', size);
      const lw = this.ts.width(l.lines[0]!, 'label', size);
      const baseline = this.firstBaseline(box, 1, this.layout.valign.label, size);
      this.ts.use('label', size);
      this.doc.text(run, border - gap / 2 - lw, baseline, { lineBreak: false, baseline: 'alphabetic' });
    });
  }

  private flush(): void {
    const { page, rules } = this.layout;
    this.pages.forEach((ops) => {
      this.doc.addPage({ size: [page.width, page.height], margin: 0 });
      const segments = rules.mode === 'segments' ? dedupe(ops.segments) : merge(ops.segments);
      const drawRules = (): void => {
        this.doc.save();
        this.doc.lineWidth(rules.width).strokeColor('black').fillColor('black');
        for (const s of segments) {
          const [x1, y1, x2, y2] = s.o === 'h' ? [s.from, s.at, s.to, s.at] : [s.at, s.from, s.at, s.to];
          if (rules.mode === 'filled') {
            const half = rules.width / 2;
            this.doc.rect(x1 - half, y1 - half, x2 - x1 + 2 * half, y2 - y1 + 2 * half).fill();
          } else {
            this.doc.moveTo(x1, y1).lineTo(x2, y2).stroke();
          }
        }
        if (rules.doubleOuterGap) {
          const g = rules.doubleOuterGap;
          for (const f of ops.frames) this.doc.rect(f.x - g, f.y - g, f.w + 2 * g, f.h + 2 * g).stroke();
        }
        this.doc.restore();
      };
      // Report engines draw the grid first; office suites write cell text, then borders.
      if (rules.mode === 'merged') drawRules();
      this.doc.fillColor('black');
      for (const d of ops.draw) d();
      if (rules.mode !== 'merged') drawRules();
    });
  }
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

function largest(frags: Fragment[]): Fragment {
  return frags.reduce((best, f) => (f.h > best.h + 1e-6 ? f : best));
}

const key = (n: number): string => n.toFixed(2);

function dedupe(segments: Segment[]): Segment[] {
  const seen = new Map<string, Segment>();
  for (const s of segments) seen.set(`${s.o}|${key(s.at)}|${key(s.from)}|${key(s.to)}`, s);
  return [...seen.values()];
}

/** Joins collinear, touching or overlapping segments into long lines. */
function merge(segments: Segment[]): Segment[] {
  const groups = new Map<string, Segment[]>();
  for (const s of segments) {
    const k = `${s.o}|${key(s.at)}`;
    const list = groups.get(k) ?? [];
    list.push(s);
    groups.set(k, list);
  }
  const out: Segment[] = [];
  for (const list of groups.values()) {
    list.sort((a, b) => a.from - b.from);
    let cur = { ...list[0]! };
    for (const s of list.slice(1)) {
      if (s.from <= cur.to + 0.01) cur.to = Math.max(cur.to, s.to);
      else {
        out.push(cur);
        cur = { ...s };
      }
    }
    out.push(cur);
  }
  return out;
}
