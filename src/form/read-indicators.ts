import type { Box } from '../geometry.ts';
import type { Indicator, Period, Provenance, RecordWarning } from '../schema/record.ts';
import type { Cell } from '../table/types.ts';
import { cellProvenance } from './draft.ts';
import { matchLabel, type LabelKey } from './labels.ts';
import type { FormRow } from './split-forms.ts';

type Span = [x0: number, x1: number];
interface SideColumns {
  level2: Span;
  name: Span;
  value: Span;
}
/** Where each column of the indicator block lies, from its header row. */
export interface IndicatorColumns {
  level1: Span;
  implementation: SideColumns;
  annual: SideColumns;
}

type ReadIndicator = Omit<Indicator, 'parsed'> & { provenance: Record<string, Provenance> };

export interface IndicatorBlock {
  indicators: Omit<Indicator, 'parsed'>[];
  /** Keyed by `indicators[i].level1|level2|name|value`. */
  provenance: Record<string, Provenance>;
}

const span = (b: Box): Span => [b[0], b[2]];

/** The header row's columns, or null when the row is not the indicator header. */
export function headerColumns(row: FormRow): IndicatorColumns | null {
  const byKey = (key: LabelKey) =>
    row.cells.filter((c) => matchLabel(c.text)?.key === key).sort((a, b) => a.box[0] - b.box[0]);
  const l1 = byKey('level1Header');
  const l2 = byKey('level2Header');
  const l3 = byKey('level3Header');
  const v = byKey('valueHeader');
  if (l2.length < 2 || l3.length < 2 || v.length < 2) return null;
  const side = (i: number): SideColumns => ({ level2: span(l2[i]!.box), name: span(l3[i]!.box), value: span(v[i]!.box) });
  // Without a printed 一级指标 header the level-1 column is whatever stands left of the first 二级指标.
  const level1: Span = l1[0] ? span(l1[0].box) : [l2[0]!.box[0] - 1, l2[0]!.box[0]];
  return { level1, implementation: side(0), annual: side(1) };
}

const overlap = (a: Span, b: Span) => Math.min(a[1], b[1]) - Math.max(a[0], b[0]);

/** The cell of the row that lies in a column: the one overlapping it most, by at least half. */
function cellIn(row: FormRow, column: Span): Cell | undefined {
  let best: Cell | undefined;
  let bestOverlap = 0;
  for (const c of row.cells) {
    const o = overlap(span(c.box), column);
    const needed = 0.5 * Math.min(column[1] - column[0], c.box[2] - c.box[0]);
    if (o >= needed && o > bestOverlap) {
      best = c;
      bestOverlap = o;
    }
  }
  return best;
}

/**
 * Read the indicator rows below the header: level 1 and level 2 are carried down their merged
 * cells (and across a page break that split them); a level-2 category with no level-3 row is not
 * an indicator; a row split by a page break is joined back to the row it continues.
 */
export function readIndicatorRows(
  rows: readonly FormRow[],
  initial: IndicatorColumns,
  warnings: RecordWarning[],
): IndicatorBlock {
  let columns = initial;
  const sides: Record<Period, ReadIndicator[]> = { implementation: [], annual: [] };
  let level1 = '';
  const level2: Record<Period, string> = { implementation: '', annual: '' };
  for (const row of rows) {
    const header = headerColumns(row);
    if (header) {
      columns = header; // a header repeated on a continuation page
      continue;
    }
    const l1Cell = cellIn(row, columns.level1);
    const l1Text = l1Cell?.text ?? '';
    if (l1Text && l1Text !== level1) {
      level1 = l1Text;
      level2.implementation = '';
      level2.annual = '';
    }
    for (const period of ['implementation', 'annual'] as const) {
      const cols = columns[period];
      const l2Cell = cellIn(row, cols.level2);
      const nameCell = cellIn(row, cols.name);
      const valueCell = cellIn(row, cols.value);
      const l2Text = l2Cell?.text ?? '';
      const name = nameCell && nameCell !== l2Cell ? nameCell.text : '';
      const value = valueCell && valueCell !== nameCell ? valueCell.text : '';
      if (l2Text) level2[period] = l2Text;
      if (!name && !value) continue; // an empty category, or a blank side
      const list = sides[period];
      const previous = list[list.length - 1];
      if (row.continues && previous && !l1Text && !l2Text && (!name || !value)) {
        previous.name += name;
        previous.value += value;
        warnings.push({
          code: 'row-split-across-pages',
          field: `${period} indicator "${previous.name}"`,
          message: 'An indicator row broken by a page break was joined back together; check the joined text.',
        });
        continue;
      }
      const provenance: Record<string, Provenance> = {};
      if (l1Cell) provenance.level1 = cellProvenance(row.pageNumber, l1Cell);
      if (l2Cell) provenance.level2 = cellProvenance(row.pageNumber, l2Cell);
      if (nameCell) provenance.name = cellProvenance(row.pageNumber, nameCell);
      if (valueCell) provenance.value = cellProvenance(row.pageNumber, valueCell);
      list.push({ period, level1, level2: level2[period], name, value, provenance });
    }
  }
  const all = [...sides.implementation, ...sides.annual];
  const provenance: Record<string, Provenance> = {};
  const indicators = all.map(({ provenance: p, ...indicator }, i) => {
    for (const [k, v] of Object.entries(p)) provenance[`indicators[${i}].${k}`] = v;
    return indicator;
  });
  return { indicators, provenance };
}
