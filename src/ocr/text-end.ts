import type { FormDraft } from '../form/draft.ts';
import type { RecordWarning } from '../schema/record.ts';

/** The form's long texts: each a sentence or more. */
const LONG_TEXTS = ['overview', 'basis', 'necessity', 'safeguards', 'plan', 'goals.implementation', 'goals.annual'] as const;
type LongText = (typeof LONG_TEXTS)[number];

const get = (draft: FormDraft, field: LongText): string | null =>
  field === 'goals.implementation' ? draft.goals.implementation : field === 'goals.annual' ? draft.goals.annual : draft[field];

function set(draft: FormDraft, field: LongText, value: string): void {
  if (field === 'goals.implementation') draft.goals.implementation = value;
  else if (field === 'goals.annual') draft.goals.annual = value;
  else draft[field] = value;
}

/** A comma or a point closing a text after an ideograph: what OCR makes of a full stop's ring. */
const MISREAD_END = /(\p{Script=Han})[，,.．]$/u;

/**
 * A long text read by OCR that ends with a comma or a point after an ideograph (`…正常运行，`)
 * ends with a full stop the engine misread: a text ends with `。` or with no mark (none of the
 * 49 texts of the seven real forms ends otherwise). Put right, said in an `ocr-corrected` warning.
 */
export function fixOcrTextEnds(draft: FormDraft): RecordWarning[] {
  const out: RecordWarning[] = [];
  for (const field of LONG_TEXTS) {
    const value = get(draft, field);
    if (!value || draft.provenance[field]?.method !== 'ocr' || !MISREAD_END.test(value)) continue;
    const fixed = value.replace(MISREAD_END, '$1。');
    set(draft, field, fixed);
    out.push({ code: 'ocr-corrected', field, message: `OCR read "…${value.slice(-8)}"; a text does not end with a comma or a point, so it ends "…${fixed.slice(-8)}".`, raw: value });
  }
  return out;
}
