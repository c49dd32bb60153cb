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

/**
 * Other wordings of the same labels, as other years and offices print them (`主管部门及编码`,
 * `项目周期`, `本年度资金总额`, `实施期绩效目标`, `指标值（包含数字及文字描述）`). Each pattern is
 * anchored and matched against the squashed text, so a value that merely contains such words is
 * never a label.
 */
const WORDINGS: ReadonlyArray<readonly [LabelKey, RegExp]> = [
  ['projectName', /^项目名称$/],
  ['department', /^主管(部门|单位)(及|和)?(名称)?(及|和)?(代码|编码|编号)?$/],
  ['implementingUnit', /^(项目)?(实施|执行)单位(名称)?$/],
  ['attribute', /^项目(属性|性质)$/],
  ['period', /^项目(实施)?(期|周期|期限)$/],
  ['funding', /^项目资金(来源)?(单位)?元?$/],
  ['totalImplementation', /^实施期内?资金(总额|合计|总计)$/],
  ['totalAnnual', /^(本|当)?年度资金(总额|合计|总计)$/],
  ['central', /^(其中)?中央(财政|补助)(资金)?$/],
  ['provincial', /^(其中)?省(级|本级)(财政)?(资金)?$/],
  ['municipal', /^(其中)?市(县|州)?区?级?(财政)?资金$/],
  ['selfRaised', /^(其中)?(单位)?自筹(资金)?$/],
  ['other', /^(其中)?其他(资金)?$/],
  ['overview', /^项目(概况|基本情况|简介|概述)$/],
  ['basis', /^(项目)?立项(依据|理由)$/],
  ['necessity', /^(项目)?设立(的)?必要性$/],
  ['safeguards', /^(保证|保障)项目(顺利)?实施的?(制度|管理制度)?(和|及)?措施$|^项目实施的?保障措施$/],
  ['plan', /^(项目)?实施(进度)?计划$/],
  ['overallGoal', /^总体(绩效)?目标$/],
  ['goalsImplementation', /^实施期(绩效|总体)?目标$/],
  ['goalsAnnual', /^(本|当)?年度(绩效|总体)?目标$/],
  ['valueHeader', /^(指标值|目标值|指标目标值)(包含数字及文字描述)?$/],
];

const wordingOf = (squashed: string): LabelKey | null => WORDINGS.find(([, re]) => re.test(squashed))?.[0] ?? null;

export interface LabelMatch {
  key: LabelKey;
  /** false when only a clipped or misspelt form matched: the mapper warns about it. */
  exact: boolean;
}

/** Characters that never carry a label's meaning (book-title marks among them: OCR makes them of a bracket, `市县《（区)`). */
const NOISE = /[\s（）()：:，,、。.．·\[\]［］【】「」《》〈〉<>*＊]/g;

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

/** No label or wording above is longer than this (squashed): a longer text is a value. */
const MAX_LABEL_LENGTH = 24;
/** Readings of recent texts: the mapper asks about the same cells several times. */
const memo = new Map<string, LabelMatch | null>();
const MEMO_SIZE = 4096;

/** The label a cell's text stands for, or null when it is not (unambiguously) a label. */
export function matchLabel(text: string): LabelMatch | null {
  const known = memo.get(text);
  if (known !== undefined) return known;
  if (memo.size >= MEMO_SIZE) memo.clear();
  const match = readLabel(text);
  memo.set(text, match);
  return match;
}

function readLabel(text: string): LabelMatch | null {
  const s = squashLabel(text);
  if (!s || s.length > MAX_LABEL_LENGTH) return null;
  const exact = ENTRIES.find((e) => e.form === s);
  if (exact) return { key: exact.key, exact: true };
  const worded = wordingOf(s);
  if (worded) return { key: worded, exact: true };
  // An indicator level name is no misspelt label (时效指标 is one letter from 绩效指标).
  if ((LEVEL_NAMES as readonly string[]).includes(s)) return null;
  const clipped = ENTRIES.filter(
    (e) => e.form.length - s.length <= MAX_CLIPPED && s.length >= MIN_CLIPPED_SHARE * e.form.length && e.form.startsWith(s),
  );
  // A 4-letter label may lose any one letter (OCR dropped the 立 of 立项依据): 3 letters are enough
  // then, unless they start a longer label (实施期 is 实施期目标 clipped as much as 实施周期 misread).
  const short = s.length === 3 && !ENTRIES.some((e) => e.form.startsWith(s));
  const near = clipped.length > 0 ? clipped : ENTRIES.filter((e) => (s.length >= 4 || (short && e.form.length === 4)) && editDistanceAtMostOne(s, e.form));
  const keys = new Set(near.map((e) => e.key));
  if (keys.size !== 1) return null;
  return { key: near[0]!.key, exact: false };
}

/**
 * Inside the funding block every row holds a known label, and a producer that does not wrap may
 * cut it far down (`实施期资金`, `市县（区）`, `省本级财政`). There the key word alone tells the part.
 */
const FUNDING_WORDS: ReadonlyArray<readonly [LabelKey, RegExp]> = [
  ['totalImplementation', /^实施/],
  ['totalAnnual', /^(本|当)?年/],
  ['central', /^(其中)?中|^其中$/],
  ['provincial', /^(其中)?省/],
  ['municipal', /^(其中)?[市县]/],
  ['selfRaised', /^(其中)?(单位)?自|^单位/],
  ['other', /^(其中)?其他/],
];

/** Funding labels are short; a longer text is a value, whatever word it starts with. */
const MAX_FUNDING_LABEL = 12;

/** The funding part a label cell of the funding block stands for, by its key word; null when none. */
export function fundingPartOf(text: string): LabelKey | null {
  const s = squashLabel(text);
  if (!s || s.length > MAX_FUNDING_LABEL || /\d/.test(s)) return null;
  return FUNDING_WORDS.find(([, re]) => re.test(s))?.[0] ?? null;
}

/** The closed vocabularies of the indicator block. */
export const LEVEL1_NAMES = ['产出指标', '成本指标', '效益指标', '满意度指标'] as const;
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
  // Level 2 of the 成本指标 level 1 in the Ministry of Finance template (2021 on).
  '经济成本指标',
  '社会成本指标',
  '生态环境成本指标',
] as const;

const LEVEL_NAMES = [...LEVEL1_NAMES, ...LEVEL2_NAMES];

/** Is this the form's title line? */
export const isTitle = (text: string): boolean => /绩效目标申报表/.test(squashLabel(text));

/** The year of a `(2024年度)` line, or null. */
export function yearOf(text: string): number | null {
  const m = /((?:19|20)\d{2})\s*年度?/.exec(text);
  return m ? Number(m[1]) : null;
}
