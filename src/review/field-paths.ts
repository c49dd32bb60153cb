import { recordFields, type FieldValue } from '../schema/record-fields.ts';
import { type DeclarationRecord, type FundingPart, type Period } from '../schema/record.ts';
import { parseIndicatorValue } from '../schema/value-grammar.ts';

/**
 * The fields of a record by path (the keys of `provenance`, the `field` of warnings): what kind of
 * value each holds, its label on the form, and how to read and set it.
 */

export type FieldKind = 'string' | 'text' | 'amount' | 'year' | 'period';

export interface FieldSpec {
  path: string;
  kind: FieldKind;
  /** May the value be null (a blank cell)? */
  nullable: boolean;
  /** The label printed on the form. */
  label: string;
  /** Can a reviewer replace the value? (An indicator's period decides its place in the list: no.) */
  correctable: boolean;
}

export const FUNDING_LABELS: Record<FundingPart, string> = {
  total: '资金总额',
  central: '中央财政资金',
  provincial: '省级财政资金',
  municipal: '市县（区）财政资金',
  selfRaised: '单位自筹',
  other: '其他资金',
};
export const PERIOD_LABELS: Record<Period, string> = { implementation: '实施期', annual: '年度' };

const SIMPLE: Record<string, Omit<FieldSpec, 'path' | 'correctable'>> = {
  title: { kind: 'string', nullable: false, label: '标题' },
  year: { kind: 'year', nullable: true, label: '年度' },
  projectName: { kind: 'string', nullable: true, label: '项目名称' },
  'department.code': { kind: 'string', nullable: true, label: '主管部门代码' },
  'department.name': { kind: 'string', nullable: true, label: '主管部门' },
  implementingUnit: { kind: 'string', nullable: true, label: '实施单位' },
  attribute: { kind: 'string', nullable: true, label: '项目属性' },
  period: { kind: 'string', nullable: true, label: '项目期' },
  overview: { kind: 'text', nullable: true, label: '项目概况' },
  basis: { kind: 'text', nullable: true, label: '立项依据' },
  necessity: { kind: 'text', nullable: true, label: '项目设立必要性' },
  safeguards: { kind: 'text', nullable: true, label: '保证项目实施的制度、措施' },
  plan: { kind: 'text', nullable: true, label: '项目实施计划' },
  'goals.implementation': { kind: 'text', nullable: true, label: '实施期目标' },
  'goals.annual': { kind: 'text', nullable: true, label: '年度目标' },
};

const INDICATOR_LABELS = { period: '期间', level1: '一级指标', level2: '二级指标', name: '三级指标', value: '指标值' } as const;
type IndicatorKey = keyof typeof INDICATOR_LABELS;

const FUNDING_PATH = /^funding\.(implementation|annual)\.(total|central|provincial|municipal|selfRaised|other)$/;
const INDICATOR_PATH = /^indicators\[(\d+)\]\.(period|level1|level2|name|value)$/;

/** What a path names, independent of any record (null when it names no field). */
export function specOfPath(path: string): FieldSpec | null {
  const simple = SIMPLE[path];
  if (simple) return { path, ...simple, correctable: true };
  const f = FUNDING_PATH.exec(path);
  if (f) {
    const [, period, part] = f as unknown as [string, Period, FundingPart];
    const label = part === 'total' ? (period === 'implementation' ? '实施期资金总额' : '年度资金总额') : `${FUNDING_LABELS[part]}（${PERIOD_LABELS[period]}）`;
    return { path, kind: 'amount', nullable: true, label, correctable: true };
  }
  const i = INDICATOR_PATH.exec(path);
  if (i) {
    const key = i[2] as IndicatorKey;
    return {
      path,
      kind: key === 'period' ? 'period' : 'string',
      nullable: false,
      label: `${INDICATOR_LABELS[key]} #${Number(i[1]) + 1}`,
      correctable: key !== 'period',
    };
  }
  return null;
}

/** The field a path names in this record (null when the record has no such field). */
export function fieldSpec(record: DeclarationRecord, path: string): FieldSpec | null {
  const spec = specOfPath(path);
  if (!spec) return null;
  const i = INDICATOR_PATH.exec(path);
  if (i && Number(i[1]) >= record.indicators.length) return null;
  return spec;
}

/** The value of a field (undefined when the record has no such field). */
export function getField(record: DeclarationRecord, path: string): FieldValue | undefined {
  if (!fieldSpec(record, path)) return undefined;
  return recordFields(record).find(([p]) => p === path)?.[1];
}

/**
 * Why `value` cannot be the value of the field, or null when it can. Amounts are yuan as JSON
 * numbers (never strings such as "1,700,000"), a year is a whole number, blank cells are null.
 */
export function valueProblem(spec: FieldSpec, value: unknown): string | null {
  if (value === null) return spec.nullable ? null : `${spec.path} cannot be blank (null); give a string`;
  switch (spec.kind) {
    case 'amount':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${spec.path} is an amount in yuan: give a number (e.g. 1700000) or null for a blank cell, not ${JSON.stringify(value)}`;
      if (value < 0) return `${spec.path} is an amount in yuan and cannot be negative (${value})`;
      return null;
    case 'year':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1900 || value > 2200) return `${spec.path} is a year: give a whole number such as 2024, not ${JSON.stringify(value)}`;
      return null;
    case 'period':
      if (value !== 'implementation' && value !== 'annual') return `${spec.path} is "implementation" or "annual", not ${JSON.stringify(value)}`;
      return null;
    case 'string':
    case 'text':
      if (typeof value !== 'string') return `${spec.path} is text: give a string, not ${JSON.stringify(value)}`;
      return null;
  }
}

/**
 * Set a field in place. The value must have passed `valueProblem`. Setting an indicator's value
 * also updates its `parsed` reading (the value grammar).
 */
export function setField(record: DeclarationRecord, path: string, value: FieldValue): void {
  const f = FUNDING_PATH.exec(path);
  if (f) {
    record.funding[f[1] as Period][f[2] as FundingPart] = value as number | null;
    return;
  }
  const i = INDICATOR_PATH.exec(path);
  if (i) {
    const indicator = record.indicators[Number(i[1])];
    if (!indicator) throw new RangeError(`no indicator ${i[1]}`);
    const key = i[2] as IndicatorKey;
    if (key === 'period') indicator.period = value as Period;
    else indicator[key] = value as string;
    if (key === 'value') indicator.parsed = parseIndicatorValue(indicator.value);
    return;
  }
  switch (path) {
    case 'title': record.title = value as string; return;
    case 'year': record.year = value as number | null; return;
    case 'projectName': record.projectName = value as string | null; return;
    case 'department.code': record.department.code = value as string | null; return;
    case 'department.name': record.department.name = value as string | null; return;
    case 'implementingUnit': record.implementingUnit = value as string | null; return;
    case 'attribute': record.attribute = value as string | null; return;
    case 'period': record.period = value as string | null; return;
    case 'overview': case 'basis': case 'necessity': case 'safeguards': case 'plan':
      record[path] = value as string | null;
      return;
    case 'goals.implementation': record.goals.implementation = value as string | null; return;
    case 'goals.annual': record.goals.annual = value as string | null; return;
  }
  throw new RangeError(`no field ${path}`);
}
