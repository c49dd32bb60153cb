import { recordFields } from '../schema/record-fields.ts';
import type { DeclarationRecord, RecordWarning } from '../schema/record.ts';
import { overviewAmountWarnings } from '../schema/overview-amounts.ts';

/**
 * Checks the review page runs on top of a record's own warnings: the ones the extractor does not
 * make yet. Each gives warnings in the record's format, so the page shows them alike.
 */

export const LOW_CONFIDENCE_CODE = 'low-confidence';
/** Provenance confidence under this is worth a look (FORM.md: "OCR confidence under a threshold"). */
export const LOW_CONFIDENCE_THRESHOLD = 0.8;

/** A field read with confidence under the threshold, unless the record already flags it so. */
export function lowConfidenceWarnings(record: DeclarationRecord, threshold = LOW_CONFIDENCE_THRESHOLD): RecordWarning[] {
  const flagged = new Set(record.warnings.filter((w) => /confidence/i.test(w.code)).map((w) => w.field));
  const out: RecordWarning[] = [];
  for (const [field, value] of recordFields(record)) {
    const p = record.provenance[field];
    if (!p || p.confidence >= threshold || flagged.has(field)) continue;
    out.push({
      code: LOW_CONFIDENCE_CODE,
      field,
      message: `Read by ${p.method === 'ocr' ? 'OCR' : 'the text layer'} with confidence ${p.confidence.toFixed(2)} (under ${threshold}); compare it with the page.`,
      ...(value === null ? {} : { raw: String(value) }),
    });
  }
  return out;
}

/** Every review check's warnings that the record does not already carry (same code and field). */
export function reviewWarnings(record: DeclarationRecord): RecordWarning[] {
  const have = new Set(record.warnings.map((w) => `${w.code}|${w.field ?? ''}`));
  return [...overviewAmountWarnings(record), ...lowConfidenceWarnings(record)].filter((w) => !have.has(`${w.code}|${w.field ?? ''}`));
}
