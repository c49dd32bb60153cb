import type { Box } from '../geometry.ts';
import type { FundingPart, Period, TextField } from '../schema/record.ts';
import type { Cell } from '../table/types.ts';
import { cellProvenance, emptyFunding, type FormDraft } from './draft.ts';
import { fundingPartOf, matchLabel, type LabelKey, type LabelMatch } from './labels.ts';
import { joinSplitRow } from './join-split-row.ts';
import { headerColumns, readIndicatorRows } from './read-indicators.ts';
import { readAmount, readDepartment } from './read-values.ts';
import type { FormChunk, FormRow } from './split-forms.ts';

const SCALARS = { projectName: 'projectName', implementingUnit: 'implementingUnit', attribute: 'attribute', period: 'period' } as const;
const TEXTS: Partial<Record<LabelKey, TextField>> = {
  overview: 'overview',
  basis: 'basis',
  necessity: 'necessity',
  safeguards: 'safeguards',
  plan: 'plan',
};
const FUNDING: Partial<Record<LabelKey, FundingPart>> = {
  totalImplementation: 'total',
  totalAnnual: 'total',
  central: 'central',
  provincial: 'provincial',
  municipal: 'municipal',
  selfRaised: 'selfRaised',
  other: 'other',
};
const REQUIRED_LABELS: LabelKey[] = ['projectName', 'department', 'funding', 'overview', 'overallGoal', 'indicators'];

/** The rest of a row cut by a page break has the row's columns: cell for cell, the same sides. */
const sameColumns = (a: FormRow, b: FormRow) =>
  a.cells.length === b.cells.length && a.cells.every((c, i) => Math.abs(c.box[0] - b.cells[i]!.box[0]) < 2 && Math.abs(c.box[2] - b.cells[i]!.box[2]) < 2);

/** How well a row's cells read as labels: 2 for each exact match, 1 for a clipped or misspelt one. */
const labelScore = (row: FormRow) => row.cells.reduce((n, c) => n + ((m) => (m ? (m.exact ? 2 : 1) : 0))(matchLabel(c.text)), 0);

/**
 * Which funding group a part's label belongs to: the one whose total label stands in its column.
 * (A label of the left group that no longer reads as one must not push the right one to the left.)
 */
function fundingPeriod(cell: Cell, totals: Partial<Record<Period, Box>>): Period | null {
  const center = (cell.box[0] + cell.box[2]) / 2;
  for (const period of ['implementation', 'annual'] as const) {
    const b = totals[period];
    if (b && center >= b[0] && center <= b[2]) return period;
  }
  return null;
}

/** Which of the two goal columns a cell lies under, from the 实施期目标 / 年度目标 header. */
function goalPeriod(cell: Cell, headers: Partial<Record<Period, Box>>, order: number): Period {
  const center = (cell.box[0] + cell.box[2]) / 2;
  const impl = headers.implementation;
  const annual = headers.annual;
  if (impl && annual) {
    const distance = (b: Box) => (center >= b[0] && center <= b[2] ? 0 : Math.min(Math.abs(center - b[0]), Math.abs(center - b[2])));
    return distance(annual) < distance(impl) ? 'annual' : 'implementation';
  }
  return order === 0 ? 'implementation' : 'annual';
}

/** Turn one form's rows into a draft record, label by label. */
export function mapForm(chunk: FormChunk): FormDraft {
  const draft: FormDraft = {
    title: chunk.title?.text ?? '',
    year: chunk.year?.value ?? null,
    projectName: null,
    department: { code: null, name: null },
    implementingUnit: null,
    attribute: null,
    period: null,
    funding: { implementation: emptyFunding(), annual: emptyFunding() },
    overview: null,
    basis: null,
    necessity: null,
    safeguards: null,
    plan: null,
    goals: { implementation: null, annual: null },
    indicators: [],
    warnings: [],
    provenance: {},
    pages: chunk.pages,
  };
  const { warnings, provenance } = draft;
  if (chunk.title) provenance.title = cellProvenance(chunk.title.pageNumber, chunk.title);
  else warnings.push({ code: 'title-missing', field: 'title', message: 'No title line was found above this form.' });
  if (chunk.year) provenance.year = cellProvenance(chunk.year.pageNumber, chunk.year);
  else warnings.push({ code: 'year-missing', field: 'year', message: 'No (YYYY年度) line was found for this form.' });

  const seen = new Set<LabelKey>();
  const goalHeaders: Partial<Record<Period, Box>> = {};
  const fundingColumns: Partial<Record<Period, Box>> = {};
  let inFunding = false;
  // The text being read, its last row, and where its values start (right of its label).
  let lastText = null as { field: TextField | 'goals'; row: number; left: number } | null;

  const noteLabel = (match: LabelMatch, cell: Cell, field: string) => {
    seen.add(match.key);
    if (!match.exact) {
      warnings.push({
        code: 'label-approximate',
        field,
        message: `The label "${cell.text}" was matched to ${match.key} only approximately (clipped or misspelt).`,
        raw: cell.text,
      });
    }
  };

  const appendText = (field: TextField, cells: Cell[], r: number, left = lastText?.left ?? -Infinity) => {
    const row = rowAt(r);
    lastText = { field, row: r, left };
    if (cells.length === 0) return;
    draft[field] = (draft[field] ?? '') + cells.map((c) => c.text).join('');
    provenance[field] ??= cellProvenance(row.pageNumber, cells[0]!);
  };
  const appendGoals = (cells: Cell[], r: number, left = lastText?.left ?? -Infinity) => {
    const row = rowAt(r);
    lastText = { field: 'goals', row: r, left };
    cells.forEach((c, order) => {
      const period = goalPeriod(c, goalHeaders, order);
      draft.goals[period] = (draft.goals[period] ?? '') + c.text;
      provenance[`goals.${period}`] ??= cellProvenance(row.pageNumber, c);
    });
  };

  // Rows as read: a row cut by a page break whose labels only make sense whole is read whole.
  const joinedRows = new Map<number, FormRow>();
  const rowAt = (r: number) => joinedRows.get(r) ?? chunk.rows[r]!;
  for (let r = 0; r < chunk.rows.length; r++) {
    let row = chunk.rows[r]!;
    const next = chunk.rows[r + 1];
    if (next?.continues && sameColumns(row, next) && !headerColumns(next)) {
      const joined = joinSplitRow(row, next);
      if ((headerColumns(joined) && !headerColumns(row)) || labelScore(joined) > labelScore(row)) {
        row = joined;
        joinedRows.set(++r, joined);
      }
    }
    const columns = headerColumns(row);
    if (columns) {
      seen.add('indicators');
      const block = readIndicatorRows(chunk.rows.slice(r + 1), columns, warnings, chunk.rows.flatMap((x) => x.cells));
      draft.indicators = block.indicators;
      Object.assign(provenance, block.provenance);
      break;
    }
    const cells = row.cells;
    const labels = cells.map((c) => matchLabel(c.text));
    // In the funding block a label cut past recognition still names its part by its key word. The
    // block runs from the 项目资金 label to the next other label, across a page break too.
    if (labels.some((m) => m?.key === 'funding')) inFunding = true;
    else if (labels.some((m) => m && !FUNDING[m.key])) inFunding = false;
    if (inFunding) {
      cells.forEach((c, i) => {
        const part = labels[i] || !row.fresh.has(c) ? null : fundingPartOf(c.text);
        if (part) labels[i] = { key: part, exact: false };
      });
    }
    const valueCells = cells.filter((c, i) => !labels[i] && row.fresh.has(c) && c.text !== '');
    let fundingInRow = 0;
    let labelled = false;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      const match = labels[i];
      if (!match) continue;
      const key = match.key;
      if (key === 'goalsImplementation' || key === 'goalsAnnual') {
        seen.add(key);
        goalHeaders[key === 'goalsAnnual' ? 'annual' : 'implementation'] = cell.box;
        labelled = true;
        continue;
      }
      // A merged label cell (总体目标 over the goal header, a long text over two rows) labels
      // every row it covers: its values are the fresh cells of each of those rows.
      if (key === 'overallGoal') {
        if (row.fresh.has(cell)) noteLabel(match, cell, 'goals');
        labelled = true;
        appendGoals(valueCells, r, cell.box[2] - 1);
        continue;
      }
      if (TEXTS[key] && !row.fresh.has(cell)) {
        labelled = true;
        appendText(TEXTS[key]!, valueCells.filter((c) => c.box[0] >= cell.box[2] - 1), r, cell.box[2] - 1);
        continue;
      }
      if (!row.fresh.has(cell)) continue;
      labelled = true;
      const next = cells[i + 1];
      const valueCell = next && !labels[i + 1] ? next : undefined;
      if (key in SCALARS) {
        const field = SCALARS[key as keyof typeof SCALARS];
        noteLabel(match, cell, field);
        draft[field] = valueCell?.text || null;
        if (valueCell) provenance[field] = cellProvenance(row.pageNumber, valueCell);
      } else if (key === 'department') {
        noteLabel(match, cell, 'department');
        draft.department = readDepartment(valueCell?.text ?? '');
        if (valueCell) {
          provenance['department.code'] = cellProvenance(row.pageNumber, valueCell);
          provenance['department.name'] = cellProvenance(row.pageNumber, valueCell);
        }
        if (valueCell?.text && !draft.department.code) {
          warnings.push({
            code: 'department-code-missing',
            field: 'department.code',
            message: 'No numeric department code was printed before the department name.',
            raw: valueCell.text,
          });
        }
      } else if (FUNDING[key]) {
        const part = FUNDING[key]!;
        const period: Period =
          key === 'totalAnnual' ? 'annual' : key === 'totalImplementation' ? 'implementation' : fundingPeriod(cell, fundingColumns) ?? (fundingInRow === 0 ? 'implementation' : 'annual');
        if (part === 'total') fundingColumns[period] = cell.box;
        fundingInRow++;
        const field = `funding.${period}.${part}`;
        noteLabel(match, cell, field);
        const amount = readAmount(valueCell?.text ?? '');
        draft.funding[period][part] = amount.value;
        if (valueCell) provenance[field] = cellProvenance(row.pageNumber, valueCell);
        if (!amount.readable) {
          warnings.push({ code: 'amount-unreadable', field, message: `"${valueCell?.text}" is not an amount in yuan.`, raw: valueCell?.text });
        }
      } else if (TEXTS[key]) {
        const field = TEXTS[key]!;
        noteLabel(match, cell, field);
        draft[field] = null;
        appendText(field, valueCells.filter((c) => c.box[0] >= cell.box[2] - 1), r, cell.box[2] - 1);
      } else if (key === 'funding' || key === 'indicators') {
        noteLabel(match, cell, key);
      }
    }
    // A long text broken by a page break goes on in an unlabelled row: join it back. Only cells
    // under its values count: beside them, in the label column, a spreadsheet may print the rest of
    // the cut label cell (`总体` / `目标`).
    const going = lastText ? valueCells.filter((c) => c.box[0] >= lastText!.left) : [];
    if (!labelled && lastText && lastText.row === r - 1 && row.continues && going.length > 0) {
      if (lastText.field === 'goals') appendGoals(going, r);
      else appendText(lastText.field, going, r);
      warnings.push({
        code: 'row-split-across-pages',
        field: lastText.field,
        message: 'Text broken by a page break was joined back together; check the joined text.',
      });
    } else if (!labelled && lastText?.row === r - 1 && !row.cells.some((c) => row.fresh.has(c) && c.text !== '')) {
      // A row holding only the rest of merged cells (a blank label fragment): the text may go on after it.
      lastText.row = r;
    }
  }
  for (const key of REQUIRED_LABELS) {
    if (!seen.has(key)) warnings.push({ code: 'label-missing', field: key, message: `The form has no ${key} label; its value could not be read.` });
  }
  return draft;
}
