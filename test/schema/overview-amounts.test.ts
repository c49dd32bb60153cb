import test from 'ava';
import { readFileSync } from 'node:fs';
import { amountsExplain, overviewAmounts, overviewAmountWarnings, OVERVIEW_AMOUNT_CODE } from '../../src/schema/overview-amounts.ts';
import { lowConfidenceWarnings, reviewWarnings } from '../../src/review/review-checks.ts';
import type { DeclarationRecord } from '../../src/schema/record.ts';

const truth = JSON.parse(readFileSync('samples/truth-2024.json', 'utf8')) as DeclarationRecord[];
const funding = (total: number | null, annual = total) => ({
  implementation: { total, central: null, provincial: null, municipal: null, selfRaised: null, other: null },
  annual: { total: annual, central: null, provincial: null, municipal: null, selfRaised: null, other: null },
});

test('amounts are read in yuan from 万元, 元, 亿元, with separators and full-width digits; rates are left out', (t) => {
  const a = overviewAmounts('经费30万元、1,200元、0.5亿元、１２万元，标准为5.5万元/年，2021年度');
  t.deepEqual(a.map((x) => x.yuan), [300000, 1200, 50000000, 120000]);
  t.deepEqual(a.map((x) => x.text), ['30万元', '1,200元', '0.5亿元', '１２万元']);
});

test('amounts in brackets are a breakdown of the one before', (t) => {
  const a = overviewAmounts('专用网络租赁费14.2万元（专用宽带13万元、财务专网1.2万元）、网站10万元');
  t.deepEqual(a.map((x) => [x.yuan, x.nested]), [[142000, false], [130000, true], [12000, true], [100000, false]]);
  t.true(amountsExplain(a, 242000)); // top level only
  t.false(amountsExplain(a, 384000)); // not everything twice over
});

test('a headline figure followed by its parts explains either', (t) => {
  const a = overviewAmounts('每年100万元。一是60万元；二是40万元。');
  t.true(amountsExplain(a, 1000000));
  t.true(amountsExplain(a, 600000));
  t.false(amountsExplain(a, 700000));
});

test('the seven real overviews: only the one whose amounts miss the totals is flagged', (t) => {
  const flagged = truth.filter((r) => overviewAmountWarnings(r).length > 0).map((r) => r.projectName);
  t.deepEqual(flagged, ['金融办业务经费']);
  const [w] = overviewAmountWarnings(truth.find((r) => r.projectName === '金融办业务经费')!);
  t.is(w!.code, OVERVIEW_AMOUNT_CODE);
  t.is(w!.field, 'overview');
  t.regex(w!.message, /270万元/);
  t.regex(w!.message, /2,455,600/);
  t.truthy(w!.raw);
});

test('an overview whose sum is not a total is flagged; no amounts or no totals is not', (t) => {
  t.is(overviewAmountWarnings({ overview: '甲20万元、乙30万元', funding: funding(600000) }).length, 1);
  t.is(overviewAmountWarnings({ overview: '甲20万元、乙30万元', funding: funding(500000) }).length, 0);
  t.is(overviewAmountWarnings({ overview: '甲20万元、乙30万元', funding: funding(900000, 500000) }).length, 0);
  t.is(overviewAmountWarnings({ overview: '用于日常运行', funding: funding(500000) }).length, 0);
  t.is(overviewAmountWarnings({ overview: '甲20万元', funding: funding(null) }).length, 0);
  t.is(overviewAmountWarnings({ overview: null, funding: funding(1) }).length, 0);
});

test('low confidence: fields read under the threshold, unless already flagged', (t) => {
  const r = structuredClone(truth[0]!) as DeclarationRecord;
  r.warnings = [];
  r.provenance = {
    projectName: { page: 1, bbox: [0, 0, 1, 1], method: 'ocr', confidence: 0.42 },
    year: { page: 1, bbox: [0, 0, 1, 1], method: 'ocr', confidence: 0.95 },
  };
  const ws = lowConfidenceWarnings(r);
  t.deepEqual(ws.map((w) => [w.code, w.field, w.raw]), [['low-confidence', 'projectName', r.projectName]]);
  r.warnings = [{ code: 'ocr-low-confidence', field: 'projectName', message: 'x' }];
  t.deepEqual(lowConfidenceWarnings(r), []);
  t.false(reviewWarnings(r).some((w) => w.field === 'projectName'));
});
