import { recordFields } from '../schema/record-fields.ts';
import { FUNDING_PARTS, PERIODS, TEXT_FIELDS, type DeclarationRecord } from '../schema/record.ts';
import type { CsvValue } from './csv.ts';

/**
 * The flat tables of a batch, keyed by recordId. Columns are part of the contract with
 * warehouse loaders: add new ones at the end, never rename or reorder.
 */

const formIndexOf = (r: DeclarationRecord): number => Number(r.id.slice(r.id.lastIndexOf('#') + 1));
const warningCodes = (r: DeclarationRecord): string => [...new Set(r.warnings.map((w) => w.code))].sort().join(' ');

export const PROJECT_COLUMNS = [
  'recordId', 'file', 'sha256', 'formIndex', 'pages', 'method', 'title', 'year', 'projectName',
  'departmentCode', 'departmentName', 'implementingUnit', 'attribute', 'period',
  ...TEXT_FIELDS, 'goalImplementation', 'goalAnnual', 'indicatorCount', 'warningCount', 'warningCodes',
] as const;

export const projectRow = (r: DeclarationRecord): CsvValue[] => [
  r.id, r.source.file, r.source.sha256, formIndexOf(r), r.source.pages.join(' '), r.source.method, r.title, r.year,
  r.projectName, r.department.code, r.department.name, r.implementingUnit, r.attribute, r.period,
  ...TEXT_FIELDS.map((f) => r[f]), r.goals.implementation, r.goals.annual, r.indicators.length, r.warnings.length,
  warningCodes(r),
];

export const FUNDING_COLUMNS = ['recordId', 'period', ...FUNDING_PARTS] as const;

/** One row per period: the implementation-period amounts and the year's. Blank cells stay empty. */
export const fundingRows = (r: DeclarationRecord): CsvValue[][] =>
  PERIODS.map((period) => [r.id, period, ...FUNDING_PARTS.map((part) => r.funding[period][part])]);

export const INDICATOR_COLUMNS = [
  'recordId', 'indicatorIndex', 'period', 'level1', 'level2', 'name', 'value', 'op', 'number', 'unit', 'text', 'page',
] as const;

export const indicatorRows = (r: DeclarationRecord): CsvValue[][] =>
  r.indicators.map((ind, i) => [
    r.id, i, ind.period, ind.level1, ind.level2, ind.name, ind.value,
    ind.parsed.op, ind.parsed.number, ind.parsed.unit, ind.parsed.text,
    r.provenance[`indicators[${i}].value`]?.page ?? r.provenance[`indicators[${i}].name`]?.page ?? null,
  ]);

export const FIELD_COLUMNS = ['field', 'value', 'page', 'bbox', 'method', 'confidence', 'warnings'] as const;

/** One record as a field-per-row table, each value beside where it was read and what was flagged. */
export function fieldRows(r: DeclarationRecord): CsvValue[][] {
  return recordFields(r).map(([field, value]) => {
    const p = r.provenance[field];
    const flagged = r.warnings.filter((w) => w.field === field).map((w) => w.code);
    return [field, value, p?.page ?? null, p ? p.bbox.join(' ') : null, p?.method ?? null, p?.confidence ?? null, flagged.join(' ')];
  });
}
