/**
 * Rebuild the printed indicator block from a record: implementation and annual indicators side by
 * side, paired by (level 1, level-2 category, order within the category), with the standard
 * categories that have no indicator printed as a row holding only the level-2 label.
 */
import type { TruthIndicator } from '../samples/truth.ts';

/** The level-2 categories a real form prints under each level-1 heading, in printed order. */
export const STANDARD_CATEGORIES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['产出指标', ['数量指标', '质量指标', '时效指标', '成本指标']],
  ['效益指标', ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标']],
  ['满意度指标', ['服务对象满意度指标']],
];

export interface IndicatorSide {
  /** The level-2 label printed for this side of the category (as in the record, or the standard name). */
  level2: string;
  /** The level-3 rows of this side; shorter than the group when the other side has more. */
  items: Array<{ name: string; value: string }>;
}

export interface Level2Group {
  category: string;
  rows: number;
  implementation: IndicatorSide;
  annual: IndicatorSide;
}

export interface Level1Group {
  level1: string;
  groups: Level2Group[];
  rows: number;
}

export type Skeleton = ReadonlyArray<readonly [string, readonly string[]]>;

/** The standard category a printed level-2 label belongs to: equal, or a clipped prefix of it. */
function categoryOf(level1: string, level2: string, skeleton: Skeleton): string {
  const standard = skeleton.find(([l1]) => l1 === level1)?.[1] ?? [];
  return standard.find((c) => c === level2 || c.startsWith(level2)) ?? level2;
}

/** `skeleton`: the level-1 headings and level-2 categories printed even when empty, in order. */
export function indicatorsToGroups(indicators: readonly TruthIndicator[], skeleton: Skeleton = STANDARD_CATEGORIES): Level1Group[] {
  const level1Order: string[] = skeleton.map(([l1]) => l1);
  for (const i of indicators) if (!level1Order.includes(i.level1)) level1Order.push(i.level1);

  return level1Order.flatMap((level1) => {
    const mine = indicators.filter((i) => i.level1 === level1);
    const categories: string[] = [...(skeleton.find(([l1]) => l1 === level1)?.[1] ?? [])];
    if (categories.length === 0 && mine.length === 0) return [];
    for (const i of mine) {
      const c = categoryOf(level1, i.level2, skeleton);
      if (!categories.includes(c)) categories.push(c);
    }
    const groups = categories.map((category): Level2Group => {
      const side = (period: TruthIndicator['period']): IndicatorSide => {
        const items = mine.filter((i) => i.period === period && categoryOf(level1, i.level2, skeleton) === category);
        const labels = new Set(items.map((i) => i.level2));
        if (labels.size > 1) throw new Error(`${level1}/${category}: several level-2 labels ${[...labels].join(', ')}`);
        return { level2: items[0]?.level2 ?? category, items: items.map(({ name, value }) => ({ name, value })) };
      };
      const implementation = side('implementation');
      const annual = side('annual');
      return { category, implementation, annual, rows: Math.max(1, implementation.items.length, annual.items.length) };
    });
    return { level1, groups, rows: groups.reduce((n, g) => n + g.rows, 0) };
  });
}

/** Read the indicators back off the printed block the way a reader would: left group, then right. */
export function groupsToIndicators(blocks: readonly Level1Group[]): TruthIndicator[] {
  const out: TruthIndicator[] = [];
  for (const period of ['implementation', 'annual'] as const) {
    for (const b of blocks) {
      for (const g of b.groups) {
        for (const it of g[period].items) out.push({ period, level1: b.level1, level2: g[period].level2, ...it });
      }
    }
  }
  return out;
}
