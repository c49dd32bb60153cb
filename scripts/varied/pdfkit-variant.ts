/**
 * A random pdfkit layout (scripts/samples/layout.ts) for the varied family: page and orientation,
 * font and size, column widths, padding, rules, alignment, label wording, label overflow and
 * pagination are all drawn from the seed. Fonts may be TrueType collections: `path#PostScriptName`.
 */
import type { Align, FundKey, Layout, Overflow, RuleMode, Side, VAlign } from '../samples/layout.ts';
import { LAYOUTS, notoFont } from '../samples/layout.ts';
import type { FormLabels } from './label-variants.ts';
import type { Rng } from './prng.ts';

/** Fonts a generating machine has (Debian: fonts-noto-cjk, fonts-arphic-uming, fonts-wqy-*). */
const SYSTEM_FONTS: readonly string[] = [
  '/usr/share/fonts/truetype/arphic/uming.ttc#UMingCN',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc#WenQuanYiMicroHei',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc#WenQuanYiZenHei',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc#NotoSerifCJKsc-Regular',
];

function fonts(rng: Rng): Layout['fonts'] {
  const family = rng.weighted<string>([['noto', 3], ['system', 2]]);
  if (family === 'noto') {
    const body = notoFont(rng.pick(['300Light', '400Regular', '500Medium'] as const));
    return { title: notoFont('700Bold'), label: rng.chance(0.3) ? notoFont('700Bold') : body, value: body };
  }
  const f = rng.pick(SYSTEM_FONTS);
  return { title: f, label: f, value: f };
}

const ALIGNS: Align[] = ['left', 'center', 'right'];

function toLayoutLabels(L: FormLabels, year: number): Layout['labels'] {
  const fund = (total: string): Record<FundKey, string> => ({
    total,
    central: L.central,
    provincial: L.provincial,
    municipal: L.municipal,
    selfRaised: L.selfRaised,
    other: L.other,
  });
  return {
    title: '',
    subtitle: `(${year}年度)`,
    projectName: L.projectName,
    department: L.department,
    unit: L.unit,
    attribute: L.attribute,
    period: L.period,
    funding: L.funding,
    fund: { left: fund(L.implTotal), right: fund(L.annualTotal) },
    overview: L.overview,
    basis: L.basis,
    necessity: L.necessity,
    safeguards: L.safeguards,
    plan: L.plan,
    goalImpl: L.goalImpl,
    goalAnnual: L.goalAnnual,
    goals: L.overallGoal,
    indicators: L.indicators,
    level1: L.level1,
    level2: L.level2,
    level3: L.level3,
    value: L.value,
  };
}

export function drawPdfkitLayout(rng: Rng, id: string, labels: FormLabels): Layout {
  const landscape = rng.chance(0.35);
  const page = landscape ? { width: 841.89, height: 595.28 } : { width: 595.28, height: 841.89 };
  const m = rng.int(28, 60);
  const margins = { top: m, right: rng.int(28, 60), bottom: m, left: rng.int(28, 60) };
  const body = rng.pick([7.5, 8, 8.5, 9, 9.5, 10, 10.5, 11]);
  // Column proportions of one of the committed layouts, jittered, scaled to part of the page.
  const base = rng.pick(LAYOUTS).columns.map((w) => w * (0.75 + 0.5 * rng.next()));
  const avail = page.width - margins.left - margins.right;
  const width = avail * (0.8 + 0.2 * rng.next());
  const sum = base.reduce((a, b) => a + b, 0);
  const columns = base.map((w) => Math.max(body * 2.6, Math.round(((w * width) / sum) * 10) / 10)) as Layout['columns'];
  const scale = Math.min(1, avail / columns.reduce((a, b) => a + b, 0));
  for (let i = 0; i < 8; i++) columns[i] = Math.floor(columns[i]! * scale * 10) / 10;

  const overflow = (): Partial<Record<FundKey, Overflow>> => {
    const mode = rng.weighted<Overflow>([['wrap', 6], ['clip', 2], ['shrink', 1]]);
    const keys: FundKey[] = ['total', 'central', 'provincial', 'municipal', 'selfRaised', 'other'];
    return Object.fromEntries(keys.map((k) => [k, mode])) as Partial<Record<FundKey, Overflow>>;
  };
  const font = fonts(rng);
  const ruleMode = rng.weighted<RuleMode>([['segments', 3], ['merged', 3], ['filled', 2]]);
  const valign = (): VAlign => rng.pick(['top', 'middle'] as const);
  return {
    id,
    description: `${id}: random pdfkit layout`,
    page,
    margins,
    fonts: font,
    sizes: { title: rng.pick([12, 14, 15, 16, 18]), subtitle: rng.pick([9, 10, 11, 12]), body },
    lineHeight: rng.pick([1.2, 1.25, 1.3, 1.4, 1.5]),
    padding: { h: rng.pick([2, 2.5, 3, 4, 5]), v: rng.pick([2, 3, 4]) },
    minRowHeight: Math.round(body * (1.6 + rng.next() * 0.8)),
    columns,
    tableAlign: rng.pick(['left', 'center'] as const),
    rules: { mode: ruleMode, width: rng.pick([0.3, 0.5, 0.75, 1]), ...(rng.chance(0.15) ? { doubleOuterGap: 2 } : {}) },
    labels: toLayoutLabels(labels, 2024),
    fundOverflow: { left: overflow(), right: rng.chance(0.5) ? overflow() : {} } as Record<Side, Partial<Record<FundKey, Overflow>>>,
    align: { label: rng.pick(ALIGNS), text: rng.pick(['left', 'left', 'center'] as const), amount: rng.pick(ALIGNS), indicator: rng.pick(ALIGNS), name: rng.pick(ALIGNS) },
    valign: { label: valign(), value: valign() },
    kinsoku: rng.chance(0.5),
    // Radical code points only with Noto Sans SC, which draws them (the system fonts have no such glyphs).
    radicals: rng.chance(0.15) && font.value.includes('NotoSansSC') ? { 目: '⽬', 门: '⻔', 一: '⼀', 长: '⻓', 人: '⼈', 工: '⼯' } : null,
    // One text run for 项目期 and its value (drawn again when the value wraps, which pdfkit cannot join).
    joinPeriodRun: rng.chance(0.2),
    repeatIndicatorHeader: rng.chance(0.3),
    forms: rng.chance(0.4) ? 'flow' : 'one',
    titleGap: rng.int(4, 12),
    standardCategories: {},
  };
}
