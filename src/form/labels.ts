/**
 * The form's labels, found by meaning: punctuation, spacing, full/half width, wrapping and
 * clipping (a label whose last characters the cell never printed) all still match.
 */

export const LABELS = {
  projectName: ['项目名称'],
  department: ['主管部门及代码', '主管部门及编码', '主管部门'],
  implementingUnit: ['实施单位'],
  attribute: ['项目属性'],
  period: ['项目期', '项目周期', '实施周期'],
  funding: ['项目资金元', '项目资金'],
  totalImplementation: ['实施期资金总额'],
  totalAnnual: ['年度资金总额'],
  central: ['其中中央财政资金', '中央财政资金'],
  provincial: ['省级财政资金', '其中省级财政资金'],
  municipal: ['市县区财政资金', '市县财政资金'],
  selfRaised: ['单位自筹', '单位自筹资金'],
  other: ['其他资金'],
  overview: ['项目概况'],
  basis: ['立项依据'],
  necessity: ['项目设立必要性', '项目设立的必要性'],
  safeguards: ['保证项目实施的制度措施', '保障项目实施的制度措施'],
  plan: ['项目实施计划'],
  goalsImplementation: ['实施期目标'],
  goalsAnnual: ['年度目标'],
  overallGoal: ['总体目标'],
  indicators: ['绩效指标'],
  level1Header: ['一级指标'],
  level2Header: ['二级指标'],
  level3Header: ['三级指标'],
  valueHeader: ['指标值'],
} as const;

export type LabelKey = keyof typeof LABELS;

export interface LabelMatch {
  key: LabelKey;
  /** false when only a clipped or misspelt form matched: the mapper warns about it. */
  exact: boolean;
}

/** Characters that never carry a label's meaning. */
const NOISE = /[\s（）()：:，,、。.．·\[\]［］【】「」*＊]/g;

export const squashLabel = (text: string): string => text.replace(NOISE, '');

/** A clipped label loses at most MAX_CLIPPED characters and keeps at least MIN_CLIPPED_SHARE of them. */
const MAX_CLIPPED = 2;
const MIN_CLIPPED_SHARE = 0.75;

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

const ENTRIES = Object.entries(LABELS).flatMap(([key, forms]) => forms.map((form) => ({ key: key as LabelKey, form })));

/** The label a cell's text stands for, or null when it is not (unambiguously) a label. */
export function matchLabel(text: string): LabelMatch | null {
  const s = squashLabel(text);
  if (!s) return null;
  const exact = ENTRIES.find((e) => e.form === s);
  if (exact) return { key: exact.key, exact: true };
  const clipped = ENTRIES.filter(
    (e) => e.form.length - s.length <= MAX_CLIPPED && s.length >= MIN_CLIPPED_SHARE * e.form.length && e.form.startsWith(s),
  );
  const near = clipped.length > 0 ? clipped : ENTRIES.filter((e) => s.length >= 4 && editDistanceAtMostOne(s, e.form));
  const keys = new Set(near.map((e) => e.key));
  if (keys.size !== 1) return null;
  return { key: near[0]!.key, exact: false };
}

/** The closed vocabularies of the indicator block. */
export const LEVEL1_NAMES = ['产出指标', '效益指标', '满意度指标'] as const;
export const LEVEL2_NAMES = [
  '数量指标',
  '质量指标',
  '时效指标',
  '成本指标',
  '经济效益指标',
  '社会效益指标',
  '生态效益指标',
  '可持续影响指标',
  '服务对象满意度指标',
] as const;

/** Is this the form's title line? */
export const isTitle = (text: string): boolean => /绩效目标申报表/.test(squashLabel(text));

/** The year of a `(2024年度)` line, or null. */
export function yearOf(text: string): number | null {
  const m = /((?:19|20)\d{2})\s*年度?/.exec(text);
  return m ? Number(m[1]) : null;
}
