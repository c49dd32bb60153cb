/**
 * The wording of the form's labels in other years and offices: the same meaning, other words and
 * punctuation (`主管部门及编码`, `项目周期`, `本年度资金总额`, `其中:中央财政资金`, `实施期绩效目标`,
 * `指标值（包含数字及文字描述）`). One set is drawn per file, as one producer uses one template.
 */
import type { Rng } from './prng.ts';

export interface FormLabels {
  projectName: string;
  department: string;
  unit: string;
  attribute: string;
  period: string;
  funding: string;
  implTotal: string;
  annualTotal: string;
  central: string;
  provincial: string;
  municipal: string;
  selfRaised: string;
  other: string;
  overview: string;
  basis: string;
  necessity: string;
  safeguards: string;
  plan: string;
  overallGoal: string;
  goalImpl: string;
  goalAnnual: string;
  indicators: string;
  level1: string;
  level2: string;
  level3: string;
  value: string;
}

/** The reference form's wording. */
export const REFERENCE_LABELS: FormLabels = {
  projectName: '项目名称',
  department: '主管部门及代码',
  unit: '实施单位',
  attribute: '项目属性',
  period: '项目期',
  funding: '项目资金（元）',
  implTotal: '实施期资金总额：',
  annualTotal: '年度资金总额：',
  central: '其中：中央财政资金',
  provincial: '省级财政资金',
  municipal: '市县（区）财政资金',
  selfRaised: '单位自筹',
  other: '其他资金',
  overview: '项目概况',
  basis: '立项依据',
  necessity: '项目设立必要性',
  safeguards: '保证项目实施的制度、措施',
  plan: '项目实施计划',
  overallGoal: '总体目标',
  goalImpl: '实施期目标',
  goalAnnual: '年度目标',
  indicators: '绩效指标',
  level1: '一级指标',
  level2: '二级指标',
  level3: '三级指标',
  value: '指标值',
};

type Choices = ReadonlyArray<readonly [string, number]>;

const VARIANTS: Partial<Record<keyof FormLabels, Choices>> = {
  department: [['主管部门及代码', 8], ['主管部门及编码', 1], ['主管部门（代码）', 1]],
  unit: [['实施单位', 9], ['项目实施单位', 1]],
  period: [['项目期', 6], ['项目周期', 2], ['项目期限', 1]],
  funding: [['项目资金（元）', 6], ['项目资金(元)', 2], ['项目资金 (元)', 2], ['项目资金', 1], ['项目资金（单位：元）', 1]],
  annualTotal: [['年度资金总额', 8], ['本年度资金总额', 1]],
  central: [['中央财政资金', 6], ['中央补助资金', 1]],
  provincial: [['省级财政资金', 8], ['省本级财政资金', 1], ['省级资金', 1]],
  municipal: [['市县（区）财政资金', 6], ['市县(区)财政资金', 2], ['市、县（区）财政资金', 1], ['市县财政资金', 1]],
  selfRaised: [['单位自筹', 6], ['单位自筹资金', 2], ['自筹资金', 1]],
  other: [['其他资金', 8], ['其他', 1]],
  overview: [['项目概况', 8], ['项目基本情况', 1]],
  basis: [['立项依据', 8], ['项目立项依据', 1]],
  necessity: [['项目设立必要性', 6], ['项目设立的必要性', 2], ['设立必要性', 1]],
  safeguards: [['保证项目实施的制度、措施', 6], ['保证项目实施的制度，措施', 1], ['保障项目实施的制度措施', 1], ['项目实施的保障措施', 1]],
  plan: [['项目实施计划', 8], ['实施计划', 1], ['项目实施进度计划', 1]],
  overallGoal: [['总体目标', 8], ['总体绩效目标', 1]],
  goalImpl: [['实施期目标', 7], ['实施期绩效目标', 2]],
  goalAnnual: [['年度目标', 7], ['年度绩效目标', 2], ['本年度目标', 1]],
  value: [['指标值', 8], ['指标值（包含数字及文字描述）', 1]],
};

/** A label set of one producer: wording and colon style drawn once. */
export function drawLabels(rng: Rng): FormLabels {
  const out = { ...REFERENCE_LABELS };
  for (const [key, choices] of Object.entries(VARIANTS) as [keyof FormLabels, Choices][]) out[key] = rng.weighted(choices);
  const colon = rng.weighted<string>([['：', 5], [':', 3], ['', 2]]);
  const prefix = rng.weighted<string>([['其中', 6], ['', 1]]);
  out.implTotal = `实施期资金总额${colon}`;
  out.annualTotal = `${out.annualTotal}${colon}`;
  out.central = prefix ? `${prefix}${colon || '：'}${out.central}` : out.central;
  return out;
}
