import type { DeclarationRecord } from '../../src/schema/record.ts';

/** The fields a truth record states (FORM.md's contract minus source, parsed, warnings, provenance). */
export interface TruthRecord {
  title: string;
  year: number;
  projectName: string;
  department: { code: string; name: string };
  implementingUnit: string;
  attribute: string;
  period: string;
  funding: DeclarationRecord['funding'];
  overview: string;
  basis: string;
  necessity: string;
  safeguards: string;
  plan: string;
  goals: { implementation: string; annual: string };
  indicators: { period: string; level1: string; level2: string; name: string; value: string }[];
}

/** Project a record onto the truth's fields, so that a deep comparison shows only what matters. */
export function projectOntoTruth(record: DeclarationRecord): TruthRecord {
  return {
    title: record.title,
    year: record.year as number,
    projectName: record.projectName as string,
    department: record.department as TruthRecord['department'],
    implementingUnit: record.implementingUnit as string,
    attribute: record.attribute as string,
    period: record.period as string,
    funding: record.funding,
    overview: record.overview as string,
    basis: record.basis as string,
    necessity: record.necessity as string,
    safeguards: record.safeguards as string,
    plan: record.plan as string,
    goals: record.goals as TruthRecord['goals'],
    indicators: record.indicators.map(({ period, level1, level2, name, value }) => ({ period, level1, level2, name, value })),
  };
}

/** Field-by-field differences, each as `path: expected ≠ actual`. */
export function diffFields(expected: unknown, actual: unknown, path = ''): string[] {
  if (typeof expected === 'object' && expected !== null && typeof actual === 'object' && actual !== null) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    return [...keys].flatMap((k) =>
      diffFields((expected as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k], path ? `${path}.${k}` : k),
    );
  }
  return Object.is(expected, actual) ? [] : [`${path}: ${JSON.stringify(expected)} ≠ ${JSON.stringify(actual)}`];
}
