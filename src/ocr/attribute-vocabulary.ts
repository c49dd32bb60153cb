import type { FormDraft } from '../form/draft.ts';
import type { RecordWarning } from '../schema/record.ts';
import { foldWidth } from './ocr-checks.ts';

/** The project attributes (项目属性) the form offers. */
export const ATTRIBUTES = ['经常性项目（长期开展）', '经常性项目（阶段性）', '经常性项目', '延续性项目', '新增项目', '一次性项目'] as const;

/** Brackets and what OCR makes of them (《长期开展, !长期开展，), and spaces: left out when comparing. */
const BRACKETISH = /[\s（）()〈〉《》<>［］[\]【】{}「」!！|｜,，.。、]/gu;
const squash = (text: string) => [...text.replace(BRACKETISH, '')];

/**
 * An attribute read by OCR with its brackets lost or misread (`经常性项目长期开展`,
 * `经常性项目《长期开展`), or one ideograph misread in five or more, is the attribute of the
 * form's list it spells: said in an `ocr-corrected` warning with the raw reading. A reading that
 * is an attribute already (in either bracket width) or spells none stays.
 */
export function snapOcrAttribute(draft: FormDraft): RecordWarning[] {
  const value = draft.attribute;
  if (!value || draft.provenance.attribute?.method !== 'ocr') return [];
  if (ATTRIBUTES.some((a) => foldWidth(a) === foldWidth(value))) return [];
  const read = squash(value);
  const near = ATTRIBUTES.filter((a) => {
    const word = squash(a);
    if (word.length !== read.length) return false;
    const off = word.filter((c, i) => c !== read[i]).length;
    return off === 0 || (off === 1 && word.length >= 5);
  });
  if (near.length !== 1) return [];
  draft.attribute = near[0]!;
  return [{ code: 'ocr-corrected', field: 'attribute', message: `OCR read "${value}"; the form's attribute it spells is "${near[0]}".`, raw: value }];
}
