import test from 'ava';
import { trimOcrNameMarks } from '../../src/ocr/name-marks.ts';
import { formDraft } from '../helpers/form-draft.ts';

const draftOf = (projectName: string, implementingUnit: string, method: 'ocr' | 'text') =>
  formDraft({ projectName, implementingUnit }, method, ['projectName', 'implementingUnit', 'department.name']);

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
