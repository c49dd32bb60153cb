import { FUNDING_PARTS, PERIODS, TEXT_FIELDS, type DeclarationRecord } from './record.ts';

export type FieldValue = string | number | null;

/**
 * Every extracted field of a record as (path, value), in form order. The paths are the keys of
 * `provenance` and the `field` of warnings, so a field, its source box and its warnings line up.
 */
export function recordFields(record: DeclarationRecord): [string, FieldValue][] {
  const out: [string, FieldValue][] = [
    ['title', record.title],
    ['year', record.year],
    ['projectName', record.projectName],
    ['department.code', record.department.code],
    ['department.name', record.department.name],
    ['implementingUnit', record.implementingUnit],
    ['attribute', record.attribute],
    ['period', record.period],
  ];
  for (const period of PERIODS) for (const part of FUNDING_PARTS) out.push([`funding.${period}.${part}`, record.funding[period][part]]);
  for (const field of TEXT_FIELDS) out.push([field, record[field]]);
  for (const period of PERIODS) out.push([`goals.${period}`, record.goals[period]]);
  record.indicators.forEach((ind, i) => {
    out.push([`indicators[${i}].period`, ind.period]);
    for (const key of ['level1', 'level2', 'name', 'value'] as const) out.push([`indicators[${i}].${key}`, ind[key]]);
  });
  return out;
}
