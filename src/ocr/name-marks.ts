import type { FormDraft } from '../form/draft.ts';
import type { RecordWarning } from '../schema/record.ts';

/** The names of a form: one line each, never starting or ending with a separator. */
const NAME_FIELDS = ['projectName', 'implementingUnit', 'department.name'] as const;
/** Marks a name never ends (or starts) with, which OCR makes of specks beside it and of rule remains. */
const EDGE_MARKS = /^[\s,，、。.．;；:：\-—_~·'"`]+|[\s,，、。.．;；:：\-—_~·'"`]+$/gu;

const get = (draft: FormDraft, field: (typeof NAME_FIELDS)[number]) => (field === 'department.name' ? draft.department.name : draft[field]);

function set(draft: FormDraft, field: (typeof NAME_FIELDS)[number], value: string): void {
  if (field === 'department.name') draft.department.name = value;
  else draft[field] = value;
}

/**
 * A name read by OCR that starts or ends with a separator (`单位聘用人员经费，`, `…管理局机关-`):
 * the mark is a speck or a rule's remains, and is dropped, said in an `ocr-corrected` warning.
 */
export function trimOcrNameMarks(draft: FormDraft): RecordWarning[] {
  const out: RecordWarning[] = [];
  for (const field of NAME_FIELDS) {
    const value = get(draft, field);
    if (!value || draft.provenance[field]?.method !== 'ocr') continue;
    const trimmed = value.replace(EDGE_MARKS, '');
    if (trimmed === value || trimmed === '') continue;
    set(draft, field, trimmed);
    out.push({ code: 'ocr-corrected', field, message: `OCR read "${value}"; a name does not start or end with a mark, so it is "${trimmed}".`, raw: value });
  }
  return out;
}
