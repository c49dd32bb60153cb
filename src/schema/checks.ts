import { LEVEL2_NAMES } from '../form/labels.ts';
import type { DeclarationRecord, Funding, RecordWarning } from './record.ts';
import { FUNDING_PARTS } from './record.ts';
import { overviewAmountWarnings } from './overview-amounts.ts';

type Checked = Pick<DeclarationRecord, 'funding' | 'indicators' | 'projectName' | 'department' | 'overview'>;

const QUALIFIERS = ['符合', '满足', '完成', '保障', '达到'];

/** The standard level-2 name a printed (possibly clipped) one stands for. */
const canonicalLevel2 = (s: string) => (s ? (LEVEL2_NAMES.find((n) => n.startsWith(s)) ?? s) : s);

const isStrictPrefix = (a: string, b: string) => a.length > 0 && a.length < b.length && b.startsWith(a);

/** Pairs of an implementation row and the annual row printed beside it (same category, same rank). */
function counterparts(indicators: Checked['indicators']): Map<number, number> {
  const rank = new Map<number, string>();
  const counts = new Map<string, number>();
  indicators.forEach((ind, i) => {
    const group = `${ind.period}|${ind.level1}|${canonicalLevel2(ind.level2)}`;
    const n = counts.get(group) ?? 0;
    counts.set(group, n + 1);
    rank.set(i, `${ind.level1}|${canonicalLevel2(ind.level2)}|${n}`);
  });
  const byRank = new Map<string, number[]>();
  rank.forEach((r, i) => byRank.set(r, [...(byRank.get(r) ?? []), i]));
  const pairs = new Map<number, number>();
  for (const idx of byRank.values()) {
    const impl = idx.find((i) => indicators[i]!.period === 'implementation');
    const annual = idx.find((i) => indicators[i]!.period === 'annual');
    if (impl !== undefined && annual !== undefined) {
      pairs.set(impl, annual);
      pairs.set(annual, impl);
    }
  }
  return pairs;
}

const sumParts = (f: Funding) =>
  FUNDING_PARTS.filter((p) => p !== 'total').reduce((s, p) => s + (f[p] ?? 0), 0);

/** The warning codes checkRecord gives: they depend only on the record's values. */
export const CHECK_CODES: ReadonlySet<string> = new Set([
  'truncated-text', 'qualifier-prefix', 'funding-sum-mismatch', 'annual-exceeds-implementation', 'overview-amount-mismatch', 'field-empty',
]);

/** The record's warnings with the checks run again on its current values (after a correction). */
export function recheckWarnings(record: Checked & Pick<DeclarationRecord, 'warnings'>): RecordWarning[] {
  return [...record.warnings.filter((w) => !CHECK_CODES.has(w.code)), ...checkRecord(record)];
}

/** What a reviewer should look at, beyond what the mapper already said. */
export function checkRecord(record: Checked): RecordWarning[] {
  const warnings: RecordWarning[] = [];
  const pairs = counterparts(record.indicators);
  record.indicators.forEach((ind, i) => {
    const other = pairs.has(i) ? record.indicators[pairs.get(i)!] : undefined;
    if (other && isStrictPrefix(ind.name, other.name)) {
      warnings.push({
        code: 'truncated-text',
        field: `indicators[${i}].name`,
        message: `"${ind.name}" looks clipped: the other period prints "${other.name}".`,
        raw: ind.name,
      });
    }
    if (isStrictPrefix(ind.level2, canonicalLevel2(ind.level2))) {
      warnings.push({
        code: 'truncated-text',
        field: `indicators[${i}].level2`,
        message: `"${ind.level2}" looks clipped: the category is "${canonicalLevel2(ind.level2)}".`,
        raw: ind.level2,
      });
    }
    const q = QUALIFIERS.find((w) => ind.value.startsWith(w));
    if (q) {
      const rest = ind.value.slice(q.length);
      if (rest.startsWith(q) || (other && rest !== '' && other.value === rest)) {
        warnings.push({
          code: 'qualifier-prefix',
          field: `indicators[${i}].value`,
          message: `The value carries the qualifier "${q}" printed before it; kept as printed.`,
          raw: ind.value,
        });
      }
    }
  });
  for (const period of ['implementation', 'annual'] as const) {
    const f = record.funding[period];
    const anyPart = FUNDING_PARTS.some((p) => p !== 'total' && f[p] !== null);
    if (f.total !== null && anyPart && Math.abs(sumParts(f) - f.total) > 0.005) {
      warnings.push({
        code: 'funding-sum-mismatch',
        field: `funding.${period}.total`,
        message: `The ${period} funding parts add up to ${sumParts(f)}, not the total ${f.total}.`,
      });
    }
  }
  const { implementation, annual } = record.funding;
  if (implementation.total !== null && annual.total !== null && annual.total > implementation.total) {
    warnings.push({
      code: 'annual-exceeds-implementation',
      field: 'funding.annual.total',
      message: `The annual total ${annual.total} is above the implementation-period total ${implementation.total}.`,
    });
  }
  warnings.push(...overviewAmountWarnings(record));
  if (!record.projectName) warnings.push({ code: 'field-empty', field: 'projectName', message: 'The project name is blank.' });
  // every form has its indicator table: none read means it was lost (a page misread, a table not found)
  if (record.indicators.length === 0) {
    warnings.push({ code: 'field-empty', field: 'indicators', message: 'No performance indicator was read: the indicator table is missing or could not be read.' });
  }
  return warnings;
}
