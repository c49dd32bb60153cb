import test from 'ava';
import { mapForm } from '../../src/form/map-form.ts';
import { splitForms } from '../../src/form/split-forms.ts';
import { buildPageLayout } from '../../src/table/build-tables.ts';
import { synthPage, type SpecCell } from '../helpers/synthetic-form.ts';

// Columns: 绩效指标 | 一级 | 二级 | 三级 | 指标值 | 二级 | 三级 | 指标值
const XS = [20, 60, 110, 170, 300, 380, 440, 570, 650];
const title = [{ text: '山西省省级预算部门（单位）项目支出绩效目标申报表', x: 100, y: 20 }, { text: '(2023年度)', x: 200, y: 36 }];
const TOP: SpecCell[] = [
  { col: 0, row: 0, colSpan: 2, lines: ['项目名称'] },
  { col: 2, row: 0, colSpan: 6, lines: ['测试项目'] },
];

const HEADER: SpecCell[] = ['一级指标', '二级指标', '三级指标', '指标值', '二级指标', '三级指标', '指标值'].map((text, i) => ({ col: i + 1, row: 1, lines: [text] }));
/** A first page: the name row, the indicator header, and one indicator row of these seven cells. */
const withFirstRow = (cells: string[]): SpecCell[] => [
  ...TOP,
  { col: 0, row: 1, rowSpan: 2, lines: ['绩效指标'] },
  ...HEADER,
  ...cells.map((text, i) => ({ col: i + 1, row: 2, lines: [text] })),
];

const draftOf = (pages: SpecCell[][]) => {
  const layouts = pages.map((cells, i) =>
    buildPageLayout(synthPage({ xs: XS, top: i === 0 ? 60 : 30, rowHeight: 24, cells, freeLines: i === 0 ? title : [], pageNumber: i + 1 })),
  );
  const forms = splitForms(layouts);
  return forms.map((f) => mapForm(f));
};
const rows = (d: ReturnType<typeof mapForm>) => d.indicators.map((i) => [i.period, i.level1, i.level2, i.name, i.value].join('|'));

test('a header row cut by a page break mid-line is read whole', (t) => {
  // A browser split the header row: `二级` / `指标` end page 1, `指标` / `值` begin page 2.
  const page1: SpecCell[] = [
    ...TOP,
    { col: 0, row: 1, lines: ['绩效指标'] },
    ...['一级指标', '二级', '三级指标', '指标', '二级指标', '三级指标', '指标值'].map((text, i) => ({ col: i + 1, row: 1, lines: [text] })),
  ];
  const page2: SpecCell[] = [
    { col: 0, row: 0, rowSpan: 2, lines: [] },
    ...['', '指标', '', '值', '', '', ''].map((text, i) => ({ col: i + 1, row: 0, lines: text ? [text] : [] })),
    ...['产出指标', '数量指标', '培训场次', '≥4场', '数量指标', '培训场次', '≥3场'].map((text, i) => ({ col: i + 1, row: 1, lines: [text] })),
  ];
  const [draft] = draftOf([page1, page2]);
  t.deepEqual(rows(draft!), ['implementation|产出指标|数量指标|培训场次|≥4场', 'annual|产出指标|数量指标|培训场次|≥3场']);
});

test('a label cut by a page break mid-word is read whole, with its value', (t) => {
  const page1: SpecCell[] = [...TOP, { col: 0, row: 1, colSpan: 2, lines: ['保证项目实施的制'] }, { col: 2, row: 1, colSpan: 6, lines: ['按需支出'] }];
  const page2: SpecCell[] = [
    { col: 0, row: 0, colSpan: 2, lines: ['度、措施'] },
    { col: 2, row: 0, colSpan: 6, lines: [] },
    { col: 0, row: 1, colSpan: 2, lines: ['项目实施计划'] },
    { col: 2, row: 1, colSpan: 6, lines: ['全年'] },
  ];
  const [draft] = draftOf([page1, page2]);
  t.is(draft!.safeguards, '按需支出');
  t.is(draft!.plan, '全年');
});

test('a goal row running over three pages keeps all of its text', (t) => {
  // Page 2 holds only the middle of the goal row, beside a blank label fragment cut in two rows.
  const page1: SpecCell[] = [
    ...TOP,
    { col: 0, row: 1, colSpan: 2, rowSpan: 2, lines: ['总体目标'] },
    { col: 2, row: 1, colSpan: 3, lines: ['实施期目标'] },
    { col: 5, row: 1, colSpan: 3, lines: ['年度目标'] },
    { col: 2, row: 2, colSpan: 3, lines: ['甲'] },
    { col: 5, row: 2, colSpan: 3, lines: ['乙'] },
  ];
  const page2: SpecCell[] = [
    { col: 0, row: 0, colSpan: 2, lines: [] },
    { col: 0, row: 1, colSpan: 2, lines: [] },
    { col: 2, row: 0, colSpan: 3, rowSpan: 2, lines: ['丙'] },
    { col: 5, row: 0, colSpan: 3, rowSpan: 2, lines: ['丁'] },
  ];
  const page3: SpecCell[] = [
    { col: 2, row: 0, colSpan: 3, lines: ['戊'] },
    { col: 5, row: 0, colSpan: 3, lines: ['己'] },
  ];
  const [draft] = draftOf([page1, page2, page3]);
  t.deepEqual(draft!.goals, { implementation: '甲丙戊', annual: '乙丁己' });
});

test('a level-1 cell whose name went to the next page keeps the level 2 carried across', (t) => {
  // Page 1: 效益指标's cell starts blank (its name prints in the larger piece, on page 2), and the
  // 社会效益指标 category runs over the break: its second row has a blank level-2 fragment.
  const page1: SpecCell[] = [
    ...TOP,
    { col: 0, row: 1, rowSpan: 2, lines: ['绩效指标'] },
    ...HEADER,
    { col: 1, row: 2, lines: [] },
    { col: 2, row: 2, lines: ['社会效益指标'] },
    { col: 3, row: 2, lines: ['参训人次'] },
    { col: 4, row: 2, lines: ['≥600人次'] },
    { col: 5, row: 2, lines: ['社会效益指标'] },
    { col: 6, row: 2, lines: ['参训人次'] },
    { col: 7, row: 2, lines: ['≥600人次'] },
  ];
  const page2: SpecCell[] = [
    { col: 0, row: 0, lines: [] },
    { col: 1, row: 0, lines: ['效益指标'] },
    { col: 2, row: 0, lines: [] },
    { col: 3, row: 0, lines: ['政策知晓率'] },
    { col: 4, row: 0, lines: ['≥90%'] },
    { col: 5, row: 0, lines: [] },
    { col: 6, row: 0, lines: ['政策知晓率'] },
    { col: 7, row: 0, lines: ['≥85%'] },
  ];
  const [draft] = draftOf([page1, page2]);
  t.deepEqual(rows(draft!), [
    'implementation|效益指标|社会效益指标|参训人次|≥600人次',
    'implementation|效益指标|社会效益指标|政策知晓率|≥90%',
    'annual|效益指标|社会效益指标|参训人次|≥600人次',
    'annual|效益指标|社会效益指标|政策知晓率|≥85%',
  ]);
});

test('a level cell whose lines a page break divided reads as one name on both pages', (t) => {
  // A spreadsheet prints the lines of a cut merged cell on the page they fall on: `满意度指` / `标`
  // and `服务对象满意度指` / `标` (and the clipped annual label `服务对象满` / `意度`).
  const page1: SpecCell[] = [
    ...TOP,
    { col: 0, row: 1, rowSpan: 2, lines: ['绩效指标'] },
    ...HEADER,
    { col: 1, row: 2, lines: ['满意度指'] },
    { col: 2, row: 2, lines: ['服务对象满意', '度指'] },
    { col: 3, row: 2, lines: ['群众满意度'] },
    { col: 4, row: 2, lines: ['≥85%'] },
    { col: 5, row: 2, lines: ['服务对象满'] },
    { col: 6, row: 2, lines: ['群众满意度'] },
    { col: 7, row: 2, lines: ['≥90%'] },
  ];
  const page2: SpecCell[] = [
    { col: 0, row: 0, rowSpan: 2, lines: [] },
    { col: 1, row: 0, rowSpan: 2, lines: ['标'] },
    { col: 2, row: 0, rowSpan: 2, lines: ['标'] },
    { col: 3, row: 0, lines: ['使用单位满意度'] },
    { col: 4, row: 0, lines: ['≥95%'] },
    { col: 5, row: 0, rowSpan: 2, lines: ['意度'] },
    { col: 6, row: 0, lines: ['使用单位满意度'] },
    { col: 7, row: 0, lines: ['≥95%'] },
    { col: 3, row: 1, lines: ['受益群众满意度'] },
    { col: 4, row: 1, lines: ['良好'] },
    { col: 6, row: 1, lines: [] },
    { col: 7, row: 1, lines: [] },
  ];
  const [draft] = draftOf([page1, page2]);
  t.deepEqual(rows(draft!), [
    'implementation|满意度指标|服务对象满意度指标|群众满意度|≥85%',
    'implementation|满意度指标|服务对象满意度指标|使用单位满意度|≥95%',
    'implementation|满意度指标|服务对象满意度指标|受益群众满意度|良好',
    'annual|满意度指标|服务对象满意度|群众满意度|≥90%',
    'annual|满意度指标|服务对象满意度|使用单位满意度|≥95%',
  ]);
});

test('a new category at the top of a page is not joined to the one before the break', (t) => {
  const page1 = withFirstRow(['产出指标', '数量指标', '培训场次', '4场', '数量指标', '培训场次', '4场']);
  const page2: SpecCell[] = [
    { col: 0, row: 0, lines: [] },
    ...['效益指标', '社会效益指标', '参训人次', '600人次', '社会效益指标', '参训人次', '600人次'].map((text, i) => ({ col: i + 1, row: 0, lines: [text] })),
  ];
  const [draft] = draftOf([page1, page2]);
  t.deepEqual(rows(draft!).filter((r) => r.startsWith('implementation')), [
    'implementation|产出指标|数量指标|培训场次|4场',
    'implementation|效益指标|社会效益指标|参训人次|600人次',
  ]);
});

test('a label cut by a page break where its first part reads as a clipped label is still read whole', (t) => {
  const page1: SpecCell[] = [...TOP, { col: 0, row: 1, colSpan: 2, lines: ['保证项目实施的制度、'] }, { col: 2, row: 1, colSpan: 6, lines: ['原则组织'] }];
  const page2: SpecCell[] = [
    { col: 0, row: 0, colSpan: 2, lines: ['措施'] },
    { col: 2, row: 0, colSpan: 6, lines: ['实施。'] },
    { col: 0, row: 1, colSpan: 2, lines: ['项目实施计划'] },
    { col: 2, row: 1, colSpan: 6, lines: ['全年'] },
  ];
  const [draft] = draftOf([page1, page2]);
  t.is(draft!.safeguards, '原则组织实施。');
});

test('an indicator row a word processor broke across pages is one indicator, its level 2 joined too', (t) => {
  const page1 = withFirstRow(['效益指标', '可持续影响', '人才队伍稳', '≥60%', '可持续影响指标', '人才队伍稳定性', '≥60%']);
  const page2: SpecCell[] = ['', '', '指标', '定性', '', '', '', ''].map((text, i) => ({ col: i, row: 0, lines: text ? [text] : [] }));
  const [draft] = draftOf([page1, page2]);
  t.deepEqual(rows(draft!), ['implementation|效益指标|可持续影响指标|人才队伍稳定性|≥60%', 'annual|效益指标|可持续影响指标|人才队伍稳定性|≥60%']);
});

test('a row broken across pages with full lines on both sides is one row; a new row is not', (t) => {
  // Cells 50pt wide, text 8pt (synthetic cells pad 2pt): `全年工作时` fills its line (5×8 + 8 > 46)
  // and goes on as `间` on the next page; likewise the value and the annual side.
  const xs = [20, 60, 110, 160, 210, 260, 310, 360, 410];
  const header = ['一级指标', '二级指标', '三级指标', '指标值', '二级指标', '三级指标', '指标值'].map((text, i) => ({ col: i + 1, row: 1, lines: [text] }));
  const make = (last: string[], next: string[]) => {
    const page1: SpecCell[] = [
      { col: 0, row: 0, colSpan: 2, lines: ['项目名称'] },
      { col: 2, row: 0, colSpan: 6, lines: ['测试项目'] },
      { col: 0, row: 1, rowSpan: 2, lines: ['绩效指标'] },
      ...header,
      ...last.map((text, i) => ({ col: i + 1, row: 2, lines: [text] })),
    ];
    const page2: SpecCell[] = next.map((text, i) => ({ col: i, row: 0, lines: text ? [text] : [] }));
    const layouts = [page1, page2].map((cells, i) =>
      buildPageLayout(synthPage({ xs, top: i === 0 ? 60 : 30, rowHeight: 24, cells, freeLines: i === 0 ? title : [], pageNumber: i + 1 })),
    );
    return rows(mapForm(splitForms(layouts)[0]!));
  };
  t.deepEqual(make(['产出指标', '时效指标', '全年工作时', '符合政府采', '时效指标', '受理群众投', '大于十一个'], ['', '', '', '间', '购标准', '', '诉举报', '月']), [
    'implementation|产出指标|时效指标|全年工作时间|符合政府采购标准',
    'annual|产出指标|时效指标|受理群众投诉举报|大于十一个月',
  ]);
  // The same, but the lines before the break are short: the next page starts new rows.
  t.deepEqual(make(['产出指标', '时效指标', '采购时限', '按时', '时效指标', '采购时限', '按时'], ['', '', '', '项目完成', '年内', '', '项目完成', '年内']), [
    'implementation|产出指标|时效指标|采购时限|按时',
    'implementation|产出指标|时效指标|项目完成|年内',
    'annual|产出指标|时效指标|采购时限|按时',
    'annual|产出指标|时效指标|项目完成|年内',
  ]);
});

test('the indicator header at the top of a page is not read as the rest of the row before it', (t) => {
  // The goal row runs from page 1 over page 2 (beside a blank label fragment); page 3 starts with
  // the indicator header, whose 绩效指标 would read as the blank fragment's label if joined to it.
  const page1: SpecCell[] = [
    ...TOP,
    { col: 0, row: 1, colSpan: 2, rowSpan: 2, lines: ['总体目标'] },
    { col: 2, row: 1, colSpan: 3, lines: ['实施期目标'] },
    { col: 5, row: 1, colSpan: 3, lines: ['年度目标'] },
    { col: 2, row: 2, colSpan: 3, lines: ['甲'] },
    { col: 5, row: 2, colSpan: 3, lines: ['乙'] },
  ];
  const page2: SpecCell[] = [
    { col: 0, row: 0, lines: [] },
    { col: 1, row: 0, colSpan: 4, lines: [] },
    { col: 5, row: 0, colSpan: 3, lines: ['丙'] },
  ];
  const page3: SpecCell[] = [
    { col: 0, row: 0, rowSpan: 2, lines: ['绩效指标'] },
    ...['一级指标', '二级指标', '三级指标', '指标值', '二级指标', '三级指标', '指标值'].map((text, i) => ({ col: i + 1, row: 0, lines: [text] })),
    ...['产出指标', '数量指标', '培训场次', '4场', '数量指标', '培训场次', '4场'].map((text, i) => ({ col: i + 1, row: 1, lines: [text] })),
  ];
  const [draft] = draftOf([page1, page2, page3]);
  t.deepEqual(draft!.goals, { implementation: '甲', annual: '乙丙' });
  t.is(draft!.indicators.length, 2);
});

test('a level name carried over a page break points at the cell it was read in, not at the blank rest', (t) => {
  const page1 = withFirstRow(['产出指标', '数量指标', '培训场次', '4场', '数量指标', '培训场次', '4场']);
  const page2: SpecCell[] = [
    { col: 0, row: 0, lines: [] },
    ...['', '', '培训人次', '600人次', '', '培训人次', '600人次'].map((text, i) => ({ col: i + 1, row: 0, lines: text ? [text] : [] })),
  ];
  const [draft] = draftOf([page1, page2]);
  t.deepEqual(rows(draft!).filter((r) => r.startsWith('implementation')), [
    'implementation|产出指标|数量指标|培训场次|4场',
    'implementation|产出指标|数量指标|培训人次|600人次',
  ]);
  const at = (key: string) => draft!.provenance[key];
  t.is(at('indicators[1].level1')?.page, 1);
  t.deepEqual(at('indicators[1].level1')?.bbox, at('indicators[0].level1')?.bbox);
  t.not(at('indicators[1].level1'), at('indicators[0].level1'), 'each field its own object: a skewed scan turns each back once');
  t.is(at('indicators[1].level2')?.page, 1);
  t.is(at('indicators[1].name')?.page, 2);
});
