import { ExtractError } from '../errors.ts';
import type { FormDraft } from '../form/draft.ts';
import { checkRecord } from './checks.ts';
import { DeclarationRecordSchema, SCHEMA_VERSION, type DeclarationRecord, type RecordWarning } from './record.ts';
import { parseIndicatorValue } from './value-grammar.ts';

export interface RecordSource {
  /** The path the user gave (or found under a folder they gave). */
  file: string;
  sha256: string;
  /** 1-based position of the form in its file. */
  formIndex: number;
  /** How each page of the form was read. */
  pageMethods: ReadonlyMap<number, 'text' | 'ocr'>;
}

/** The stable id of a record: the file's content hash and the form's place in it. */
export const recordId = (sha256: string, formIndex: number): string => `${sha256}#${formIndex}`;

function setPath(target: Record<string, unknown>, path: readonly PropertyKey[], value: unknown): void {
  let node: unknown = target;
  for (const key of path.slice(0, -1)) node = (node as Record<PropertyKey, unknown>)[key];
  (node as Record<PropertyKey, unknown>)[path[path.length - 1]!] = value;
}

/** A draft becomes a validated record: ids, source, parsed values, checks. */
export function buildRecord(draft: FormDraft, source: RecordSource): DeclarationRecord {
  const methods = new Set(draft.pages.map((p) => source.pageMethods.get(p) ?? 'text'));
  const candidate: DeclarationRecord = {
    schemaVersion: SCHEMA_VERSION,
    id: recordId(source.sha256, source.formIndex),
    source: {
      file: source.file,
      sha256: source.sha256,
      pages: [...draft.pages].sort((a, b) => a - b),
      method: methods.size > 1 ? 'mixed' : methods.has('ocr') ? 'ocr' : 'text',
    },
    title: draft.title,
    year: draft.year,
    projectName: draft.projectName,
    department: draft.department,
    implementingUnit: draft.implementingUnit,
    attribute: draft.attribute,
    period: draft.period,
    funding: draft.funding,
    overview: draft.overview,
    basis: draft.basis,
    necessity: draft.necessity,
    safeguards: draft.safeguards,
    plan: draft.plan,
    goals: draft.goals,
    indicators: draft.indicators.map((i) => ({ ...i, parsed: parseIndicatorValue(i.value) })),
    warnings: [],
    provenance: draft.provenance,
  };
  candidate.warnings = [...draft.warnings, ...checkRecord(candidate)];
  const result = DeclarationRecordSchema.safeParse(candidate);
  if (result.success) return result.data;
  // A value that breaks the contract is dropped to null and reported, never passed on.
  const extra: RecordWarning[] = [];
  for (const issue of result.error.issues) {
    extra.push({ code: 'schema-invalid', field: issue.path.join('.'), message: issue.message });
    setPath(candidate as unknown as Record<string, unknown>, issue.path, null);
  }
  candidate.warnings.push(...extra);
  const retry = DeclarationRecordSchema.safeParse(candidate);
  if (retry.success) return retry.data;
  throw new ExtractError('INTERNAL', `record ${candidate.id} does not satisfy the schema: ${retry.error.message}`);
}
