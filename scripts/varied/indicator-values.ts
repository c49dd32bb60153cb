/**
 * Indicator values (指标值) of every grammar kind FORM.md lists, as real forms print them:
 * comparator + number + unit (`≥95%`, `≤3个月`, `=100%`, `1,200人次`, `5.5万元/人`, `≥1次/月`),
 * plain words (`按时完成`, `显著提升`), qualifier phrases (`符合国家标准`) and the qualifier printed
 * twice (`符合符合政府采购标准`, `完成年内完成`).
 */
import type { Rng } from './prng.ts';

const UNITS: Readonly<Record<string, readonly string[]>> = {
  数量指标: ['个', '场', '次', '人', '人次', '台', '份', '卷', '期', '万人次', '套', '个'],
  质量指标: ['%'],
  时效指标: ['个月', '天', '日', '小时', '年', '%'],
  成本指标: ['万元', '元', '万元/人', '元/次', '元/台', '万元/年'],
  经济成本指标: ['万元', '元/平方米', '万元/公里', '元/人'],
  社会成本指标: ['%', '次'],
  生态环境成本指标: ['%', '吨'],
  经济效益指标: ['万元', '亿元', '%'],
  社会效益指标: ['%', '人次', '个', '万人'],
  生态效益指标: ['%', '天', '吨'],
  可持续影响指标: ['年', '%', '个'],
  服务对象满意度指标: ['%'],
};

const WORDS: readonly string[] = [
  '按时完成', '年内完成', '显著提升', '有所提高', '按需支出', '良好', '优', '逐步完善', '长期',
  '12个月内完成', '90%以上', '不低于90%', '不高于市场价格', '明显改善', '有效保障', '稳步提升',
  '{y}年12月底前', '及时', '持续发挥作用', '降低', '无', '是',
];

const QUALIFIED: readonly string[] = [
  '符合国家标准', '符合政府采购标准', '符合市场价格', '满足工作需要', '满足日常办公需要',
  '达到预期目标', '达到国家二级标准', '保障正常运转', '保障系统安全稳定运行', '完成年度任务', '完成',
];

/** Qualifier phrases printed with the qualifier word doubled or with another word in front. */
const DOUBLED: readonly string[] = [
  '符合符合政府采购标准', '符合符合相关标准', '满足满足需要', '完成年内完成', '保障能够保障全年正常需要',
  '达到达到预期效果', '符合不高于市场价格',
];

const COMPARATORS: ReadonlyArray<readonly [string, number]> = [
  ['≥', 10], ['≤', 3], ['=', 2], ['', 4], ['>', 1], ['<', 1], ['＞', 0.3], ['≧', 0.2], ['＝', 0.2], ['>=', 0.2],
];

function number(rng: Rng, unit: string): string {
  if (unit === '%') return rng.pick(['100', '95', '90', '85', '98.5', '99.9', '80', '60', '5', '0.5']);
  const n = rng.weighted<number>([[rng.int(1, 12), 5], [rng.int(10, 999), 4], [rng.int(1000, 99999), 1]]);
  const decimals = /元|万|亿|吨/.test(unit) && rng.chance(0.3) ? `.${rng.int(1, 99)}`.replace(/0$/, '') : '';
  const grouped = n >= 1000 && rng.chance(0.6) ? n.toLocaleString('en-US') : String(n);
  return grouped + decimals;
}

export function indicatorValue(rng: Rng, category: string, year: number): string {
  const kind = rng.weighted<string>([['quantity', 14], ['word', 3], ['qualified', 2], ['doubled', 1]]);
  if (kind === 'word') return rng.pick(WORDS).replace('{y}', String(year));
  if (kind === 'qualified') return rng.pick(QUALIFIED);
  if (kind === 'doubled') return rng.pick(DOUBLED);
  const unit = rng.pick(UNITS[category] ?? ['%']);
  const op = category === '服务对象满意度指标' || unit === '%' ? rng.weighted<string>([['≥', 8], ['=', 1], ['', 1], ['>', 0.3]]) : rng.weighted(COMPARATORS);
  // Now and then a unit is left off, as some forms print bare numbers.
  return `${op}${number(rng, unit)}${rng.chance(0.05) ? '' : unit}`;
}
