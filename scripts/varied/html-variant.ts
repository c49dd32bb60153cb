/**
 * A random print stylesheet for the HTML → Chromium family (scripts/html-samples/): font, size,
 * page, orientation, margins, column widths, padding, rule widths, alignment, page-break rules,
 * goal and indicator-header layout and label wording are drawn from the seed.
 */
import type { HeadLabels, Labels } from '../html-samples/form-html.ts';
import type { Variant } from '../html-samples/variants.ts';
import type { FormLabels } from './label-variants.ts';
import type { Rng } from './prng.ts';

const FAMILIES = ["'AR PL UMing CN', serif", "'WenQuanYi Zen Hei', sans-serif", "'WenQuanYi Micro Hei', sans-serif", "'Noto Serif CJK SC', serif", "'Noto Sans CJK SC', sans-serif"];

export function htmlLabels(L: FormLabels): { labels: Labels; head: HeadLabels } {
  return {
    labels: {
      funding: L.funding,
      implTotal: L.implTotal,
      annualTotal: L.annualTotal,
      central: L.central,
      provincial: L.provincial,
      municipal: L.municipal,
      selfRaised: L.selfRaised,
      other: L.other,
    },
    head: {
      projectName: L.projectName,
      department: L.department,
      unit: L.unit,
      attribute: L.attribute,
      period: L.period,
      overview: L.overview,
      basis: L.basis,
      necessity: L.necessity,
      safeguards: L.safeguards,
      plan: L.plan,
      overallGoal: L.overallGoal,
      goalImpl: L.goalImpl,
      goalAnnual: L.goalAnnual,
      indicators: L.indicators,
      headings: [L.level1, L.level2, L.level3, L.value, L.level2, L.level3, L.value],
    },
  };
}

export function drawHtmlVariant(rng: Rng, name: string, L: FormLabels): Variant {
  const family = rng.pick(FAMILIES);
  const labelFamily = rng.chance(0.25) ? rng.pick(FAMILIES) : family;
  const size = rng.pick([8, 8.5, 9, 9.5, 10, 10.5, 11, 12]);
  const landscape = rng.chance(0.35);
  const cols = Array.from({ length: 8 }, (_, i) => (i === 0 ? 8 + rng.int(0, 7) : 6 + rng.int(0, 14)));
  const total = cols.reduce((a, b) => a + b, 0);
  const widths = cols.map((c, i) => `col.c${i + 1} { width: ${((100 * c) / total).toFixed(2)}%; }`).join('\n');
  const border = rng.pick(['0.5pt', '1px', '0.75pt', '1pt']);
  const valign = rng.pick(['top', 'middle']);
  const mm = () => `${rng.int(8, 22)}mm`;
  const flow = rng.chance(0.4);
  const { labels, head } = htmlLabels(L);
  const css = `
body { margin: 0; font-family: ${family}; font-size: ${size}pt; line-height: ${rng.pick([1.2, 1.3, 1.4, 1.5])}; color: #000; }
${flow ? `.form-page + .form-page { margin-top: ${rng.int(8, 30)}pt; }` : '.form-page + .form-page { break-before: page; }'}
.title { text-align: center; font-size: ${size + rng.int(3, 7)}pt; ${rng.chance(0.5) ? 'font-weight: bold;' : ''} margin: 0 0 ${rng.int(2, 8)}pt; }
.year { text-align: center; margin: 0 0 ${rng.int(2, 10)}pt; }
table.form { width: ${rng.pick([100, 100, 96, 90])}%; border-collapse: collapse; table-layout: fixed; ${rng.chance(0.2) ? 'border: 1.5pt solid #000;' : ''} }
${rng.chance(0.3) ? 'table.form.indicators { border-top: none; }' : ''}
td, th { border: ${border} solid #000; padding: ${rng.pick([1, 2, 3, 4])}pt ${rng.pick([2, 3, 4, 5])}pt; vertical-align: ${valign}; overflow-wrap: anywhere; font-weight: normal; }
tr { break-inside: ${rng.pick(['avoid', 'auto'])}; }
.label, .head, .flabel, th { font-family: ${labelFamily}; ${rng.chance(0.2) ? 'background: #eee;' : ''} }
.label, .head, .l1, .l2 { text-align: ${rng.pick(['center', 'left'])}; }
.flabel, .text, .l3 { text-align: left; }
.amount { text-align: ${rng.pick(['right', 'left', 'center'])}; }
.value { text-align: ${rng.pick(['left', 'center'])}; }
${widths}
`;
  const footer = rng.chance(0.3)
    ? `<div style="width:100%;text-align:center;font-size:8pt;font-family:'WenQuanYi Zen Hei'">第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>`
    : undefined;
  const yearStyle = rng.weighted<string>([['half', 6], ['full', 2], ['bare', 1]]);
  return {
    name,
    summary: `${name}: random stylesheet`,
    form: {
      labels,
      head,
      goals: rng.pick(['header-row', 'rowspan'] as const),
      indicatorHeader: rng.chance(0.25) ? 'thead' : 'inline',
      yearLine: (y) => (yearStyle === 'half' ? `(${y}年度)` : yearStyle === 'full' ? `（${y}年度）` : `${y}年度`),
    },
    css,
    pdf: {
      format: rng.chance(0.8) ? 'A4' : 'Letter',
      landscape,
      margin: { top: mm(), right: mm(), bottom: mm(), left: mm() },
      ...(footer ? { footerTemplate: footer } : {}),
    },
  };
}
