/**
 * One declaration form as HTML: the title lines and one ruled table with rowspan/colspan merges,
 * eight grid columns:
 *   1 row label | 2 一级指标 | 3 二级指标 | 4 三级指标 | 5 指标值 | 6 二级指标 | 7 三级指标 | 8 指标值
 * Everything else (funding, texts, goals) is laid over the same eight columns.
 * Pure: no browser, no file system.
 */
import { indicatorsToGroups, type Skeleton } from './indicator-rows.ts';
import type { TruthFunding, TruthRecord } from '../samples/truth.ts';

export interface Labels {
  funding: string;
  implTotal: string;
  annualTotal: string;
  central: string;
  provincial: string;
  municipal: string;
  selfRaised: string;
  other: string;
}

/** As most real forms print them (full-width colon and parentheses). */
export const FULL_WIDTH_LABELS: Labels = {
  funding: '项目资金（元）',
  implTotal: '实施期资金总额：',
  annualTotal: '年度资金总额：',
  central: '其中：中央财政资金',
  provincial: '省级财政资金',
  municipal: '市县（区）财政资金',
  selfRaised: '单位自筹',
  other: '其他资金',
};

/** As the second reference form prints them: half-width colon and parentheses, mixed with full-width. */
export const HALF_WIDTH_LABELS: Labels = {
  ...FULL_WIDTH_LABELS,
  funding: '项目资金 (元)',
  implTotal: '实施期资金总额:',
  annualTotal: '年度资金总额:',
  central: '其中:中央财政资金',
};

/** The other labels of the form (defaults: as the reference form prints them). */
export interface HeadLabels {
  projectName: string;
  department: string;
  unit: string;
  attribute: string;
  period: string;
  overview: string;
  basis: string;
  necessity: string;
  safeguards: string;
  plan: string;
  overallGoal: string;
  goalImpl: string;
  goalAnnual: string;
  indicators: string;
  headings: readonly string[];
}

export const STANDARD_HEAD_LABELS: HeadLabels = {
  projectName: '项目名称',
  department: '主管部门及代码',
  unit: '实施单位',
  attribute: '项目属性',
  period: '项目期',
  overview: '项目概况',
  basis: '立项依据',
  necessity: '项目设立必要性',
  safeguards: '保证项目实施的制度、措施',
  plan: '项目实施计划',
  overallGoal: '总体目标',
  goalImpl: '实施期目标',
  goalAnnual: '年度目标',
  indicators: '绩效指标',
  headings: ['一级指标', '二级指标', '三级指标', '指标值', '二级指标', '三级指标', '指标值'],
};

export interface FormOptions {
  labels: Labels;
  head?: HeadLabels;
  /** The indicator skeleton (level 1 → level-2 categories printed even when empty). */
  skeleton?: Skeleton;
  /** The year line; `(2024年度)` by default. */
  yearLine?: (year: number) => string;
  /**
   * `header-row`: a row `实施期目标 | 年度目标` (the first label cell merged into 实施期目标), then
   * `总体目标 | goal | goal`. `rowspan`: `总体目标` spans both rows, the header sits beside it.
   */
  goals: 'header-row' | 'rowspan';
  /**
   * `inline`: the indicator header is an ordinary row of the one table. `thead`: the indicator block
   * is a second table, flush under the first, whose header row is a <thead> that Chromium repeats on
   * every page the block runs onto.
   */
  indicatorHeader: 'inline' | 'thead';
  /** Extra class on the form's wrapper, for variant CSS. */
  className?: string;
}

const COLS = 8;

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function td(text: string, attrs: { colspan?: number; rowspan?: number; cls?: string } = {}, tag = 'td'): string {
  const a = [
    attrs.colspan && attrs.colspan > 1 ? ` colspan="${attrs.colspan}"` : '',
    attrs.rowspan && attrs.rowspan > 1 ? ` rowspan="${attrs.rowspan}"` : '',
    attrs.cls ? ` class="${attrs.cls}"` : '',
  ].join('');
  return `<${tag}${a}>${escapeHtml(text)}</${tag}>`;
}

/** `1700000` → `1,700,000`; null → blank cell. */
export function formatAmount(n: number | null): string {
  return n === null ? '' : n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function fundingRows(r: TruthRecord, labels: Labels): string[] {
  const lines: Array<[string, string, keyof TruthFunding]> = [
    [labels.implTotal, labels.annualTotal, 'total'],
    [labels.central, labels.central, 'central'],
    [labels.provincial, labels.provincial, 'provincial'],
    [labels.municipal, labels.municipal, 'municipal'],
    [labels.selfRaised, labels.selfRaised, 'selfRaised'],
    [labels.other, labels.other, 'other'],
  ];
  return lines.map(([left, right, key], i) =>
    [
      i === 0 ? td(labels.funding, { rowspan: lines.length, cls: 'label' }) : '',
      td(left, { colspan: 2, cls: 'flabel' }),
      td(formatAmount(r.funding.implementation[key]), { colspan: 2, cls: 'amount' }),
      td(right, { colspan: 2, cls: 'flabel' }),
      td(formatAmount(r.funding.annual[key]), { cls: 'amount' }),
    ].join(''),
  );
}

function goalRows(r: TruthRecord, layout: FormOptions['goals'], L: HeadLabels): string[] {
  if (layout === 'rowspan') {
    return [
      td(L.overallGoal, { rowspan: 2, cls: 'label' }) + td(L.goalImpl, { colspan: 4, cls: 'head' }) + td(L.goalAnnual, { colspan: 3, cls: 'head' }),
      td(r.goals.implementation, { colspan: 4, cls: 'text' }) + td(r.goals.annual, { colspan: 3, cls: 'text' }),
    ];
  }
  return [
    td(L.goalImpl, { colspan: 5, cls: 'head' }) + td(L.goalAnnual, { colspan: 3, cls: 'head' }),
    td(L.overallGoal, { cls: 'label' }) + td(r.goals.implementation, { colspan: 4, cls: 'text' }) + td(r.goals.annual, { colspan: 3, cls: 'text' }),
  ];
}

/** The indicator body rows, without the 绩效指标 label column. */
function indicatorBodyRows(r: TruthRecord, skeleton: Skeleton | undefined): string[] {
  const rows: string[] = [];
  for (const block of indicatorsToGroups(r.indicators, skeleton)) {
    let firstOfLevel1 = true;
    for (const g of block.groups) {
      for (let k = 0; k < g.rows; k++) {
        const cells: string[] = [];
        if (firstOfLevel1) cells.push(td(block.level1, { rowspan: block.rows, cls: 'l1' }));
        firstOfLevel1 = false;
        for (const period of ['implementation', 'annual'] as const) {
          const side = g[period];
          if (k === 0) cells.push(td(side.level2, { rowspan: g.rows, cls: 'l2' }));
          const it = side.items[k];
          cells.push(td(it?.name ?? '', { cls: 'l3' }), td(it?.value ?? '', { cls: 'value' }));
        }
        rows.push(cells.join(''));
      }
    }
  }
  return rows;
}

const tr = (cells: string): string => `<tr>${cells}</tr>`;

export function formToHtml(r: TruthRecord, opts: FormOptions): string {
  const L = opts.head ?? STANDARD_HEAD_LABELS;
  const top: string[] = [
    td(L.projectName, { cls: 'label' }) + td(r.projectName, { colspan: COLS - 1, cls: 'text' }),
    td(L.department, { cls: 'label' }) +
      td(`${r.department.code}-${r.department.name}`, { colspan: 3 }) +
      td(L.unit, { cls: 'label' }) +
      td(r.implementingUnit, { colspan: 3 }),
    td(L.attribute, { cls: 'label' }) + td(r.attribute, { colspan: 3 }) + td(L.period, { cls: 'label' }) + td(r.period, { colspan: 3 }),
    ...fundingRows(r, opts.labels),
    ...(
      [
        [L.overview, r.overview],
        [L.basis, r.basis],
        [L.necessity, r.necessity],
        [L.safeguards, r.safeguards],
        [L.plan, r.plan],
      ] as const
    ).map(([label, text]) => td(label, { cls: 'label' }) + td(text, { colspan: COLS - 1, cls: 'text' })),
    ...goalRows(r, opts.goals, L),
  ];
  const body = indicatorBodyRows(r, opts.skeleton);
  const INDICATOR_HEADINGS = L.headings;
  const headCells = INDICATOR_HEADINGS.map((h) => td(h, { cls: 'head' })).join('');
  const colgroup = `<colgroup>${Array.from({ length: COLS }, (_, i) => `<col class="c${i + 1}">`).join('')}</colgroup>`;

  let tables: string;
  if (opts.indicatorHeader === 'inline') {
    const ind = [td(L.indicators, { rowspan: body.length + 1, cls: 'label' }) + headCells, ...body];
    tables = `<table class="form">${colgroup}<tbody>${[...top, ...ind].map(tr).join('\n')}</tbody></table>`;
  } else {
    // The first column of the continued block is one merged cell; its label sits in the thead.
    const [first, ...rest] = body;
    const bodyRows = [td('', { rowspan: body.length, cls: 'label' }) + (first ?? ''), ...rest];
    tables =
      `<table class="form">${colgroup}<tbody>${top.map(tr).join('\n')}</tbody></table>\n` +
      `<table class="form indicators">${colgroup}<thead>${tr(td(L.indicators, { cls: 'label' }, 'th') + INDICATOR_HEADINGS.map((h) => td(h, { cls: 'head' }, 'th')).join(''))}</thead>` +
      `<tbody>${bodyRows.map(tr).join('\n')}</tbody></table>`;
  }

  return [
    `<section class="form-page${opts.className ? ` ${opts.className}` : ''}">`,
    `<div class="title">${escapeHtml(r.title)}</div>`,
    `<div class="year">${escapeHtml(opts.yearLine ? opts.yearLine(r.year) : `(${r.year}年度)`)}</div>`,
    tables,
    `</section>`,
  ].join('\n');
}

export function documentHtml(forms: string[], css: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>项目支出绩效目标申报表</title>
<style>${css}</style></head>
<body>
${forms.join('\n')}
</body></html>
`;
}
