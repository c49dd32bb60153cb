/**
 * A drawn spreadsheet workbook for scoring runs over many records: grid, column widths, fonts,
 * sizes, wrapping, borders, number format, label wording, page and sheets from the seed.
 */
import { drawLabels } from '../varied/label-variants.ts';
import type { Rng } from '../varied/prng.ts';
import type { Workbook } from './workbooks.ts';

const FONTS = ['宋体', '仿宋', 'Noto Serif CJK SC', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'AR PL UMing CN'];

export function drawWorkbook(rng: Rng, name: string, forms: number[]): Workbook {
  const landscape = rng.chance(0.4);
  const font = rng.pick(FONTS);
  const size = rng.pick([8, 9, 10, 10.5, 11, 12]);
  const marginCm = rng.pick([1, 1.27, 1.5, 2]);
  const avail = (landscape ? 842 : 595) - 2 * (marginCm / 2.54) * 72;
  const raw = Array.from({ length: 8 }, (_, i) => (i === 0 ? 30 : 40) + rng.int(0, 60));
  const scale = (avail * (0.85 + rng.next() * 0.3)) / raw.reduce((a, b) => a + b, 0);
  const columns = raw.map((w) => Math.round(w * scale));
  const breakBetweenForms = rng.chance(0.6);
  return {
    name,
    app: rng.chance(0.35) ? 'writer' : 'calc',
    forms,
    sheets: rng.chance(0.4) ? 'per-form' : 'one',
    breakBetweenForms,
    seed: rng.int(1, 1e6),
    look: {
      grid: rng.pick(['wide', 'narrow'] as const),
      columns,
      font,
      labelFont: rng.chance(0.3) ? rng.pick(FONTS) : font,
      titleFont: rng.pick(FONTS),
      size,
      titleSize: size + rng.int(3, 8),
      labelBold: rng.chance(0.3),
      border: rng.pick(['0.5pt solid #000000', '0.75pt solid #000000', '1pt solid #000000', '0.05pt solid #000000']),
      wrapFundLabels: rng.chance(0.6),
      shrinkCentral: rng.chance(0.3),
      format: rng.pick(['#,##0', '#,##0.00'] as const),
      labels: drawLabels(rng),
      valign: rng.pick(['middle', 'top'] as const),
      emptyCategories: rng.chance(0.7),
      spacerRow: rng.chance(0.3),
      borderedTitle: rng.chance(0.25),
      yearLine: rng.pick([(y: number) => `(${y}年度)`, (y: number) => `（${y}年度）`, (y: number) => `${y}年度`]),
    },
    page: {
      width: landscape ? '29.7cm' : '21cm',
      height: landscape ? '21cm' : '29.7cm',
      landscape,
      margins: `${marginCm}cm`,
      // Scaling is set by make-office-samples once the columns are final (nobody prints half a form per page).
      fitWidth: 0,
      ...(rng.chance(0.4) ? { header: 'sheet-name' as const } : {}),
      ...(rng.chance(0.6) ? { footer: rng.pick(['page', 'page-of'] as const) } : {}),
      fonts: FONTS,
    },
  };
}
