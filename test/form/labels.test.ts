import test from 'ava';
import { fundingPartOf, isTitle, matchLabel, yearOf } from '../../src/form/labels.ts';

test('labels match across punctuation, width and spacing variants', (t) => {
  for (const [text, key] of [
    ['项目资金（元）', 'funding'],
    ['项目资金 (元)', 'funding'],
    ['实施期资金总额：', 'totalImplementation'],
    ['实施期资金总额:', 'totalImplementation'],
    ['其中：中央财政资金', 'central'],
    ['其中:中央财政资金', 'central'],
    ['中央财政资金', 'central'],
    ['市县（区）财政资金', 'municipal'],
    ['保证项目实施的制度、措施', 'safeguards'],
    ['项目 名称', 'projectName'],
    ['年度目标', 'goalsAnnual'],
    ['实施期目标', 'goalsImplementation'],
  ] as const) {
    t.deepEqual(matchLabel(text), { key, exact: true }, text);
  }
});

test('clipped and misspelt labels match approximately', (t) => {
  t.deepEqual(matchLabel('市县（区）财政资'), { key: 'municipal', exact: false });
  t.deepEqual(matchLabel('保证项目实施的制度、措'), { key: 'safeguards', exact: false });
  t.deepEqual(matchLabel('项目设立必耍性'), { key: 'necessity', exact: false });
  t.deepEqual(matchLabel('项依据'), { key: 'basis', exact: false }, 'a 4-letter label with one letter lost');
  // measured on a noisy scan: 市 read 再, and the bracket read twice, once as a book-title mark
  t.deepEqual(matchLabel('再县《（区)财政资金'), { key: 'municipal', exact: false });
});

test('values and ambiguous fragments are not labels', (t) => {
  for (const text of ['政府购买服务经费', '99年', '1,700,000', '', '实施期', '项目', '经常性项目（长期开展）', '≥9个', '时效指标', '成本指标']) {
    t.is(matchLabel(text), null, text);
  }
});

test('title and year lines', (t) => {
  t.true(isTitle('山西省省级预算部门（单位）项目支出绩效目标申报表'));
  t.true(isTitle('某某省 项目支出 绩效目标申报表'));
  t.false(isTitle('项目名称'));
  t.is(yearOf('(2024年度)'), 2024);
  t.is(yearOf('（2023 年度）'), 2023);
  t.is(yearOf('no year'), null);
});

test('other years\' wordings of the same labels match by meaning', (t) => {
  for (const [text, key] of [
    ['主管部门及编码', 'department'],
    ['主管部门（代码）', 'department'],
    ['项目实施单位', 'implementingUnit'],
    ['项目周期', 'period'],
    ['项目期限', 'period'],
    ['项目资金（单位：元）', 'funding'],
    ['本年度资金总额：', 'totalAnnual'],
    ['其中：中央补助资金', 'central'],
    ['省本级财政资金', 'provincial'],
    ['市、县（区）财政资金', 'municipal'],
    ['自筹资金', 'selfRaised'],
    ['其他', 'other'],
    ['项目基本情况', 'overview'],
    ['项目立项依据', 'basis'],
    ['设立必要性', 'necessity'],
    ['项目实施的保障措施', 'safeguards'],
    ['项目实施进度计划', 'plan'],
    ['总体绩效目标', 'overallGoal'],
    ['实施期绩效目标', 'goalsImplementation'],
    ['本年度目标', 'goalsAnnual'],
    ['指标值（包含数字及文字描述）', 'valueHeader'],
  ] as const) {
    t.deepEqual(matchLabel(text), { key, exact: true }, text);
  }
  // Values that hold such words are not labels.
  for (const text of ['建立健全项目实施的保障措施和制度', '年度目标完成率', '山西省本级财政', '实施期']) t.is(matchLabel(text), null, text);
});

test('a funding label cut far down still names its part by its key word', (t) => {
  for (const [text, key] of [
    ['实施期资金', 'totalImplementation'],
    ['本年度资', 'totalAnnual'],
    ['其中：', 'central'],
    ['其中：中', 'central'],
    ['省本级财政', 'provincial'],
    ['市县（区）', 'municipal'],
    ['单位自', 'selfRaised'],
    ['其他资', 'other'],
  ] as const) {
    t.is(fundingPartOf(text), key, text);
  }
  t.is(fundingPartOf('1,700,000'), null);
  t.is(fundingPartOf(''), null);
});
