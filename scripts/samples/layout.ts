/**
 * A layout is everything that differs between the producers of real declaration forms: page,
 * fonts, column widths, label wording, padding, alignment, how rules are drawn, how text that does
 * not fit a label cell is handled, and how forms are paginated. The form's content never changes.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type Align = 'left' | 'center' | 'right';
export type VAlign = 'top' | 'middle';
/** What a producer does with a label wider than its cell: wrap it, cut it at the border, shrink the font. */
export type Overflow = 'wrap' | 'clip' | 'shrink';
/**
 * segments: every cell side stroked on its own (office-suite export);
 * merged: collinear sides joined into long stroked lines (browser / report engines);
 * filled: each rule a thin filled rectangle (some PDF printers).
 */
export type RuleMode = 'segments' | 'merged' | 'filled';

export type FundKey = 'total' | 'central' | 'provincial' | 'municipal' | 'selfRaised' | 'other';
export type Side = 'left' | 'right';

export interface Labels {
  title: string;
  subtitle: string;
  projectName: string;
  department: string;
  unit: string;
  attribute: string;
  period: string;
  funding: string;
  fund: Record<Side, Record<FundKey, string>>;
  overview: string;
  basis: string;
  necessity: string;
  safeguards: string;
  plan: string;
  goalImpl: string;
  goalAnnual: string;
  goals: string;
  indicators: string;
  level1: string;
  level2: string;
  level3: string;
  value: string;
}

export interface Layout {
  /** Family id, used in file names. */
  id: string;
  /** One line for the README. */
  description: string;
  page: { width: number; height: number };
  margins: { top: number; right: number; bottom: number; left: number };
  fonts: { title: string; label: string; value: string };
  sizes: { title: number; subtitle: number; body: number };
  /** Line pitch inside a cell, as a factor of the font size. */
  lineHeight: number;
  padding: { h: number; v: number };
  minRowHeight: number;
  /**
   * Eight column widths in points: C0 绩效指标 | C1 一级指标 | C2 二级指标 (left) | C3 三级指标 (left) |
   * C4 指标值 (left) | C5 二级指标 (right) | C6 三级指标 (right) | C7 指标值 (right). Every other row
   * merges these columns (labels span C0–C1, funding labels sit in C2 and C5, …).
   */
  columns: [number, number, number, number, number, number, number, number];
  tableAlign: 'left' | 'center';
  rules: { mode: RuleMode; width: number; doubleOuterGap?: number };
  labels: Labels;
  /** Overflow handling of the funding label cells, per side and line. */
  fundOverflow: Record<Side, Partial<Record<FundKey, Overflow>>>;
  align: { label: Align; text: Align; amount: Align; indicator: Align; name: Align };
  valign: { label: VAlign; value: VAlign };
  /** Keep closing punctuation off the start of a line, as WPS / Word do. */
  kinsoku: boolean;
  /** Characters written to the text layer as radical code points (same glyph). */
  radicals: Record<string, string> | null;
  /** Draw the 项目期 label and its value as ONE text run crossing the cell border. */
  joinPeriodRun: boolean;
  /** Repeat the indicator header row when the indicator block continues on a new page. */
  repeatIndicatorHeader: boolean;
  /** one: each form starts a page; flow: a form may start below the previous one. */
  forms: 'one' | 'flow';
  /** Space between title lines and between the subtitle and the table. */
  titleGap: number;
  /** Level-2 categories printed even when a side has no indicator in them. */
  standardCategories: Record<string, string[]>;
}

const require = createRequire(import.meta.url);
const notoDir = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
export function notoFont(weight: '300Light' | '400Regular' | '500Medium' | '700Bold'): string {
  return join(notoDir, weight, `NotoSansSC_${weight}.ttf`);
}

const A4: { width: number; height: number } = { width: 595.28, height: 841.89 };
const A4_LANDSCAPE = { width: A4.height, height: A4.width };

const STANDARD_CATEGORIES: Record<string, string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
};

function fundLabels(totalColon: string, centralPrefix: string, sideTotals: [string, string]): Labels['fund'] {
  const rest = {
    central: `${centralPrefix}中央财政资金`,
    provincial: '省级财政资金',
    municipal: '市县（区）财政资金',
    selfRaised: '单位自筹',
    other: '其他资金',
  };
  return {
    left: { total: `${sideTotals[0]}${totalColon}`, ...rest },
    right: { total: `${sideTotals[1]}${totalColon}`, ...rest },
  };
}

const STANDARD_LABELS: Labels = {
  title: '山西省省级预算部门（单位）项目支出绩效目标申报表',
  subtitle: '(2024年度)',
  projectName: '项目名称',
  department: '主管部门及代码',
  unit: '实施单位',
  attribute: '项目属性',
  period: '项目期',
  funding: '项目资金（元）',
  fund: fundLabels('：', '其中：', ['实施期资金总额', '年度资金总额']),
  overview: '项目概况',
  basis: '立项依据',
  necessity: '项目设立必要性',
  safeguards: '保证项目实施的制度、措施',
  plan: '项目实施计划',
  goalImpl: '实施期目标',
  goalAnnual: '年度目标',
  goals: '总体目标',
  indicators: '绩效指标',
  level1: '一级指标',
  level2: '二级指标',
  level3: '三级指标',
  value: '指标值',
};

/**
 * A: an office-suite export. A4 portrait, 10 pt regular, each cell side stroked on its own,
 * everything vertically centred, amounts right-aligned. The left funding label column is too
 * narrow for nine characters, so `市县（区）财政资金` wraps to `市县（区）财政资` / `金`; the
 * `其中：中央财政资金` cell has "shrink to fit" and prints in a smaller size instead.
 */
export const portraitSong: Layout = {
  id: 'portrait-song',
  description: 'A4 portrait, 10 pt Noto Sans SC Regular, office-suite column widths, per-cell stroked rules',
  page: A4,
  margins: { top: 48, right: 40, bottom: 48, left: 40 },
  fonts: { title: notoFont('700Bold'), label: notoFont('400Regular'), value: notoFont('400Regular') },
  sizes: { title: 15, subtitle: 11, body: 10 },
  lineHeight: 1.3,
  padding: { h: 3, v: 4 },
  minRowHeight: 20,
  columns: [32, 50, 88, 66, 58, 98, 66, 57],
  tableAlign: 'center',
  rules: { mode: 'segments', width: 0.75 },
  labels: STANDARD_LABELS,
  fundOverflow: { left: { central: 'shrink' }, right: {} },
  align: { label: 'center', text: 'left', amount: 'right', indicator: 'center', name: 'center' },
  valign: { label: 'middle', value: 'middle' },
  kinsoku: false,
  radicals: null,
  joinPeriodRun: false,
  repeatIndicatorHeader: false,
  forms: 'one',
  titleGap: 8,
  standardCategories: STANDARD_CATEGORIES,
};

/**
 * B: a report engine printing all forms into one landscape file. Medium weight, half-width label
 * punctuation, funding label cells that do not wrap (the last character of `市县（区）财政资金`
 * falls outside the cell and is never printed), long rules joined across cells, rows that do
 * not fit move whole to the next page and the table continues without a header.
 */
export const landscapeMedium: Layout = {
  id: 'landscape-medium',
  description: 'A4 landscape, 10.5 pt Noto Sans SC Medium, half-width label punctuation, clipped funding label, merged stroked rules',
  page: A4_LANDSCAPE,
  margins: { top: 36, right: 36, bottom: 36, left: 36 },
  fonts: { title: notoFont('500Medium'), label: notoFont('500Medium'), value: notoFont('500Medium') },
  sizes: { title: 16, subtitle: 11, body: 10.5 },
  lineHeight: 1.35,
  padding: { h: 3, v: 3 },
  minRowHeight: 19,
  columns: [40, 64, 95, 160, 110, 104, 110, 86],
  tableAlign: 'left',
  rules: { mode: 'merged', width: 0.5 },
  labels: {
    ...STANDARD_LABELS,
    funding: '项目资金 (元)',
    fund: fundLabels(':', '其中:', ['实施期资金总额', '年度资金总额']),
  },
  fundOverflow: {
    left: { total: 'clip', central: 'clip', provincial: 'clip', municipal: 'clip', selfRaised: 'clip', other: 'clip' },
    right: { total: 'clip', central: 'clip', provincial: 'clip', municipal: 'clip', selfRaised: 'clip', other: 'clip' },
  },
  align: { label: 'center', text: 'left', amount: 'center', indicator: 'left', name: 'left' },
  valign: { label: 'middle', value: 'middle' },
  kinsoku: true,
  radicals: null,
  joinPeriodRun: false,
  repeatIndicatorHeader: false,
  forms: 'one',
  titleGap: 10,
  standardCategories: STANDARD_CATEGORIES,
};

/**
 * C: a compact print. 8 pt light, a narrow table (long texts wrap over many lines), rules as thin
 * filled rectangles, a text layer that names several common ideographs by their radical code
 * points, the 项目期 label and value emitted as one text run across the border, and forms that
 * start on the same page below the previous one when they fit.
 */
export const compactLight: Layout = {
  id: 'compact-light',
  description: 'A4 portrait, 8 pt Noto Sans SC Light, narrow table, filled-rectangle rules, radical code points, label+value in one run, several forms per page',
  page: A4,
  margins: { top: 40, right: 40, bottom: 40, left: 60 },
  fonts: { title: notoFont('400Regular'), label: notoFont('300Light'), value: notoFont('300Light') },
  sizes: { title: 12, subtitle: 9, body: 8 },
  lineHeight: 1.25,
  padding: { h: 2.5, v: 2.5 },
  minRowHeight: 14,
  columns: [26, 44, 62, 64, 50, 62, 62, 50],
  tableAlign: 'left',
  rules: { mode: 'filled', width: 0.4 },
  labels: STANDARD_LABELS,
  fundOverflow: { left: {}, right: {} },
  align: { label: 'center', text: 'left', amount: 'left', indicator: 'left', name: 'left' },
  valign: { label: 'middle', value: 'top' },
  kinsoku: true,
  radicals: { 目: '⽬', 门: '⻔', 一: '⼀', 长: '⻓', 人: '⼈', 工: '⼯' },
  joinPeriodRun: true,
  repeatIndicatorHeader: false,
  forms: 'flow',
  titleGap: 5,
  standardCategories: STANDARD_CATEGORIES,
};

/**
 * D: a second office suite. 9 pt, bold labels, values top-aligned, a double rule around the table,
 * label wording without colons, and the indicator header repeated on a continuation page.
 */
export const portraitDouble: Layout = {
  id: 'portrait-double',
  description: 'A4 portrait, 9 pt, bold labels, top-aligned values, double outer rule, indicator header repeated on continuation pages',
  page: A4,
  margins: { top: 56, right: 48, bottom: 56, left: 48 },
  fonts: { title: notoFont('700Bold'), label: notoFont('700Bold'), value: notoFont('400Regular') },
  sizes: { title: 14, subtitle: 10, body: 9 },
  lineHeight: 1.4,
  padding: { h: 4, v: 4 },
  minRowHeight: 18,
  columns: [30, 52, 74, 76, 60, 90, 60, 57],
  tableAlign: 'center',
  rules: { mode: 'segments', width: 0.5, doubleOuterGap: 2 },
  labels: {
    ...STANDARD_LABELS,
    funding: '项目资金(元)',
    fund: fundLabels('', '其中：', ['实施期资金总额', '年度资金总额']),
  },
  fundOverflow: { left: {}, right: {} },
  align: { label: 'center', text: 'left', amount: 'right', indicator: 'left', name: 'left' },
  valign: { label: 'middle', value: 'top' },
  kinsoku: true,
  radicals: null,
  joinPeriodRun: false,
  repeatIndicatorHeader: true,
  forms: 'one',
  titleGap: 6,
  standardCategories: STANDARD_CATEGORIES,
};

export const LAYOUTS = [portraitSong, landscapeMedium, compactLight, portraitDouble];

/** Table width and the x of each column boundary (9 values) for a layout. */
export function columnEdges(layout: Layout): number[] {
  const width = layout.columns.reduce((a, b) => a + b, 0);
  const avail = layout.page.width - layout.margins.left - layout.margins.right;
  if (width > avail + 0.01) throw new Error(`${layout.id}: table is ${width} pt wide, page has ${avail} pt`);
  const x0 = layout.tableAlign === 'center' ? layout.margins.left + (avail - width) / 2 : layout.margins.left;
  const edges = [x0];
  for (const w of layout.columns) edges.push(edges[edges.length - 1]! + w);
  return edges;
}
