import test from 'ava';
import { mapForm } from '../../src/form/map-form.ts';
import { splitForms } from '../../src/form/split-forms.ts';
import { buildPageLayout } from '../../src/table/build-tables.ts';
import { synthPage, type SpecCell } from '../helpers/synthetic-form.ts';

// Columns: label | left label | left amount | right label | right amount
const XS = [20, 80, 150, 250, 350, 450];
const title = [{ text: '山西省省级预算部门（单位）项目支出绩效目标申报表', x: 100, y: 20 }, { text: '(2021年度)', x: 200, y: 36 }];

function fundingOf(left: string[], right: string[], leftAmounts: string[], rightAmounts: string[]) {
  const cells: SpecCell[] = [
    { col: 0, row: 0, lines: ['项目名称'] },
    { col: 1, row: 0, colSpan: 4, lines: ['测试项目'] },
    { col: 0, row: 1, rowSpan: 6, lines: ['项目资金（元）'] },
  ];
  for (let i = 0; i < 6; i++) {
    cells.push(
      { col: 1, row: i + 1, lines: left[i] ? [left[i]!] : [] },
      { col: 2, row: i + 1, lines: leftAmounts[i] ? [leftAmounts[i]!] : [] },
      { col: 3, row: i + 1, lines: right[i] ? [right[i]!] : [] },
      { col: 4, row: i + 1, lines: rightAmounts[i] ? [rightAmounts[i]!] : [] },
    );
  }
  const [form] = splitForms([buildPageLayout(synthPage({ xs: XS, top: 60, rowHeight: 20, cells, freeLines: title }))]);
  return mapForm(form!);
}

test('funding labels cut past recognition are read by key word, each in its own group', (t) => {
  // The left group's labels do not wrap and are cut by their narrow cells; "其中：" even loses the
  // whole name. The right group prints in full.
  const draft = fundingOf(
    ['实施期资', '其中：', '省本级财', '市县（区', '单位自', '其他'],
    ['年度资金总额：', '其中：中央财政资金', '省本级财政资金', '市县（区）财政资金', '单位自筹', '其他资金'],
    ['1,000', '100', '800', '0', '100', ''],
    ['500', '', '500', '0', '0', ''],
  );
  t.deepEqual(draft.funding, {
    implementation: { total: 1000, central: 100, provincial: 800, municipal: 0, selfRaised: 100, other: null },
    annual: { total: 500, central: null, provincial: 500, municipal: 0, selfRaised: 0, other: null },
  });
  t.true(draft.warnings.some((w) => w.code === 'label-approximate' && w.field === 'funding.implementation.central'));
});

test('a right-group label read while the left one is unreadable stays in the right group', (t) => {
  const draft = fundingOf(
    ['实施期资金总额', '？？', '省级财政资金', '市县（区）财政资金', '单位自筹', '其他资金'],
    ['年度资金总额', '中央财政资金', '省级财政资金', '市县（区）财政资金', '单位自筹', '其他资金'],
    ['900', '7', '900', '0', '0', ''],
    ['300', '8', '300', '0', '0', ''],
  );
  t.is(draft.funding.annual.central, 8);
  t.is(draft.funding.implementation.central, null);
});

test('a funding block cut by a page break reads its cut labels on the next page too', (t) => {
  const page1: SpecCell[] = [
    { col: 0, row: 0, lines: ['项目名称'] },
    { col: 1, row: 0, colSpan: 4, lines: ['测试项目'] },
    { col: 0, row: 1, rowSpan: 2, lines: ['项目资金（元）'] },
    ...['实施期资金总额', '1,000', '年度资金总额', '500'].map((text, i) => ({ col: i + 1, row: 1, lines: [text] })),
    ...['其中：中央财政', '0', '其中：中央财政资金', '0'].map((text, i) => ({ col: i + 1, row: 2, lines: [text] })),
  ];
  // Page 2: the rest of the block under a blank fragment of the 项目资金 cell; the left labels cut.
  const page2: SpecCell[] = [
    { col: 0, row: 0, rowSpan: 2, lines: [] },
    ...['市县（区）财政', '7', '市县（区）财政资金', '8'].map((text, i) => ({ col: i + 1, row: 0, lines: [text] })),
    ...['单位自筹资', '9', '单位自筹资金', '10'].map((text, i) => ({ col: i + 1, row: 1, lines: [text] })),
    { col: 0, row: 2, lines: ['项目概况'] },
    { col: 1, row: 2, colSpan: 4, lines: ['省级重点项目'] },
  ];
  const layouts = [page1, page2].map((cells, i) =>
    buildPageLayout(synthPage({ xs: XS, top: 60, rowHeight: 20, cells, freeLines: i === 0 ? title : [], pageNumber: i + 1 })),
  );
  const draft = mapForm(splitForms(layouts)[0]!);
  t.is(draft.funding.implementation.municipal, 7);
  t.is(draft.funding.annual.municipal, 8);
  t.is(draft.funding.implementation.selfRaised, 9);
  t.is(draft.overview, '省级重点项目');
  t.is(draft.funding.implementation.provincial, null);
});
