import test from 'ava';
import { mapForm } from '../../src/form/map-form.ts';
import { splitForms } from '../../src/form/split-forms.ts';
import { buildPageLayout } from '../../src/table/build-tables.ts';
import { synthPage, type SpecCell } from '../helpers/synthetic-form.ts';

// Columns: 绩效指标 | 一级 | 二级 | 三级 | 指标值 | 二级 | 三级 | 指标值
const XS = [20, 60, 110, 170, 300, 380, 440, 570, 650];
const HEADER: SpecCell[] = ['一级指标', '二级指标', '三级指标', '指标值', '二级指标', '三级指标', '指标值'].map((t, i) => ({
  col: i + 1,
  row: 1,
  lines: [t],
}));
const TOP: SpecCell[] = [
  { col: 0, row: 0, lines: ['项目名称'] },
  { col: 1, row: 0, colSpan: 7, lines: ['测试项目'] },
];

const title = [{ text: '山西省省级预算部门（单位）项目支出绩效目标申报表', x: 100, y: 20 }, { text: '(2024年度)', x: 200, y: 36 }];

function indicatorsOf(pages: ReturnType<typeof synthPage>[]) {
  const forms = splitForms(pages.map(buildPageLayout));
  return forms.map((f) => mapForm(f));
}

test('level 1 and 2 carry down merged cells; empty categories are dropped; both periods', (t) => {
  const cells: SpecCell[] = [
    ...TOP,
    { col: 0, row: 1, rowSpan: 5, lines: ['绩效指标'] },
    ...HEADER,
    { col: 1, row: 2, rowSpan: 2, lines: ['产出指标'] },
    { col: 2, row: 2, rowSpan: 2, lines: ['数量指标'] },
    { col: 3, row: 2, lines: ['培训场次'] },
    { col: 4, row: 2, lines: ['≥4场'] },
    { col: 5, row: 2, rowSpan: 2, lines: ['数量指标'] },
    { col: 6, row: 2, lines: ['培训场次'] },
    { col: 7, row: 2, lines: ['≥4场'] },
    { col: 3, row: 3, lines: ['金融类课题研究', '报告数'] },
    { col: 4, row: 3, lines: ['≥4个'] },
    { col: 6, row: 3, lines: ['金融类课题研究报告数'] },
    { col: 7, row: 3, lines: ['≥3个'] },
    { col: 1, row: 4, rowSpan: 2, lines: ['效益指标'] },
    { col: 2, row: 4, lines: ['经济效益指标'] },
    { col: 3, row: 4, lines: [] },
    { col: 4, row: 4, lines: [] },
    { col: 5, row: 4, lines: ['经济效益指标'] },
    { col: 6, row: 4, lines: [] },
    { col: 7, row: 4, lines: [] },
    { col: 2, row: 5, lines: ['社会效益指标'] },
    { col: 3, row: 5, lines: ['参训人次'] },
    { col: 4, row: 5, lines: ['≥600人次'] },
    { col: 5, row: 5, lines: ['社会效益指标'] },
    { col: 6, row: 5, lines: ['培训人次'] },
    { col: 7, row: 5, lines: ['≥600人次'] },
  ];
  const [draft] = indicatorsOf([synthPage({ xs: XS, top: 60, rowHeight: 24, cells, freeLines: title })]);
  t.is(draft!.projectName, '测试项目');
  t.is(draft!.year, 2024);
  t.deepEqual(
    draft!.indicators.map((i) => [i.period, i.level1, i.level2, i.name, i.value].join('|')),
    [
      'implementation|产出指标|数量指标|培训场次|≥4场',
      'implementation|产出指标|数量指标|金融类课题研究报告数|≥4个',
      'implementation|效益指标|社会效益指标|参训人次|≥600人次',
      'annual|产出指标|数量指标|培训场次|≥4场',
      'annual|产出指标|数量指标|金融类课题研究报告数|≥3个',
      'annual|效益指标|社会效益指标|培训人次|≥600人次',
    ],
  );
  t.deepEqual(draft!.provenance['indicators[2].value']?.bbox, [300, 180, 380, 204]);
});

test('an indicator block continued on the next page without its header keeps its columns and levels', (t) => {
  const page1: SpecCell[] = [
    ...TOP,
    { col: 0, row: 1, rowSpan: 2, lines: ['绩效指标'] },
    ...HEADER,
    { col: 1, row: 2, lines: ['产出指标'] },
    { col: 2, row: 2, lines: ['数量指标'] },
    { col: 3, row: 2, lines: ['聘用人数'] },
    { col: 4, row: 2, lines: ['3人'] },
    { col: 5, row: 2, lines: ['数量指标'] },
    { col: 6, row: 2, lines: ['聘用人数'] },
    { col: 7, row: 2, lines: ['≥3人'] },
  ];
  // Page 2: the merged level-1 and level-2 cells go on blank; a new title never came.
  const page2: SpecCell[] = [
    { col: 0, row: 0, rowSpan: 2, lines: [] },
    { col: 1, row: 0, lines: [] },
    { col: 2, row: 0, lines: [] },
    { col: 3, row: 0, lines: ['招聘时间'] },
    { col: 4, row: 0, lines: ['≥1次'] },
    { col: 5, row: 0, lines: [] },
    { col: 6, row: 0, lines: ['招聘时间'] },
    { col: 7, row: 0, lines: ['≥1次'] },
    { col: 1, row: 1, lines: ['满意度指标'] },
    { col: 2, row: 1, lines: ['服务对象满意度'] },
    { col: 3, row: 1, lines: ['服务单位满意度'] },
    { col: 4, row: 1, lines: ['≥90%'] },
    { col: 5, row: 1, lines: ['服务对象满意', '度指标'] },
    { col: 6, row: 1, lines: ['服务单位满意度'] },
    { col: 7, row: 1, lines: ['≥90%'] },
  ];
  const drafts = indicatorsOf([
    synthPage({ xs: XS, top: 60, rowHeight: 24, cells: page1, freeLines: title, pageNumber: 1 }),
    synthPage({ xs: XS, top: 30, rowHeight: 24, cells: page2, pageNumber: 2 }),
  ]);
  t.is(drafts.length, 1);
  t.deepEqual(drafts[0]!.pages, [1, 2]);
  t.deepEqual(
    drafts[0]!.indicators.map((i) => [i.period, i.level1, i.level2, i.name, i.value].join('|')),
    [
      'implementation|产出指标|数量指标|聘用人数|3人',
      'implementation|产出指标|数量指标|招聘时间|≥1次',
      'implementation|满意度指标|服务对象满意度|服务单位满意度|≥90%',
      'annual|产出指标|数量指标|聘用人数|≥3人',
      'annual|产出指标|数量指标|招聘时间|≥1次',
      'annual|满意度指标|服务对象满意度指标|服务单位满意度|≥90%',
    ],
  );
});

/**
 * A page with one indicator row, the same in both periods: its level 1, level 2, name and value;
 * as a text layer gives it, and as OCR does (every glyph with a confidence).
 */
function oneIndicatorRow(level1: string, level2: string, name: string, value: string) {
  const side = (col: number): SpecCell[] => [level2, name, value].map((text, i) => ({ col: col + i, row: 2, lines: [text] }));
  const cells: SpecCell[] = [...TOP, { col: 0, row: 1, rowSpan: 2, lines: ['绩效指标'] }, ...HEADER, { col: 1, row: 2, lines: [level1] }, ...side(2), ...side(5)];
  const page = synthPage({ xs: XS, top: 60, rowHeight: 24, cells, freeLines: title });
  const [text] = indicatorsOf([page]);
  const [ocr] = indicatorsOf([{ ...page, chars: page.chars.map((c) => ({ ...c, confidence: 0.9 })) }]);
  return { text: text!, ocr: ocr! };
}

test('a level-1 cell OCR read as no level-1 name takes the level 1 of its level 2; a text layer keeps what it prints', (t) => {
  const { text, ocr } = oneIndicatorRow('国', '社会效益指标', '办公设备保障效果', '显著提升');
  t.deepEqual(text.indicators.map((i) => i.level1), ['国', '国']);
  t.deepEqual(ocr.indicators.map((i) => i.level1), ['效益指标', '效益指标']);
  t.deepEqual(
    ocr.warnings.filter((w) => w.code === 'ocr-corrected').map((w) => [w.field, w.raw]),
    [['indicators[0].level1', '国'], ['indicators[1].level1', '国']],
  );
});

test('a level-1 name over a level 2 of another level 1: OCR takes the level 2\'s own (a rule the scan lost), a text layer keeps it and says so', (t) => {
  const { text, ocr } = oneIndicatorRow('效益指标', '时效指标', '采购时限', '年内完成');
  t.deepEqual(text.indicators.map((i) => i.level1), ['效益指标', '效益指标']);
  t.deepEqual(text.warnings.filter((w) => w.code === 'indicator-level-mismatch').map((w) => w.field), ['indicators[0].level1', 'indicators[1].level1']);
  t.deepEqual(ocr.indicators.map((i) => i.level1), ['产出指标', '产出指标']);
  t.deepEqual(
    ocr.warnings.filter((w) => w.code === 'ocr-corrected').map((w) => [w.field, w.raw]),
    [['indicators[0].level1', '效益指标'], ['indicators[1].level1', '效益指标']],
  );
  t.false(ocr.warnings.some((w) => w.code === 'indicator-level-mismatch'));
});

test('an indicator header with one of its six side labels misread is still the header; with two it is not, unless only their numerals', (t) => {
  const withHeader = (labels: string[]) => {
    const header = ['一级指标', ...labels].map((text, i) => ({ col: i + 1, row: 1, lines: [text] }));
    const row = ['产出指标', '数量指标', '培训场次', '≥4场', '数量指标', '培训场次', '≥3场'].map((text, i) => ({ col: i + 1, row: 2, lines: [text] }));
    const cells: SpecCell[] = [...TOP, { col: 0, row: 1, rowSpan: 2, lines: ['绩效指标'] }, ...header, ...row];
    const [draft] = indicatorsOf([synthPage({ xs: XS, top: 60, rowHeight: 24, cells, freeLines: title })]);
    return draft!.indicators.map((i) => [i.period, i.level1, i.level2, i.name, i.value].join('|'));
  };
  const both = ['implementation|产出指标|数量指标|培训场次|≥4场', 'annual|产出指标|数量指标|培训场次|≥3场'];
  // OCR made 二级指标 of the annual 三级指标, or a non-word of the first 指标值
  t.deepEqual(withHeader(['二级指标', '三级指标', '指标值', '二级指标', '二级指标', '指标值']), both);
  t.deepEqual(withHeader(['二级指标', '三级指标', '揞示佰', '二级指标', '三级指标', '指标值']), both);
  t.deepEqual(withHeader(['二级指标', '三级指标', '指标值', '-级指标', '二级指标', '指标值']), both, 'level headers differ only in their numeral');
  t.deepEqual(withHeader(['二级指标', '三级指标', '揞示佰', '二级指标', '三级揞示', '指标值']), []);
});

test('a column after the two sides (备注) leaves the indicator header and rows as they are', (t) => {
  const xs = [...XS, 700];
  const header = ['一级指标', '二级指标', '三级指标', '指标值', '二级指标', '三级指标', '指标值', '备注'].map((text, i) => ({ col: i + 1, row: 1, lines: [text] }));
  const row = ['产出指标', '数量指标', '培训场次', '≥4场', '数量指标', '培训场次', '≥3场', '无'].map((text, i) => ({ col: i + 1, row: 2, lines: [text] }));
  const top: SpecCell[] = [{ col: 0, row: 0, lines: ['项目名称'] }, { col: 1, row: 0, colSpan: 8, lines: ['测试项目'] }];
  const cells: SpecCell[] = [...top, { col: 0, row: 1, rowSpan: 2, lines: ['绩效指标'] }, ...header, ...row];
  const [draft] = indicatorsOf([synthPage({ xs, top: 60, rowHeight: 24, cells, freeLines: title })]);
  t.deepEqual(
    draft!.indicators.map((i) => [i.period, i.level1, i.level2, i.name, i.value].join('|')),
    ['implementation|产出指标|数量指标|培训场次|≥4场', 'annual|产出指标|数量指标|培训场次|≥3场'],
  );
});
