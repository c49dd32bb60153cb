import test from 'ava';
import { emptyFunding, type FormDraft } from '../../src/form/draft.ts';
import { trimOcrNameMarks } from '../../src/ocr/name-marks.ts';

const prov = (method: 'ocr' | 'text') => ({ page: 1, bbox: [0, 0, 10, 10] as [number, number, number, number], method, confidence: 0.9 });

function draftOf(projectName: string, implementingUnit: string, method: 'ocr' | 'text'): FormDraft {
  return {
    title: '', year: 2024, projectName, department: { code: '1', name: '某局' }, implementingUnit, attribute: null, period: null,
    funding: { implementation: emptyFunding(), annual: emptyFunding() },
    overview: null, basis: null, necessity: null, safeguards: null, plan: null, goals: { implementation: null, annual: null },
    indicators: [], warnings: [], pages: [1],
    provenance: { projectName: prov(method), implementingUnit: prov(method), 'department.name': prov(method) },
  };
}

test('marks at the edges of names read by OCR are dropped, each with a warning', (t) => {
  const draft = draftOf('单位聘用人员经费，', '山西省地方金融监督管理局机关-', 'ocr');
  const warnings = trimOcrNameMarks(draft);
  t.is(draft.projectName, '单位聘用人员经费');
  t.is(draft.implementingUnit, '山西省地方金融监督管理局机关');
  t.deepEqual(warnings.map((w) => [w.code, w.field, w.raw]), [
    ['ocr-corrected', 'projectName', '单位聘用人员经费，'],
    ['ocr-corrected', 'implementingUnit', '山西省地方金融监督管理局机关-'],
  ]);
});

test('brackets and names read from a text layer are kept as printed', (t) => {
  const ocr = draftOf('会议(培训)费', '某单位（机关）', 'ocr');
  t.deepEqual(trimOcrNameMarks(ocr), []);
  t.is(ocr.projectName, '会议(培训)费');
  const text = draftOf('项目，', '单位-', 'text');
  t.deepEqual(trimOcrNameMarks(text), []);
  t.is(text.projectName, '项目，');
});
