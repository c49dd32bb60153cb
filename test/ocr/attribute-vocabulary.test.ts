import test from 'ava';
import { snapOcrAttribute } from '../../src/ocr/attribute-vocabulary.ts';
import { formDraft } from '../helpers/form-draft.ts';

const snapped = (read: string, method: 'ocr' | 'text' = 'ocr') => {
  const draft = formDraft({ attribute: read }, method, ['attribute']);
  const warnings = snapOcrAttribute(draft);
  return { value: draft.attribute, warnings: warnings.map((w) => [w.code, w.raw]) };
};

test('an OCR-read attribute with its brackets lost or misread is the attribute it spells, with a warning', (t) => {
  for (const read of ['经常性项目长期开展', '经常性项目《长期开展', '经常性项目（长期开展', '经常性项目!长期开展，']) {
    t.deepEqual(snapped(read), { value: '经常性项目（长期开展）', warnings: [['ocr-corrected', read]] }, read);
  }
  t.deepEqual(snapped('经常性项目阶段性)'), { value: '经常性项目（阶段性）', warnings: [['ocr-corrected', '经常性项目阶段性)']] });
  t.deepEqual(snapped('延续性项日'), { value: '延续性项目', warnings: [['ocr-corrected', '延续性项日']] }, 'one ideograph in five');
});

test('an attribute as printed, one OCR cannot tell, or one from a text layer stays', (t) => {
  for (const kept of ['经常性项目(长期开展)', '经常性项目（长期开展）', '经常性项目', '新增项目', '其他项目', '新项目']) {
    t.deepEqual(snapped(kept), { value: kept, warnings: [] }, kept);
  }
  t.deepEqual(snapped('经常性项目长期开展', 'text'), { value: '经常性项目长期开展', warnings: [] });
});
