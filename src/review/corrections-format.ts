import { z } from 'zod';
import { FieldValueSchema } from '../schema/record.ts';

/**
 * corrections.json, what the review page exports and `shenbao apply` merges into the records.
 *
 * {
 *   "format": "shenbao-corrections",
 *   "version": 1,
 *   "exportedAt": "2025-01-31T08:00:00.000Z",          // optional
 *   "site": { "outDir": "output", "generatedAt": "…" }, // optional: the review it came from
 *   "corrections": [
 *     { "recordId": "<sha256>#1", "field": "funding.annual.total", "action": "correct",
 *       "value": 1800000, "seen": 1700000, "reviewer": "王芳", "at": "2025-01-31T07:59:12.000Z",
 *       "note": "printed 1,800,000" },
 *     { "recordId": "<sha256>#1", "field": "projectName", "action": "verify",
 *       "seen": "政府购买服务经费", "reviewer": "王芳", "at": "2025-01-31T07:58:40.000Z" }
 *   ]
 * }
 *
 * - `field` is a path as in `provenance` and warnings (`projectName`, `funding.annual.total`,
 *   `indicators[3].value`, …).
 * - `action`: `verify` (the value is right as read) or `correct` (replace it by `value`).
 * - `value` (correct only): the value in the record's type: amounts are yuan as numbers, `null`
 *   for a blank cell; a year is a whole number; texts are strings.
 * - `seen` (optional): the value the reviewer was looking at. When the record no longer holds it
 *   (extracted again since), the correction is refused rather than applied blind.
 * - `at`: when the reviewer decided (ISO 8601 with a time zone); later decisions on a field win.
 */

export const CORRECTIONS_FORMAT = 'shenbao-corrections';
export const CORRECTIONS_VERSION = 1;

export const CorrectionSchema = z
  .object({
    recordId: z.string().min(1),
    field: z.string().min(1),
    action: z.enum(['verify', 'correct']),
    value: FieldValueSchema.optional(),
    seen: FieldValueSchema.optional(),
    reviewer: z.string().trim().min(1),
    at: z.iso.datetime({ offset: true }),
    note: z.string().optional(),
  })
  .strict()
  .refine((c) => c.action !== 'correct' || c.value !== undefined, { message: 'a correction needs a value (null for a blank cell)', path: ['value'] });
export type Correction = z.infer<typeof CorrectionSchema>;

export const CorrectionsFileSchema = z.object({
  format: z.literal(CORRECTIONS_FORMAT),
  version: z.literal(CORRECTIONS_VERSION),
  exportedAt: z.string().optional(),
  site: z.object({ outDir: z.string().optional(), generatedAt: z.string().optional() }).optional(),
  corrections: z.array(CorrectionSchema),
});
export type CorrectionsFile = z.infer<typeof CorrectionsFileSchema>;

export type CorrectionProblemCode =
  | 'CORRECTIONS_UNREADABLE'
  | 'CORRECTIONS_INVALID'
  | 'VERSION_UNSUPPORTED'
  | 'UNKNOWN_RECORD'
  | 'UNKNOWN_FIELD'
  | 'FIELD_NOT_CORRECTABLE'
  | 'TYPE_MISMATCH'
  | 'CONFLICT';

/** What is wrong with one correction (index into `corrections`) or with the whole file (no index). */
export interface CorrectionProblem {
  code: CorrectionProblemCode;
  message: string;
  index?: number;
  recordId?: string;
  field?: string;
}

export type ParsedCorrections = { ok: true; file: CorrectionsFile } | { ok: false; problems: CorrectionProblem[] };

/** Validate the JSON of a corrections file (its shape; `checkCorrections` checks it against records). */
export function parseCorrections(json: unknown): ParsedCorrections {
  if (typeof json === 'object' && json !== null) {
    const { format, version } = json as { format?: unknown; version?: unknown };
    if (format === CORRECTIONS_FORMAT && version !== CORRECTIONS_VERSION) {
      return { ok: false, problems: [{ code: 'VERSION_UNSUPPORTED', message: `corrections version ${JSON.stringify(version)} is not supported (this shenbao reads version ${CORRECTIONS_VERSION})` }] };
    }
  }
  const result = CorrectionsFileSchema.safeParse(json);
  if (result.success) return { ok: true, file: result.data };
  const problems = result.error.issues.map((issue): CorrectionProblem => {
    const [top, index, key] = issue.path;
    const where = issue.path.length > 0 ? issue.path.join('.') : '(file)';
    if (top === 'corrections' && typeof index === 'number') {
      const c = (json as { corrections: Record<string, unknown>[] }).corrections[index] ?? {};
      return {
        code: 'CORRECTIONS_INVALID',
        index,
        ...(typeof c.recordId === 'string' ? { recordId: c.recordId } : {}),
        ...(typeof c.field === 'string' ? { field: c.field } : {}),
        message: `corrections[${index}]${key !== undefined ? `.${String(key)}` : ''}: ${issue.message}`,
      };
    }
    return { code: 'CORRECTIONS_INVALID', message: `${where}: ${issue.message}` };
  });
  return { ok: false, problems };
}

/** Parse the text of a corrections file. */
export function parseCorrectionsText(text: string): ParsedCorrections {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, problems: [{ code: 'CORRECTIONS_UNREADABLE', message: `not JSON: ${(e as Error).message}` }] };
  }
  return parseCorrections(json);
}
