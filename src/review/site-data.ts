import { recordFields, type FieldValue } from '../schema/record-fields.ts';
import {
  FUNDING_PARTS, PERIODS, TEXT_FIELDS,
  type DeclarationRecord, type FieldReview, type ParsedValue, type Period, type Provenance, type RecordWarning,
} from '../schema/record.ts';
import { FUNDING_LABELS, specOfPath, type FieldKind } from './field-paths.ts';
import { reviewWarnings } from './review-checks.ts';

/**
 * The data the review page runs on (embedded in the site as data.js): each record's fields grouped
 * as on the form, its warnings (the record's and the review checks'), where each field was read,
 * and the page images to draw the boxes on.
 */

export const SITE_FORMAT = 'shenbao-review';
export const SITE_VERSION = 1;

export interface SiteField {
  path: string;
  label: string;
  kind: FieldKind;
  nullable: boolean;
  correctable: boolean;
  value: FieldValue;
}

export interface SiteWarning extends RecordWarning {
  /** `extract`: carried by the record; `review`: found by the review checks. */
  origin: 'extract' | 'review';
}

export interface SiteIndicatorRow {
  index: number;
  level1: SiteField;
  level2: SiteField;
  name: SiteField;
  value: SiteField;
  parsed: ParsedValue;
}

export interface SiteForm {
  basics: SiteField[];
  funding: { part: string; label: string; implementation: SiteField; annual: SiteField }[];
  texts: SiteField[];
  goals: SiteField[];
  indicators: Record<Period, SiteIndicatorRow[]>;
}

/** A page to draw boxes on. `image` is relative to the site folder; null when it could not be made. */
export interface SitePage {
  page: number;
  image: string | null;
  /** Page size in PDF points (the space of provenance boxes); null when unknown. */
  width: number | null;
  height: number | null;
}

export interface SiteRecord {
  id: string;
  /** Position in records.jsonl (0-based). */
  index: number;
  file: string;
  formIndex: number;
  sha256: string;
  method: string;
  year: number | null;
  projectName: string | null;
  department: string | null;
  departmentCode: string | null;
  warnings: SiteWarning[];
  warningCounts: Record<string, number>;
  form: SiteForm;
  provenance: Record<string, Provenance>;
  review: Record<string, FieldReview>;
  pages: SitePage[];
  /** Why the page images are missing, when they are. */
  pageNote: string | null;
}

export interface SiteSelection {
  kind: 'all' | 'sample' | 'warnings-only' | 'sample-of-warnings';
  /** Records in the output folder. */
  total: number;
  sample?: { size: number; seed: string };
}

export interface SiteData {
  format: typeof SITE_FORMAT;
  version: typeof SITE_VERSION;
  /** Identifies this review (local decisions are kept per review). */
  siteId: string;
  generatedAt: string;
  outDir: string;
  selection: SiteSelection;
  failedFiles: { file: string; code: string; message: string }[];
  warningCodes: string[];
  records: SiteRecord[];
}

/** The page images of a PDF, looked up by record. */
export interface PageImages {
  pages: SitePage[];
  note: string | null;
}

/** The warnings a reviewer sees for a record, in form order (record-wide ones first). */
export function siteWarnings(record: DeclarationRecord): SiteWarning[] {
  const order = new Map(recordFields(record).map(([p], i) => [p, i]));
  const all: SiteWarning[] = [
    ...record.warnings.map((w) => ({ ...w, origin: 'extract' as const })),
    ...reviewWarnings(record).map((w) => ({ ...w, origin: 'review' as const })),
  ];
  const rank = (w: SiteWarning) => (w.field === undefined ? -1 : (order.get(w.field) ?? order.size));
  return all.map((w, i) => ({ w, i })).sort((a, b) => rank(a.w) - rank(b.w) || a.i - b.i).map(({ w }) => w);
}

export function countByCode(warnings: readonly { code: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const w of warnings) counts[w.code] = (counts[w.code] ?? 0) + 1;
  return counts;
}

/** The record's fields grouped as the form prints them. */
export function siteForm(record: DeclarationRecord): SiteForm {
  const values = new Map(recordFields(record));
  const field = (path: string): SiteField => {
    const spec = specOfPath(path);
    if (!spec) throw new RangeError(`no field ${path}`);
    return { path, label: spec.label, kind: spec.kind, nullable: spec.nullable, correctable: spec.correctable, value: values.get(path) ?? null };
  };
  const indicators: Record<Period, SiteIndicatorRow[]> = { implementation: [], annual: [] };
  record.indicators.forEach((ind, index) => {
    const f = (key: string) => field(`indicators[${index}].${key}`);
    indicators[ind.period].push({ index, level1: f('level1'), level2: f('level2'), name: f('name'), value: f('value'), parsed: ind.parsed });
  });
  return {
    basics: ['title', 'year', 'projectName', 'department.code', 'department.name', 'implementingUnit', 'attribute', 'period'].map(field),
    funding: FUNDING_PARTS.map((part) => ({
      part,
      label: part === 'total' ? '资金总额' : FUNDING_LABELS[part],
      implementation: field(`funding.implementation.${part}`),
      annual: field(`funding.annual.${part}`),
    })),
    texts: TEXT_FIELDS.map(field),
    goals: PERIODS.map((p) => field(`goals.${p}`)),
    indicators,
  };
}

/** The pages a record's boxes are on (provenance), with the form's own pages. */
export function pagesOfRecord(record: DeclarationRecord): number[] {
  const pages = new Set(record.source.pages);
  for (const p of Object.values(record.provenance)) pages.add(p.page);
  return [...pages].sort((a, b) => a - b);
}

const formIndexOf = (id: string) => Number(id.slice(id.lastIndexOf('#') + 1)) || 0;

export function siteRecord(record: DeclarationRecord, index: number, images: PageImages): SiteRecord {
  const warnings = siteWarnings(record);
  return {
    id: record.id,
    index,
    file: record.source.file,
    formIndex: formIndexOf(record.id),
    sha256: record.source.sha256,
    method: record.source.method,
    year: record.year,
    projectName: record.projectName,
    department: record.department.name,
    departmentCode: record.department.code,
    warnings,
    warningCounts: countByCode(warnings),
    form: siteForm(record),
    provenance: record.provenance,
    review: record.review ?? {},
    pages: images.pages,
    pageNote: images.note,
  };
}

export interface SiteDataInput {
  /** Every record of the output folder, in records.jsonl order. */
  all: readonly DeclarationRecord[];
  /** The ones to review (a subset of `all`). */
  selected: readonly DeclarationRecord[];
  selection: SiteSelection;
  /** The output folder, resolved (it names the review). */
  outDir: string;
  generatedAt: string;
  failedFiles: SiteData['failedFiles'];
  /** The page images of a record. */
  imagesOf: (record: DeclarationRecord) => PageImages;
}

/**
 * A short stable id of the output folder a review shows: the page keeps a reviewer's pending
 * decisions under it, so they survive regenerating the review (e.g. after an apply).
 */
function siteIdOf(outDir: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(outDir)) h = Math.imul(h ^ byte, 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function buildSiteData(input: SiteDataInput): SiteData {
  const position = new Map(input.all.map((r, i) => [r.id, i]));
  const records = input.selected.map((r) => siteRecord(r, position.get(r.id) ?? -1, input.imagesOf(r)));
  const codes = new Set(records.flatMap((r) => Object.keys(r.warningCounts)));
  return {
    format: SITE_FORMAT,
    version: SITE_VERSION,
    siteId: siteIdOf(input.outDir),
    generatedAt: input.generatedAt,
    outDir: input.outDir,
    selection: input.selection,
    failedFiles: input.failedFiles,
    warningCodes: [...codes].sort(),
    records,
  };
}
