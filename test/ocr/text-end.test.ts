import test from 'ava';
import { fixOcrTextEnds } from '../../src/ocr/text-end.ts';
import { formDraft } from '../helpers/form-draft.ts';

const draftWith = (overview: string, annual: string, method: 'ocr' | 'text' = 'ocr') =>
  formDraft({ overview, goals: { implementation: null, annual } }, method, ['overview', 'goals.annual']);

test('a long text read by OCR ending in a comma or a point after an ideograph ends with a full stop, with a warning', (t) => {
  // measured: 200 dpi small serif, the last 。 read as ，
  const draft = draftWith('用于保障局机关办公设备正常运行，', '按需支出.');
  const warnings = fixOcrTextEnds(draft);
  t.is(draft.overview, '用于保障局机关办公设备正常运行。');
  t.is(draft.goals.annual, '按需支出。');
  t.deepEqual(warnings.map((w) => [w.code, w.field, w.raw]), [
    ['ocr-corrected', 'overview', '用于保障局机关办公设备正常运行，'],
    ['ocr-corrected', 'goals.annual', '按需支出.'],
  ]);
});

test('a mark read after the last full stop is a speck', (t) => {
  const draft = draftWith('开展专题课题研究。.', '保障工作开展。，');
  const warnings = fixOcrTextEnds(draft);
  t.deepEqual([draft.overview, draft.goals.annual], ['开展专题课题研究。', '保障工作开展。']);
  t.is(warnings.length, 2);
});

test('a text ending otherwise, or not read by OCR, is left', (t) => {
  for (const kept of ['按需支出', '保障日常运转。', '经费6.75万元', '共计1,200.', '（晋财资【2017】43号）', '称“三定”。”']) {
    const draft = draftWith(kept, kept);
    t.deepEqual(fixOcrTextEnds(draft), [], kept);
    t.is(draft.overview, kept);
  }
  const text = draftWith('正常运行，', '正常运行，', 'text');
  t.deepEqual(fixOcrTextEnds(text), []);
});
