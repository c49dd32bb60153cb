/**
 * One truth record → the rows of its table, on the eight-column grid described in layout.ts.
 * Rows list the cells that start in them; a cell spans `colSpan` columns and `rowSpan` rows.
 * Every value cell holds exactly the truth string; everything else is a label.
 */
import type { FundKey, Layout, Overflow, Side } from './layout.ts';
import type { TruthIndicator, TruthRecord } from './truth.ts';

export type CellKind = 'label' | 'text' | 'amount' | 'indicator' | 'name' | 'header';

export interface CellSpec {
  col: number;
  colSpan: number;
  rowSpan: number;
  text: string;
  kind: CellKind;
  overflow: Overflow;
  /** Marks cells the renderer treats specially (the joined 项目期 run). */
  id?: 'periodLabel' | 'periodValue';
}

export type RowRole = 'head' | 'funding' | 'text' | 'goal-head' | 'goal' | 'indicator-head' | 'indicator';

export interface RowSpec {
  role: RowRole;
  cells: CellSpec[];
}

const FUND_KEYS: FundKey[] = ['total', 'central', 'provincial', 'municipal', 'selfRaised', 'other'];

function label(col: number, colSpan: number, text: string, rowSpan = 1, overflow: Overflow = 'wrap'): CellSpec {
  return { col, colSpan, rowSpan, text, kind: 'label', overflow };
}
function value(col: number, colSpan: number, text: string, kind: CellKind = 'text', rowSpan = 1): CellSpec {
  return { col, colSpan, rowSpan, text, kind, overflow: 'wrap' };
}

/** `1700000` → `1,700,000`; null → blank. */
export function formatAmount(n: number | null): string {
  if (n === null) return '';
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export function recordToRows(record: TruthRecord, layout: Layout): RowSpec[] {
  const L = layout.labels;
  const rows: RowSpec[] = [];

  rows.push({ role: 'head', cells: [label(0, 2, L.projectName), value(2, 6, record.projectName)] });
  rows.push({
    role: 'head',
    cells: [
      label(0, 2, L.department),
      value(2, 3, `${record.department.code}-${record.department.name}`),
      label(5, 1, L.unit),
      value(6, 2, record.implementingUnit),
    ],
  });
  rows.push({
    role: 'head',
    cells: [
      label(0, 2, L.attribute),
      value(2, 3, record.attribute),
      { ...label(5, 1, L.period), id: 'periodLabel' },
      { ...value(6, 2, record.period), id: 'periodValue' },
    ],
  });

  FUND_KEYS.forEach((key, i) => {
    const cells: CellSpec[] = [];
    if (i === 0) cells.push(label(0, 2, L.funding, FUND_KEYS.length));
    const side = (s: Side, col: number, amountCol: number): void => {
      cells.push(label(col, 1, L.fund[s][key], 1, layout.fundOverflow[s][key] ?? 'wrap'));
      cells.push(value(amountCol, 2, formatAmount(record.funding[s === 'left' ? 'implementation' : 'annual'][key]), 'amount'));
    };
    side('left', 2, 3);
    side('right', 5, 6);
    rows.push({ role: 'funding', cells });
  });

  const texts: [string, string][] = [
    [L.overview, record.overview],
    [L.basis, record.basis],
    [L.necessity, record.necessity],
    [L.safeguards, record.safeguards],
    [L.plan, record.plan],
  ];
  for (const [l, v] of texts) rows.push({ role: 'text', cells: [label(0, 2, l), value(2, 6, v)] });

  rows.push({ role: 'goal-head', cells: [label(0, 2, L.goals, 2), label(2, 3, L.goalImpl), label(5, 3, L.goalAnnual)] });
  rows.push({ role: 'goal', cells: [value(2, 3, record.goals.implementation), value(5, 3, record.goals.annual)] });

  const indicatorRows = indicatorsToRows(record, layout);
  rows.push({ role: 'indicator-head', cells: [label(0, 1, L.indicators, indicatorRows.length + 1), ...indicatorHeaderCells(layout)] });
  rows.push(...indicatorRows);
  return rows;
}

/** The header cells C1..C7 (also repeated on continuation pages by some producers). */
export function indicatorHeaderCells(layout: Layout): CellSpec[] {
  const L = layout.labels;
  return [L.level1, L.level2, L.level3, L.value, L.level2, L.level3, L.value].map((t, i) => label(i + 1, 1, t));
}

/** A level-2 string as printed may be clipped (`服务对象满意度`): file it under its standard category. */
function categoryOf(level1: string, level2: string, layout: Layout): string {
  const standard = layout.standardCategories[level1] ?? [];
  return standard.find((s) => s === level2) ?? standard.find((s) => s.startsWith(level2)) ?? level2;
}

/**
 * Indicator rows: level 1 in standard order, its standard level-2 categories (plus any others, in
 * order of appearance), and within a category implementation row i beside annual row i. A side
 * with no indicator in a category prints only the category label.
 */
function indicatorsToRows(record: TruthRecord, layout: Layout): RowSpec[] {
  const level1s: string[] = [];
  for (const l1 of [...Object.keys(layout.standardCategories), ...record.indicators.map((i) => i.level1)]) {
    if (!level1s.includes(l1) && (layout.standardCategories[l1] || record.indicators.some((i) => i.level1 === l1))) {
      level1s.push(l1);
    }
  }
  const rows: RowSpec[] = [];
  const printed: Record<'implementation' | 'annual', TruthIndicator[]> = { implementation: [], annual: [] };

  for (const level1 of level1s) {
    const inLevel = record.indicators.filter((i) => i.level1 === level1);
    const categories = [...(layout.standardCategories[level1] ?? [])];
    for (const i of inLevel) {
      const c = categoryOf(level1, i.level2, layout);
      if (!categories.includes(c)) categories.push(c);
    }
    const level1Rows: RowSpec[] = [];
    for (const category of categories) {
      const pick = (period: 'implementation' | 'annual'): TruthIndicator[] =>
        inLevel.filter((i) => i.period === period && categoryOf(level1, i.level2, layout) === category);
      const left = pick('implementation');
      const right = pick('annual');
      printed.implementation.push(...left);
      printed.annual.push(...right);
      const n = Math.max(left.length, right.length, 1);
      for (let r = 0; r < n; r++) {
        const cells: CellSpec[] = [];
        const side = (list: TruthIndicator[], col: number): void => {
          if (r === 0) {
            const names = new Set(list.map((i) => i.level2));
            if (names.size > 1) throw new Error(`${record.projectName}: one category printed under several level-2 labels: ${[...names]}`);
            cells.push({ ...value(col, 1, list[0]?.level2 ?? category, 'indicator', n), kind: 'name' });
          }
          const ind = list[r];
          cells.push(value(col + 1, 1, ind?.name ?? '', 'name'));
          cells.push(value(col + 2, 1, ind?.value ?? '', 'indicator'));
        };
        side(left, 2);
        side(right, 5);
        level1Rows.push({ role: 'indicator', cells });
      }
    }
    level1Rows[0]!.cells.unshift({ ...value(1, 1, level1, 'name', level1Rows.length), kind: 'name' });
    rows.push(...level1Rows);
  }

  // The table must print the indicators in the truth's order, or the sample would not be "as printed".
  for (const period of ['implementation', 'annual'] as const) {
    const truth = record.indicators.filter((i) => i.period === period);
    const same = truth.length === printed[period].length && truth.every((t, k) => t === printed[period][k]);
    if (!same) throw new Error(`${record.projectName}: ${period} indicators would print out of truth order`);
  }
  return rows;
}
