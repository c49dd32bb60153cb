import { z } from 'zod';

/** The record contract of FORM.md. Users build on it: change it only additively. */

export const SCHEMA_VERSION = 1;

const BoxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]);

export const MethodSchema = z.enum(['text', 'ocr']);
export type Method = z.infer<typeof MethodSchema>;

export const ProvenanceSchema = z.object({
  page: z.number().int().min(1),
  bbox: BoxSchema,
  method: MethodSchema,
  confidence: z.number().min(0).max(1),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const WarningSchema = z.object({
  code: z.string().min(1),
  field: z.string().optional(),
  message: z.string(),
  /** The raw reading behind a correction or guess, when there was one. */
  raw: z.string().optional(),
});
export type RecordWarning = z.infer<typeof WarningSchema>;

const Amount = z.number().nullable();
export const FundingSchema = z.object({
  total: Amount,
  central: Amount,
  provincial: Amount,
  municipal: Amount,
  selfRaised: Amount,
  other: Amount,
});
export type Funding = z.infer<typeof FundingSchema>;
export const FUNDING_PARTS = ['total', 'central', 'provincial', 'municipal', 'selfRaised', 'other'] as const;
export type FundingPart = (typeof FUNDING_PARTS)[number];

export const PeriodSchema = z.enum(['implementation', 'annual']);
export type Period = z.infer<typeof PeriodSchema>;
export const PERIODS = ['implementation', 'annual'] as const;

export const ComparatorSchema = z.enum(['≥', '≤', '>', '<', '=']);
export const QualifierSchema = z.enum(['符合', '满足', '完成', '保障', '达到']);

export const ParsedValueSchema = z.object({
  op: z.union([ComparatorSchema, QualifierSchema]).nullable(),
  number: z.number().nullable(),
  unit: z.string().nullable(),
  text: z.string().nullable(),
});
export type ParsedValue = z.infer<typeof ParsedValueSchema>;

export const IndicatorSchema = z.object({
  period: PeriodSchema,
  level1: z.string(),
  level2: z.string(),
  name: z.string(),
  value: z.string(),
  parsed: ParsedValueSchema,
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const SourceSchema = z.object({
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  pages: z.array(z.number().int().min(1)).min(1),
  method: z.enum(['text', 'ocr', 'mixed']),
});

/** A field's value as `recordFields` gives it. */
export const FieldValueSchema = z.union([z.string(), z.number(), z.null()]);

/** One reviewer decision on one field: checked as read (`verify`), or replaced (`correct`). */
export const FieldReviewEventSchema = z.object({
  action: z.enum(['verify', 'correct']),
  /** The field's value after the decision (for `verify`, the value that was checked). */
  value: FieldValueSchema,
  reviewer: z.string().min(1),
  /** When the reviewer decided, ISO 8601. */
  at: z.string(),
  note: z.string().optional(),
});

/** The latest decision on a field, the extractor's original reading, and earlier decisions. */
export const FieldReviewSchema = FieldReviewEventSchema.extend({
  original: FieldValueSchema,
  history: z.array(FieldReviewEventSchema).optional(),
});
export type FieldReview = z.infer<typeof FieldReviewSchema>;

export const DeclarationRecordSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** Stable id: sha256 of the file, '#', 1-based form index in the file. Additive to FORM.md. */
  id: z.string(),
  source: SourceSchema,
  title: z.string(),
  year: z.number().int().nullable(),
  projectName: z.string().nullable(),
  department: z.object({ code: z.string().nullable(), name: z.string().nullable() }),
  implementingUnit: z.string().nullable(),
  attribute: z.string().nullable(),
  period: z.string().nullable(),
  funding: z.object({ implementation: FundingSchema, annual: FundingSchema }),
  overview: z.string().nullable(),
  basis: z.string().nullable(),
  necessity: z.string().nullable(),
  safeguards: z.string().nullable(),
  plan: z.string().nullable(),
  goals: z.object({ implementation: z.string().nullable(), annual: z.string().nullable() }),
  indicators: z.array(IndicatorSchema),
  warnings: z.array(WarningSchema),
  provenance: z.record(z.string(), ProvenanceSchema),
  /** Reviewers' decisions, keyed like `provenance` (`shenbao apply`). Additive to FORM.md. */
  review: z.record(z.string(), FieldReviewSchema).optional(),
});
export type DeclarationRecord = z.infer<typeof DeclarationRecordSchema>;

/** The seven long texts, in printed order. */
export const TEXT_FIELDS = ['overview', 'basis', 'necessity', 'safeguards', 'plan'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
