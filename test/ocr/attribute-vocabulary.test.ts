import test from 'ava';
import { emptyFunding, type FormDraft } from '../../src/form/draft.ts';
import { snapOcrAttribute } from '../../src/ocr/attribute-vocabulary.ts';

const prov = (method: 'ocr' | 'text') => ({ page: 1, bbox: [0, 0, 10, 10] as [number, number, number, number], method, confidence: 0.9 });

function draftOf(attribute: string, method: 'ocr' | 'text'): FormDraft {
  return {
    title: '', year: 2024, projectName: '项目', department: { code: '1', name: '某局' }, implementingUnit: '某单位', attribute, period: null,
    funding: { implementation: emptyFunding(), annual: emptyFunding() },
    overview: null, basis: null, necessity: null, safeguards: null, plan: null, goals: { implementation: null, annual: null },
    indicators: [], warnings: [], pages: [1],
    provenance: { attribute: prov(method) },
  };
}

const snapped = (read: string, method: 'ocr' | 'text' = 'ocr') => {
  const draft = draftOf(read, method);
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
