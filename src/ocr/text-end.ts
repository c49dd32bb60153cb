import type { FormDraft } from '../form/draft.ts';
import { PERIODS, TEXT_FIELDS, type RecordWarning } from '../schema/record.ts';

/** A comma or a point closing a text after an ideograph: what OCR makes of a full stop's ring. */
const MISREAD_END = /(\p{Script=Han})[，,.．]$/u;
/** A small mark after the closing full stop: a speck (`研究。.`); nothing follows the last 。 but a closing quote. */
const SPECK_AFTER_END = /。[，,.．、·'`]$/u;

/**
 * A long text read by OCR that ends with a comma or a point after an ideograph (`…正常运行，`)
 * ends with a full stop the engine misread: a text ends with `。` or with no mark (none of the
 * 49 texts of the seven real forms ends otherwise); a mark read after its last `。` is a speck.
 * Put right, said in an `ocr-corrected` warning.
 */
export function fixOcrTextEnds(draft: FormDraft): RecordWarning[] {
  const out: RecordWarning[] = [];
  const check = (field: string, value: string | null, put: (fixed: string) => void) => {
    if (!value || draft.provenance[field]?.method !== 'ocr') return;
    const fixed = value.replace(MISREAD_END, '$1。').replace(SPECK_AFTER_END, '。');
    if (fixed === value) return;
    put(fixed);
    out.push({ code: 'ocr-corrected', field, message: `OCR read "…${value.slice(-8)}"; a text does not end with a comma or a point, so it ends "…${fixed.slice(-8)}".`, raw: value });
  };
  for (const field of TEXT_FIELDS) check(field, draft[field], (fixed) => (draft[field] = fixed));
  for (const period of PERIODS) check(`goals.${period}`, draft.goals[period], (fixed) => (draft.goals[period] = fixed));
  return out;
}
