import test from 'ava';
import { isTitle, matchLabel, yearOf } from '../../src/form/labels.ts';

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
});

test('values and ambiguous fragments are not labels', (t) => {
  for (const text of ['政府购买服务经费', '99年', '1,700,000', '', '实施期', '项目', '经常性项目（长期开展）', '≥9个']) {
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
