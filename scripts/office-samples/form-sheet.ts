/**
 * One declaration form as spreadsheet rows, laid out the way a person builds it in Excel/WPS/Calc:
 * an eight-column grid, the title and year merged across it above the bordered table, merged label
 * cells, 项目资金（元） merged down the six funding rows, the indicator block with 绩效指标, level-1
 * and level-2 cells merged down their rows, and row heights dragged by hand to fit the text
 * (spreadsheets do not size merged cells to their content), a little generously.
 */
import { indicatorsToGroups } from '../html-samples/indicator-rows.ts';
import type { TruthRecord } from '../samples/truth.ts';
import type { FormLabels } from '../varied/label-variants.ts';
import type { Rng } from '../varied/prng.ts';
import { skeletonOf } from '../varied/skeleton.ts';
import type { CellStyle, SheetCell, SheetRow } from './fods.ts';

/** [first column, number of columns] of each kind of cell, on the eight-column grid. */
interface Grid {
  label: [number, number];
  value: [number, number];
  deptValue: [number, number];
  unitLabel: [number, number];
  unitValue: [number, number];
  fundLeft: [number, number];
  amountLeft: [number, number];
  fundRight: [number, number];
  amountRight: [number, number];
  goalLeft: [number, number];
  goalRight: [number, number];
}

/** Labels over the first two columns (绩效指标 | 一级指标), or in the first column only. */
export const GRIDS: Record<'wide' | 'narrow', Grid> = {
  wide: {
    label: [0, 2],
    value: [2, 6],
    deptValue: [2, 3],
    unitLabel: [5, 1],
    unitValue: [6, 2],
    fundLeft: [2, 1],
    amountLeft: [3, 2],
    fundRight: [5, 1],
    amountRight: [6, 2],
    goalLeft: [2, 3],
    goalRight: [5, 3],
  },
  narrow: {
    label: [0, 1],
    value: [1, 7],
    deptValue: [1, 3],
    unitLabel: [4, 1],
    unitValue: [5, 3],
    fundLeft: [1, 2],
    amountLeft: [3, 2],
    fundRight: [5, 2],
    amountRight: [7, 1],
    goalLeft: [1, 4],
    goalRight: [5, 3],
  },
};

export interface Look {
  grid: keyof typeof GRIDS;
  /** Eight column widths in points. */
  columns: number[];
  font: string;
  labelFont: string;
  titleFont: string;
  size: number;
  titleSize: number;
  labelBold: boolean;
  border: string;
  /** Funding labels wrap in their cells (or are cut at the border, as a cell without wrap prints). */
  wrapFundLabels: boolean;
  /** The left 其中：中央财政资金 label is set to shrink to fit. */
  shrinkCentral: boolean;
  format: '#,##0' | '#,##0.00';
  labels: FormLabels;
  valign: 'middle' | 'top';
  /** Empty standard level-2 categories are printed as bare labels. */
  emptyCategories: boolean;
  /** A blank row between the year line and the table. */
  spacerRow: boolean;
  /** The title and year rows bordered too (the person selected the whole range for "all borders"). */
  borderedTitle?: boolean;
  yearLine: (year: number) => string;
}

/** Line pitch of CJK fonts in a spreadsheet cell, as a factor of the size (Noto CJK's ascent + descent). */
const LINE_PITCH = 1.45;
const CELL_PADDING_PT = 2;

const charWidth = (ch: string, size: number) => (/[\u0000-\u024f]/.test(ch) ? 0.55 : 1) * size;

/** How many lines a wrapped text takes in a cell of this width (greedy, breaking anywhere). */
export function lineCount(text: string, width: number, size: number): number {
  const inner = width - 2 * CELL_PADDING_PT - 2;
  let lines = 1;
  let x = 0;
  for (const ch of text) {
    const w = charWidth(ch, size);
    if (x + w > inner && x > 0) {
      lines++;
      x = 0;
    }
    x += w;
  }
  return lines;
}

const formatAmount = (n: number, format: Look['format']) =>
  n.toLocaleString('en-US', format === '#,##0' ? { maximumFractionDigits: 0 } : { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * Column widths with the amount columns widened where an amount would not fit: a spreadsheet
 * prints `###` for a number wider than its cell, and a person widens the column until it shows.
 */
export function fitAmounts(look: Look, records: readonly TruthRecord[]): number[] {
  const G = GRIDS[look.grid];
  const columns = [...look.columns];
  for (const [span, period] of [[G.amountLeft, 'implementation'], [G.amountRight, 'annual']] as const) {
    const widest = Math.max(0, ...records.flatMap((r) => Object.values(r.funding[period]).map((v) => (v === null ? 0 : formatAmount(v, look.format).length))));
    const need = widest * 0.6 * look.size + 2 * CELL_PADDING_PT + 6;
    const have = columns.slice(span[0], span[0] + span[1]).reduce((a, b) => a + b, 0);
    if (have < need) columns[span[0] + span[1] - 1]! += Math.ceil(need - have);
  }
  return columns;
}

/** The rows above the table: title, year line and the spacer row when there is one. */
export const headRows = (look: Look): number => (look.spacerRow ? 3 : 2);

export function formRows(record: TruthRecord, look: Look, rng: Rng): SheetRow[] {
  const G = GRIDS[look.grid];
  const L = look.labels;
  const rows: SheetRow[] = [];
  const base: CellStyle = { font: look.font, size: look.size, border: look.border, wrap: true, valign: look.valign, align: 'start' };
  const labelStyle: CellStyle = { ...base, font: look.labelFont, bold: look.labelBold, align: 'center', valign: 'middle' };
  const amountStyle: CellStyle = { ...base, align: 'end', format: look.format, wrap: false };
  const width = ([c, n]: [number, number]) => look.columns.slice(c, c + n).reduce((a, b) => a + b, 0);
  const pitch = look.size * LINE_PITCH;
  // A person drags each row until the text shows, and then some.
  const heightFor = (cells: [string, [number, number]][]) => {
    const lines = Math.max(1, ...cells.map(([t, span]) => lineCount(t, width(span), look.size)));
    return Math.round((lines * pitch + 2 * CELL_PADDING_PT + pitch * rng.next() * 0.6) * 4) / 4;
  };
  const put = (row: SheetRow, [c, n]: [number, number], value: SheetCell['value'], style: CellStyle, rowSpan = 1) => {
    row.cells.set(c, { value, style, colSpan: n, rowSpan });
  };
  const newRow = (height?: number): SheetRow => {
    const row: SheetRow = { height, cells: new Map() };
    rows.push(row);
    return row;
  };

  const title = newRow(look.titleSize * 2);
  const titleBorder = look.borderedTitle ? { border: look.border } : {};
  put(title, [0, 8], record.title, { font: look.titleFont, size: look.titleSize, bold: true, align: 'center', ...titleBorder });
  const year = newRow(look.size * 2);
  put(year, [0, 8], look.yearLine(record.year), { font: look.font, size: look.size + 1, align: 'center', ...titleBorder });
  if (look.spacerRow) newRow(look.size);

  const name = newRow(heightFor([[record.projectName, G.value]]));
  put(name, G.label, L.projectName, labelStyle);
  put(name, G.value, record.projectName, base);
  const dept = `${record.department.code}-${record.department.name}`;
  const deptRow = newRow(heightFor([[dept, G.deptValue], [record.implementingUnit, G.unitValue], [L.department, G.label], [L.unit, G.unitLabel]]));
  put(deptRow, G.label, L.department, labelStyle);
  put(deptRow, G.deptValue, dept, base);
  put(deptRow, G.unitLabel, L.unit, labelStyle);
  put(deptRow, G.unitValue, record.implementingUnit, base);
  const attr = newRow(heightFor([[record.attribute, G.deptValue], [record.period, G.unitValue]]));
  put(attr, G.label, L.attribute, labelStyle);
  put(attr, G.deptValue, record.attribute, base);
  put(attr, G.unitLabel, L.period, labelStyle);
  put(attr, G.unitValue, record.period, base);

  const parts = ['total', 'central', 'provincial', 'municipal', 'selfRaised', 'other'] as const;
  const fundLabel = (side: 'left' | 'right', part: (typeof parts)[number]) =>
    part === 'total' ? (side === 'left' ? L.implTotal : L.annualTotal) : { central: L.central, provincial: L.provincial, municipal: L.municipal, selfRaised: L.selfRaised, other: L.other }[part];
  parts.forEach((part, i) => {
    // Funding rows hold no merged text: the spreadsheet sizes them itself (optimal height).
    const row = newRow(look.wrapFundLabels ? undefined : pitch + 2 * CELL_PADDING_PT + 2);
    if (i === 0) put(row, G.label, L.funding, labelStyle, parts.length);
    const fundStyle: CellStyle = { ...labelStyle, align: 'start', wrap: look.wrapFundLabels, shrink: look.shrinkCentral && part === 'central' };
    put(row, G.fundLeft, fundLabel('left', part), fundStyle);
    put(row, G.amountLeft, record.funding.implementation[part], amountStyle);
    put(row, G.fundRight, fundLabel('right', part), { ...fundStyle, shrink: false });
    put(row, G.amountRight, record.funding.annual[part], amountStyle);
  });

  for (const [label, text] of [
    [L.overview, record.overview],
    [L.basis, record.basis],
    [L.necessity, record.necessity],
    [L.safeguards, record.safeguards],
    [L.plan, record.plan],
  ] as const) {
    const row = newRow(heightFor([[text, G.value], [label, G.label]]));
    put(row, G.label, label, labelStyle);
    put(row, G.value, text, base);
  }

  const goalHead = newRow(heightFor([[L.goalImpl, G.goalLeft]]));
  put(goalHead, G.label, L.overallGoal, labelStyle, 2);
  put(goalHead, G.goalLeft, L.goalImpl, labelStyle);
  put(goalHead, G.goalRight, L.goalAnnual, labelStyle);
  const goals = newRow(heightFor([[record.goals.implementation, G.goalLeft], [record.goals.annual, G.goalRight]]));
  put(goals, G.goalLeft, record.goals.implementation, base);
  put(goals, G.goalRight, record.goals.annual, base);

  const blocks = indicatorsToGroups(record.indicators, skeletonOf(record, look.emptyCategories));
  const bodyRows = blocks.reduce((n, b) => n + b.rows, 0);
  const headings = [L.level1, L.level2, L.level3, L.value, L.level2, L.level3, L.value];
  const head = newRow(heightFor(headings.map((h, i) => [h, [i + 1, 1]] as [string, [number, number]])));
  put(head, [0, 1], L.indicators, labelStyle, bodyRows + 1);
  headings.forEach((h, i) => put(head, [i + 1, 1], h, labelStyle));
  const cellStyle: CellStyle = { ...base, align: 'center' };
  for (const block of blocks) {
    let first = true;
    for (const g of block.groups) {
      for (let k = 0; k < g.rows; k++) {
        const texts: [string, [number, number]][] = [];
        const row = newRow();
        if (first) put(row, [1, 1], block.level1, cellStyle, block.rows);
        first = false;
        ([['implementation', 2], ['annual', 5]] as const).forEach(([period, col]) => {
          const side = g[period];
          if (k === 0) put(row, [col, 1], side.level2, cellStyle, g.rows);
          const item = side.items[k];
          put(row, [col + 1, 1], item?.name ?? '', cellStyle);
          put(row, [col + 2, 1], item?.value ?? '', cellStyle);
          texts.push([item?.name ?? '', [col + 1, 1]], [item?.value ?? '', [col + 2, 1]]);
          // A level-2 label alone in its single row must fit too.
          if (g.rows === 1) texts.push([side.level2, [col, 1]]);
        });
        if (g.rows === 1 && block.rows === 1) texts.push([block.level1, [1, 1]]);
        row.height = heightFor(texts);
      }
    }
  }
  return rows;
}
