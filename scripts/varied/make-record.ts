/**
 * One synthetic truth record for another department and year, in the shape of
 * samples/truth-2024.json. Values are what the form prints (clipped names and doubled qualifiers
 * included), and indicators come in the order a form prints them: implementation rows first, level 1
 * and level 2 in the year's skeleton order (see vocabulary.categoriesForYear), then annual rows.
 */
import type { TruthFunding, TruthIndicator, TruthRecord } from '../samples/truth.ts';
import { indicatorValue } from './indicator-values.ts';
import type { Rng } from './prng.ts';
import {
  ATTRIBUTES,
  DEPARTMENTS,
  GOAL_SENTENCES,
  INDICATOR_NAMES,
  LONG_NAMES,
  PROJECT_NAMES,
  SENTENCES,
  categoriesForYear,
} from './vocabulary.ts';

export const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026] as const;

const TITLES: ReadonlyArray<readonly [string, number]> = [
  ['山西省省级预算部门（单位）项目支出绩效目标申报表', 8],
  ['山西省省级部门预算项目支出绩效目标申报表', 1],
  ['山西省省级项目支出绩效目标申报表', 1],
];

function fill(rng: Rng, s: string, year: number, unit: string): string {
  return s
    .replace(/\{y\}/g, String(year - rng.int(0, 2)))
    .replace(/\{n\}/g, () => String(rng.weighted<number>([[rng.int(2, 20), 3], [rng.int(20, 500), 2], [rng.int(1000, 30000), 1]])))
    .replace(/\{k\}/g, () => String(rng.int(2, 18)))
    .replace(/\{p\}/g, () => rng.pick(['一', '二', '三']))
    .replace(/\{unit\}/g, unit);
}

/** A long text: a few characters to a thousand, made of whole sentences. */
function longText(rng: Rng, year: number, unit: string, pool = SENTENCES): string {
  const size = rng.weighted<string>([['phrase', 2], ['short', 4], ['medium', 5], ['long', 3], ['huge', 1]]);
  if (size === 'phrase') return rng.pick(['按需支出', '见附件', '无', '根据全年工作计划，按需支出', `${unit}职能`]);
  const n = { short: 1, medium: rng.int(2, 4), long: rng.int(5, 12), huge: rng.int(18, 30) }[size]!;
  return Array.from({ length: n }, () => fill(rng, rng.pick(pool), year, unit)).join('');
}

/** An amount in yuan: any size, sometimes with fen. */
function amount(rng: Rng): number {
  const magnitude = rng.weighted<number>([[1e4, 1], [1e5, 3], [1e6, 4], [1e7, 2], [1e8, 1], [1e9, 0.3]]);
  const base = Math.round(rng.next() * magnitude * 9 + magnitude);
  if (rng.chance(0.15)) return Math.round((base + rng.next()) * 100) / 100;
  return rng.chance(0.6) ? Math.round(base / 1000) * 1000 : base;
}

function funding(rng: Rng, total: number | null): TruthFunding {
  const f: TruthFunding = { total, central: 0, provincial: total, municipal: 0, selfRaised: 0, other: null };
  if (total === null) return { total: null, central: null, provincial: null, municipal: null, selfRaised: null, other: null };
  const split = rng.weighted<string>([['provincial', 6], ['central', 2], ['self', 1], ['blanks', 2], ['messy', 1]]);
  if (split === 'central' && total > 0) {
    f.central = Math.round(total * rng.pick([0.3, 0.5, 0.6, 0.8]));
    f.provincial = Math.round((total - f.central) * 100) / 100;
  } else if (split === 'self' && total > 0) {
    f.selfRaised = Math.round(total * 0.2);
    f.provincial = Math.round((total - f.selfRaised) * 100) / 100;
    f.other = rng.chance(0.5) ? 0 : null;
  } else if (split === 'blanks') {
    f.central = null;
    f.municipal = null;
    f.selfRaised = null;
  } else if (split === 'messy') {
    // Parts that do not add up: real forms carry such errors, and they must be read as printed.
    f.provincial = amount(rng);
    f.other = rng.chance(0.5) ? amount(rng) : 0;
  }
  return f;
}

function projectFunding(rng: Rng): TruthRecord['funding'] {
  const shape = rng.weighted<string>([['same', 6], ['multiYear', 3], ['zero', 0.5], ['blank', 0.5], ['annualAbove', 0.3]]);
  if (shape === 'blank') return { implementation: funding(rng, null), annual: funding(rng, amount(rng)) };
  if (shape === 'zero') return { implementation: funding(rng, 0), annual: funding(rng, 0) };
  const impl = amount(rng);
  if (shape === 'same') {
    const f = funding(rng, impl);
    return { implementation: f, annual: { ...f } };
  }
  const cents = (n: number) => Math.round(n * 100) / 100;
  const annual = shape === 'annualAbove' ? cents(impl + amount(rng)) : Math.round(impl / rng.int(2, 5));
  return { implementation: funding(rng, impl), annual: funding(rng, annual) };
}

/** A clipped copy: what a cell that does not wrap shows of a long string. */
const clip = (s: string, keep: number) => [...s].slice(0, keep).join('');

function indicatorName(rng: Rng, category: string): string {
  if (rng.chance(0.08)) return rng.pick(LONG_NAMES);
  const base = rng.pick(INDICATOR_NAMES[category] ?? ['其他指标']);
  return rng.chance(0.1) ? `${base}（${rng.pick(['含', '不含'])}${rng.pick(['续建', '市县', 'B类', '第2批'])}）` : base;
}

interface Row {
  level1: string;
  category: string;
  name: string;
  value: string;
}

/** Implementation rows, in skeleton order, 1–20 of them. */
function implementationRows(rng: Rng, year: number): Row[] {
  const skeleton = categoriesForYear(year);
  const count = rng.weighted<number>([[rng.int(1, 3), 1], [rng.int(4, 10), 6], [rng.int(11, 20), 2]]);
  const categories = skeleton.flatMap(([l1, cats]) => cats.map((c) => [l1, c] as const));
  // Most forms fill 数量/质量/时效 and 满意度; the rest of the categories are often empty.
  const weight = (c: string) => (/数量|质量|时效|满意度|社会效益/.test(c) ? 4 : 1);
  const picks: number[] = [];
  for (let i = 0; i < count; i++) {
    picks.push(rng.weighted(categories.map((c, k) => [k, weight(c[1])] as const)));
  }
  picks.sort((a, b) => a - b);
  return picks.map((k) => {
    const [level1, category] = categories[k]!;
    return { level1, category, name: indicatorName(rng, category), value: indicatorValue(rng, category, year) };
  });
}

/** Annual rows: mostly the implementation rows again with some changes, sometimes a fresh set. */
function annualRows(rng: Rng, impl: Row[], year: number): Row[] {
  if (rng.chance(0.2)) return implementationRows(rng, year);
  const rows: Row[] = [];
  for (const r of impl) {
    if (rng.chance(0.08)) continue; // a category left empty on the annual side
    const value = rng.chance(0.25) ? indicatorValue(rng, r.category, year) : r.value;
    // Real annual columns are narrower and often clip a long name (聘用人员覆盖处).
    const name = [...r.name].length > 7 && rng.chance(0.15) ? clip(r.name, 7) : r.name;
    rows.push({ ...r, name, value });
  }
  return rows.length > 0 ? rows : impl.slice(0, 1);
}

/** The printed level-2 label of one side of a category: mostly whole, now and then clipped. */
function level2Label(rng: Rng, category: string): string {
  if (category.length >= 7 && rng.chance(0.2)) return clip(category, category.length - rng.int(1, 2));
  return category;
}

function toIndicators(rng: Rng, rows: Row[], period: TruthIndicator['period']): TruthIndicator[] {
  const labels = new Map<string, string>();
  return rows.map((r) => {
    const key = `${r.level1}|${r.category}`;
    if (!labels.has(key)) labels.set(key, level2Label(rng, r.category));
    return { period, level1: r.level1, level2: labels.get(key)!, name: r.name, value: r.value };
  });
}

export function makeRecord(rng: Rng, year: number): TruthRecord {
  const [code, department, units] = rng.pick(DEPARTMENTS);
  const unit = rng.pick(units);
  const impl = implementationRows(rng, year);
  const annual = annualRows(rng, impl, year);
  const goalImpl = longText(rng, year, unit, GOAL_SENTENCES);
  return {
    title: rng.weighted(TITLES),
    year,
    projectName: fill(rng, rng.pick(PROJECT_NAMES), year, unit),
    department: { code, name: department },
    implementingUnit: unit,
    attribute: rng.weighted(ATTRIBUTES),
    period: rng.weighted<string>([['99年', 5], ['1年', 3], ['3年', 2], [`${year}-${year + 2}年`, 1], ['2年', 1], ['5年', 1]]),
    funding: projectFunding(rng),
    overview: longText(rng, year, unit),
    basis: longText(rng, year, unit),
    necessity: longText(rng, year, unit),
    safeguards: longText(rng, year, unit),
    plan: longText(rng, year, unit),
    goals: { implementation: goalImpl, annual: rng.chance(0.6) ? goalImpl : longText(rng, year, unit, GOAL_SENTENCES) },
    indicators: [...toIndicators(rng, impl, 'implementation'), ...toIndicators(rng, annual, 'annual')],
  };
}
