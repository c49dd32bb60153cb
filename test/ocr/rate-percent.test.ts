import test from 'ava';
import { fixRatePercents, ratePercent } from '../../src/ocr/rate-percent.ts';
import { formDraft } from '../helpers/form-draft.ts';

test('a misread percent sign after a percentage is put right', (t) => {
  // measured on 1-bit and noisy scans of satisfaction and coverage rates
  t.is(ratePercent('≥800'), '≥80%');
  t.is(ratePercent('≥90u'), '≥90%');
  t.is(ratePercent('≥809,'), '≥80%');
  t.is(ratePercent('≥90%,'), '≥90%');
  t.is(ratePercent('≥809，'), '≥80%');
  t.is(ratePercent('≥80%。'), '≥80%');
  t.is(ratePercent('>60%b'), '>60%');
  t.is(ratePercent('≥98.50o'), '≥98.5%');
  t.is(ratePercent('1000'), '100%');
});

test('a percentage, a plain number up to 100 and anything else are left', (t) => {
  // a Kai face's % read as one glyph
  t.is(ratePercent('≥99.9久'), '≥99.9%');
  t.is(ratePercent('95狼'), '95%');
  t.is(ratePercent('>85S'), '>85%');
  for (const kept of ['≥90%', '≥0.59%', '≥99.95%', '≥95', '99.95', '100', '90%以上', '≥4个', '=9.19吨', '稳步提升', '≥100%994', '≥12345', '≥90分', '≥95以', '≥3次', '≥150久']) {
    t.is(ratePercent(kept), null, kept);
  }
});

const draftWith = (indicators: Array<[name: string, value: string]>, method: 'ocr' | 'text' = 'ocr') =>
  formDraft(
    { indicators: indicators.map(([name, value]) => ({ period: 'implementation', level1: '效益指标', level2: '社会效益指标', name, value })) },
    method,
    indicators.map((_, i) => `indicators[${i}].value`),
  );

test('only the value of a rate read by OCR is corrected, with a warning holding the raw reading', (t) => {
  const draft = draftWith([
    ['参训人员满意度', '≥90u'],
    ['受益人群覆盖率（不含第2批）', '≥800'],
    ['培训人次', '≥800'],
    ['会议次数', '≥4场'],
  ]);
  const warnings = fixRatePercents(draft);
  t.deepEqual(draft.indicators.map((i) => i.value), ['≥90%', '≥80%', '≥800', '≥4场']);
  t.deepEqual(warnings.map((w) => [w.code, w.field, w.raw]), [
    ['ocr-corrected', 'indicators[0].value', '≥90u'],
    ['ocr-corrected', 'indicators[1].value', '≥800'],
  ]);
  const text = draftWith([['参训人员满意度', '≥800']], 'text');
  t.deepEqual(fixRatePercents(text), []);
  t.is(text.indicators[0]!.value, '≥800');
});
