import type { Box } from '../geometry.ts';
import type { Indicator, Period, Provenance, RecordWarning } from '../schema/record.ts';
import type { Cell } from '../table/types.ts';
import { endsFull, textPadding } from '../table/forced-breaks.ts';
import { charsToLines } from '../table/text-lines.ts';
import { cellProvenance } from './draft.ts';
import { LEVEL1_NAMES, LEVEL2_NAMES, matchLabel, squashLabel, type LabelKey } from './labels.ts';
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
/** A name's provenance for one more field: a copy each (a skewed scan's provenance is turned back in place, once per field). */
const carried = (from: Provenance | undefined) => from && { ...from };

const SIDE_HEADERS: readonly LabelKey[] = ['level2Header', 'level3Header', 'valueHeader'];

/** A side header cell: its label, or for a level header any `?级指标` (OCR reads 二 as 一 or 三 as 二). */
const isSideHeader = (text: string, key: LabelKey) =>
  matchLabel(text)?.key === key || (key !== 'valueHeader' && /^.级指标$/.test(squashLabel(text)));

/**
 * The header row's columns, or null when the row is not the indicator header. Each side is the
 * three cells 二级指标 | 三级指标 | 指标值, the two sides six cells in a row; one of the six
 * may read as no label (OCR made `揞示值` of `指标值`), five are enough to know the row.
 */
export function headerColumns(row: FormRow): IndicatorColumns | null {
  const cells = [...row.cells].sort((a, b) => a.box[0] - b.box[0]);
  // the six consecutive cells read best as the two sides (a producer may add a column after them)
  let best: { at: number; known: number } | null = null;
  for (let at = 0; at + 6 <= cells.length; at++) {
    const known = cells.slice(at, at + 6).filter((c, i) => isSideHeader(c.text, SIDE_HEADERS[i % 3]!)).length;
    if (known >= 5 && (!best || known > best.known)) best = { at, known };
  }
  if (!best) return null;
  const six = cells.slice(best.at, best.at + 6);
  const side = (i: number): SideColumns => ({ level2: span(six[i]!.box), name: span(six[i + 1]!.box), value: span(six[i + 2]!.box) });
  const l1 = cells.find((c) => matchLabel(c.text)?.key === 'level1Header');
  // Without a printed 一级指标 header the level-1 column is whatever stands left of the first 二级指标.
  const level1: Span = l1 ? span(l1.box) : [six[0]!.box[0] - 1, six[0]!.box[0]];
  return { level1, implementation: side(0), annual: side(3) };
}

/**
 * Was the row before a page break cut by it, its texts going on in `row`, the first row of the next
 * page? A word processor breaks a row where the page ends and draws a rule under each part, so the
 * parts look like two rows. They are one when every name and value shown in `row` continues a cell
 * of the last row whose last line is full (its next glyph could not have followed on that line),
 * two or more cells of them.
 */
function wrapsOver(last: FormRow | undefined, row: FormRow, columns: IndicatorColumns, pad: number): boolean {
  if (!last) return false;
  let pairs = 0;
  for (const period of ['implementation', 'annual'] as const) {
    for (const column of [columns[period].name, columns[period].value]) {
      const now = cellIn(row, column);
      const before = cellIn(last, column);
      const first = now && [...now.chars].sort((a, b) => a.baseline - b.baseline || a.box[0] - b.box[0])[0];
      if (!first) continue;
      if (!before || !endsFull(charsToLines(before.chars), before.box, pad, first.box[2] - first.box[0])) return false;
      pairs++;
    }
  }
  return pairs >= 2;
}

/**
 * The name a merged cell cut by a page break prints over both pages, `head` before the break and
 * `tail` after it, or null when `tail` is a name of its own: `head` must be no name yet but the
 * start of one, and `head + tail` a name or the start of one (`服务对象满意度指` + `标`). When the
 * first page's text already ends with the tail (`服务对象满意度指标` + `标`), the name is `head`.
 */
export function restOfName(head: string, tail: string, names: readonly string[]): string | null {
  if (!head || !names.some((n) => n.startsWith(head))) return null;
  // The text layer of the first page may hold the whole name (its tail clipped, not printed there).
  if (!names.includes(tail) && tail.length < head.length && head.endsWith(tail)) return head;
  if (names.includes(head)) return null;
  const joined = head + tail;
  return names.some((n) => n.startsWith(joined)) ? joined : null;
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

/** The level 1 each level-2 name belongs to (成本指标 is a level 2 of 产出指标 on the provincial form). */
const LEVEL1_OF_LEVEL2: ReadonlyMap<string, (typeof LEVEL1_NAMES)[number]> = new Map([
  ['数量指标', '产出指标'],
  ['质量指标', '产出指标'],
  ['时效指标', '产出指标'],
  ['成本指标', '产出指标'],
  ['经济效益指标', '效益指标'],
  ['社会效益指标', '效益指标'],
  ['生态效益指标', '效益指标'],
  ['可持续影响指标', '效益指标'],
  ['服务对象满意度指标', '满意度指标'],
  ['经济成本指标', '成本指标'],
  ['社会成本指标', '成本指标'],
  ['生态环境成本指标', '成本指标'],
]);

/**
 * A level 1 that is not the one its level 2 belongs to (`效益指标` over 时效指标): on a page read
 * by OCR, a level-1 cell OCR could not read as any level-1 name (`国` for 效益指标), or a rule the
 * scan lost, which let the merged level-1 cell above run over the row; the level 1 is the one its
 * level 2 belongs to, said in an `ocr-corrected` warning with the raw reading. A text layer keeps
 * what it prints (a clipped name stays clipped), and a level-1 name over a level 2 of another is
 * said in an `indicator-level-mismatch` warning.
 */
function checkLevel1(indicator: ReadIndicator, field: string, warnings: RecordWarning[]): void {
  const parent = LEVEL1_OF_LEVEL2.get(indicator.level2);
  if (!parent || indicator.level1 === parent) return;
  const known = (LEVEL1_NAMES as readonly string[]).includes(indicator.level1);
  if (indicator.provenance.level1?.method !== 'ocr') {
    if (known) warnings.push({ code: 'indicator-level-mismatch', field, message: `The level 1 "${indicator.level1}" is printed over "${indicator.level2}", a level 2 of "${parent}".` });
    return;
  }
  const read = known ? `"${indicator.level1}", the level 1 of other level 2s` : `"${indicator.level1}", no level-1 name`;
  warnings.push({ code: 'ocr-corrected', field, message: `OCR read the level-1 cell as ${read}; taken as "${parent}", the level 1 of "${indicator.level2}".`, raw: indicator.level1 });
  indicator.level1 = parent;
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
  /** Cells to tell the table's cell padding from (default: those of `rows`). */
  padCells?: readonly Cell[],
): IndicatorBlock {
  let columns = initial;
  const sides: Record<Period, ReadIndicator[]> = { implementation: [], annual: [] };
  let level1 = '';
  const level2: Record<Period, string> = { implementation: '', annual: '' };
  // Where the current names were read: rows under the blank rest of a merged cell (a page break
  // cut it) point there, not at the blank part, so a reviewer finds the name and OCR is known.
  let level1From: Provenance | undefined;
  const level2From: Record<Period, Provenance | undefined> = { implementation: undefined, annual: undefined };
  // Rows under a merged level cell that printed blank: a page break split the cell and its name
  // went to the part on the next page. They take the name found at the top of that page.
  let unnamedL1: ReadIndicator[] = [];
  const unnamedL2: Record<Period, ReadIndicator[]> = { implementation: [], annual: [] };
  const nameBack = (pending: ReadIndicator[], key: 'level1' | 'level2', text: string, from: Provenance) => {
    for (const indicator of pending) {
      indicator[key] = text;
      indicator.provenance[key] = carried(from)!;
    }
    if (pending.length > 0)
      warnings.push({
        code: 'merged-cell-split',
        field: `${pending[0]!.period} indicator "${pending[0]!.name}"`,
        message: `A ${key === 'level1' ? 'level-1' : 'level-2'} cell broken by a page break printed its name "${text}" only on the next page; it was carried back to ${pending.length} row(s).`,
      });
  };
  // The rows read under the current level-1 and level-2 cells, to rename when a page break split
  // the cell's name (a spreadsheet prints the lines of a cut merged cell on the page they fall on).
  let groupL1: ReadIndicator[] = [];
  const groupL2: Record<Period, ReadIndicator[]> = { implementation: [], annual: [] };
  // Cells whose name was joined across the break: the rows below them carry the joined name.
  const joinedNames = new Map<Cell, string>();
  const joinName = (group: ReadIndicator[], key: 'level1' | 'level2', joined: string) => {
    for (const indicator of group) indicator[key] = joined;
    warnings.push({
      code: 'merged-cell-split',
      field: `${group[0]?.period ?? 'indicator'} ${key}`,
      message: `A ${key === 'level1' ? 'level-1' : 'level-2'} cell broken by a page break printed its name over both pages; read as "${joined}".`,
    });
  };
  let afterRepeatedHeader = false;
  const pad = textPadding(padCells ?? rows.flatMap((r) => r.cells));
  let lastRow: FormRow | undefined;
  for (const row of rows) {
    const header = headerColumns(row);
    if (header) {
      columns = header; // a header repeated on a continuation page
      afterRepeatedHeader = row.continues;
      continue;
    }
    // The first row after a repeated header is where the page break cut the block.
    const continues = row.continues || afterRepeatedHeader;
    afterRepeatedHeader = false;
    const l1Cell = cellIn(row, columns.level1);
    const l1From = l1Cell && cellProvenance(row.pageNumber, l1Cell);
    const l1Text = (l1Cell && joinedNames.get(l1Cell)) ?? l1Cell?.text ?? '';
    // A blank merged cell that starts here (not the rest of one split by the page break) opens an unnamed group.
    const opensBlank = (cell: Cell | undefined) => !!cell && !cell.text && row.fresh.has(cell) && !continues;
    const l1Joined = continues && l1Text ? restOfName(level1, l1Text, LEVEL1_NAMES) : null;
    if (l1Joined) {
      joinName(groupL1, 'level1', l1Joined);
      joinedNames.set(l1Cell!, l1Joined);
      level1 = l1Joined;
    } else {
      if (l1Text && continues && level1 === '' && unnamedL1.length > 0) {
        // The rest of a level-1 cell cut by the page break: the same group goes on, with its level 2.
        nameBack(unnamedL1, 'level1', l1Text, l1From!);
        level1 = l1Text;
        level1From = l1From;
      }
      if (l1Text || opensBlank(l1Cell)) unnamedL1 = [];
      if ((l1Text && l1Text !== level1) || opensBlank(l1Cell)) {
        level1 = l1Text;
        level1From = l1Text ? l1From : undefined;
        level2.implementation = '';
        level2.annual = '';
        groupL1 = [];
      }
    }
    const shown = (['implementation', 'annual'] as const).map((period) => {
      const cols = columns[period];
      const l2Cell = cellIn(row, cols.level2);
      const nameCell = cellIn(row, cols.name);
      const valueCell = cellIn(row, cols.value);
      const name = nameCell && nameCell !== l2Cell ? nameCell.text : '';
      const value = valueCell && valueCell !== nameCell ? valueCell.text : '';
      return { period, l2Cell, nameCell, valueCell, name, value };
    });
    // A page break cuts a whole row: when one side shows only part of an indicator (a name without
    // its value or a value without its name), what the other side shows is the rest of its row too.
    const cutRow = continues && (shown.some((x) => !!x.name !== !!x.value) || wrapsOver(lastRow, row, columns, pad));
    lastRow = row;
    for (const { period, l2Cell, nameCell, valueCell, name, value } of shown) {
      const l2Text = (l2Cell && joinedNames.get(l2Cell)) ?? l2Cell?.text ?? '';
      const l2From = l2Cell && cellProvenance(row.pageNumber, l2Cell);
      const l2Joined = continues && l2Text ? restOfName(level2[period], l2Text, LEVEL2_NAMES) : null;
      if (l2Joined) {
        joinName(groupL2[period], 'level2', l2Joined);
        joinedNames.set(l2Cell!, l2Joined);
        level2[period] = l2Joined;
      } else {
        if (l2Text && continues && level2[period] === '') nameBack(unnamedL2[period], 'level2', l2Text, l2From!);
        if (l2Text || opensBlank(l2Cell)) {
          unnamedL2[period] = [];
          if (l2Text !== level2[period] || (l2Cell && row.fresh.has(l2Cell))) groupL2[period] = [];
          level2[period] = l2Text;
          level2From[period] = l2Text ? l2From : undefined;
        }
      }
      if (!name && !value) continue; // an empty category, or a blank side
      // A row cut in two by a rule in another column: its name and value cells were read above.
      if ((!nameCell || !row.fresh.has(nameCell)) && (!valueCell || !row.fresh.has(valueCell))) continue;
      const list = sides[period];
      const previous = list[list.length - 1];
      // (A level name that only went on from the page before is no new group either.)
      if (continues && previous && (!l1Text || l1Joined) && (!l2Text || l2Joined) && (!name || !value || cutRow)) {
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
      const level1At = l1Cell?.text ? l1From : (carried(level1From) ?? l1From);
      const level2At = l2Cell?.text ? l2From : (carried(level2From[period]) ?? l2From);
      if (level1At) provenance.level1 = level1At;
      if (level2At) provenance.level2 = level2At;
      if (nameCell) provenance.name = cellProvenance(row.pageNumber, nameCell);
      if (valueCell) provenance.value = cellProvenance(row.pageNumber, valueCell);
      const indicator: ReadIndicator = { period, level1, level2: level2[period], name, value, provenance };
      list.push(indicator);
      groupL1.push(indicator);
      groupL2[period].push(indicator);
      if (!level1) unnamedL1.push(indicator);
      if (!level2[period]) unnamedL2[period].push(indicator);
    }
  }
  const all = [...sides.implementation, ...sides.annual];
  all.forEach((indicator, i) => checkLevel1(indicator, `indicators[${i}].level1`, warnings));
  const provenance: Record<string, Provenance> = {};
  const indicators = all.map(({ provenance: p, ...indicator }, i) => {
    for (const [k, v] of Object.entries(p)) provenance[`indicators[${i}].${k}`] = v;
    return indicator;
  });
  return { indicators, provenance };
}
