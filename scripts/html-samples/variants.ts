/**
 * The layouts of the HTML sample family. Each is a plain stylesheet and print setting a person might
 * write for these forms; none is tuned to what the extractor finds easy.
 */
import { FULL_WIDTH_LABELS, HALF_WIDTH_LABELS, type FormOptions } from './form-html.ts';

export interface Variant {
  /** PDF base name, without `.pdf`. */
  name: string;
  /** One line for the README. */
  summary: string;
  form: FormOptions;
  css: string;
  pdf: {
    format: 'A4' | 'Letter';
    landscape: boolean;
    margin: { top: string; right: string; bottom: string; left: string };
    footerTemplate?: string;
  };
}

const colWidths = (pcts: number[]): string => pcts.map((p, i) => `col.c${i + 1} { width: ${p}%; }`).join('\n');

export const VARIANTS: Variant[] = [
  {
    name: 'html-a4-portrait-uming',
    summary:
      'AR PL UMing CN (Song/Ming) 10.5pt, A4 portrait, one form per page start (break-before: page), ' +
      'long tables run onto following pages, rows never split (tr { break-inside: avoid }), full-width labels.',
    form: { labels: FULL_WIDTH_LABELS, goals: 'header-row', indicatorHeader: 'inline' },
    pdf: { format: 'A4', landscape: false, margin: { top: '18mm', right: '15mm', bottom: '18mm', left: '15mm' } },
    css: `
body { margin: 0; font-family: 'AR PL UMing CN', serif; font-size: 10.5pt; line-height: 1.35; color: #000; }
.form-page + .form-page { break-before: page; }
.title { text-align: center; font-size: 16pt; font-weight: bold; margin: 0 0 4pt; }
.year { text-align: center; margin: 0 0 8pt; }
table.form { width: 100%; border-collapse: collapse; table-layout: fixed; }
td, th { border: 1px solid #000; padding: 2pt 3pt; vertical-align: middle; overflow-wrap: anywhere; font-weight: normal; }
tr { break-inside: avoid; }
.label, .head, .l1, .l2 { text-align: center; }
.flabel, .text, .l3 { text-align: left; }
.amount { text-align: right; }
.value { text-align: center; }
${colWidths([13, 8, 11, 18, 12, 11, 16, 11])}
`,
  },
  {
    name: 'html-a4-landscape-zenhei',
    summary:
      'WenQuanYi Zen Hei 9pt, A4 landscape, other column widths, half-width funding labels (项目资金 (元), ' +
      '实施期资金总额:), 总体目标 spanning the goal header row, forms flow one after another with no forced ' +
      'page break (a form may start mid-page), rows may split across a page break, thin 0.5pt rules, top-aligned cells.',
    form: { labels: HALF_WIDTH_LABELS, goals: 'rowspan', indicatorHeader: 'inline' },
    pdf: { format: 'A4', landscape: true, margin: { top: '10mm', right: '10mm', bottom: '10mm', left: '10mm' } },
    css: `
body { margin: 0; font-family: 'WenQuanYi Zen Hei', sans-serif; font-size: 9pt; line-height: 1.25; color: #000; }
.form-page + .form-page { margin-top: 16pt; }
.title { text-align: center; font-size: 13pt; margin: 0 0 2pt; }
.year { text-align: center; font-size: 9pt; margin: 0 0 4pt; }
table.form { width: 100%; border-collapse: collapse; table-layout: fixed; }
td, th { border: 0.5pt solid #000; padding: 1pt 2pt; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
tr { break-inside: auto; }
.amount { text-align: left; }
${colWidths([9, 6, 9, 22, 14, 9, 19, 12])}
`,
  },
  {
    name: 'html-letter-thead',
    summary:
      'US Letter portrait, values in AR PL UMing CN 11pt and labels in WenQuanYi Zen Hei, grey-filled label ' +
      'cells, 1.5pt outer frame over 0.5pt inner rules, the indicator block as a second table flush under the ' +
      'first whose <thead> header row Chromium repeats on every continuation page, page-number footer (第 N 页).',
    form: { labels: FULL_WIDTH_LABELS, goals: 'header-row', indicatorHeader: 'thead' },
    pdf: {
      format: 'Letter',
      landscape: false,
      margin: { top: '0.7in', right: '0.6in', bottom: '0.8in', left: '0.6in' },
      footerTemplate:
        '<div style="width:100%;text-align:center;font-size:8pt;font-family:\'WenQuanYi Zen Hei\'">第 <span class="pageNumber"></span> 页</div>',
    },
    css: `
body { margin: 0; font-family: 'AR PL UMing CN', serif; font-size: 11pt; line-height: 1.4; color: #000; }
.form-page + .form-page { break-before: page; }
.title { text-align: center; font-family: 'WenQuanYi Zen Hei', sans-serif; font-size: 15pt; letter-spacing: 1pt; margin: 0 0 3pt; }
.year { text-align: center; margin: 0 0 6pt; }
table.form { width: 100%; border-collapse: collapse; table-layout: fixed; border: 1.5pt solid #000; }
table.form.indicators { border-top: none; }
td, th { border: 0.5pt solid #000; padding: 3pt 4pt; vertical-align: middle; overflow-wrap: anywhere; font-weight: normal; }
.label, .head, th { font-family: 'WenQuanYi Zen Hei', sans-serif; background: #e6e6e6; text-align: center; }
.flabel { font-family: 'WenQuanYi Zen Hei', sans-serif; text-align: left; }
.l1, .l2 { text-align: center; }
.amount { text-align: right; font-variant-numeric: tabular-nums; }
.value { text-align: left; }
${colWidths([12, 8, 12, 17, 13, 12, 14, 12])}
`,
  },
  {
    name: 'html-a4-portrait-ukai',
    summary:
      'AR PL UKai CN (Kai, a brush face: its ≥ has a slanted bar, its % and 。 differ most from print faces) 11pt, ' +
      'A4 portrait, a narrow last column: the annual amounts and many indicator values wrap onto a second line.',
    form: { labels: FULL_WIDTH_LABELS, goals: 'header-row', indicatorHeader: 'inline' },
    pdf: { format: 'A4', landscape: false, margin: { top: '16mm', right: '15mm', bottom: '16mm', left: '15mm' } },
    css: `
body { margin: 0; font-family: 'AR PL UKai CN', serif; font-size: 11pt; line-height: 1.35; color: #000; }
.form-page + .form-page { break-before: page; }
.title { text-align: center; font-size: 16pt; margin: 0 0 4pt; }
.year { text-align: center; margin: 0 0 6pt; }
table.form { width: 100%; border-collapse: collapse; table-layout: fixed; }
td, th { border: 0.75pt solid #000; padding: 2pt 3pt; vertical-align: middle; overflow-wrap: anywhere; font-weight: normal; }
tr { break-inside: avoid; }
.label, .head, .l1, .l2 { text-align: center; }
.flabel, .text, .l3 { text-align: left; }
.amount { text-align: right; }
.value { text-align: left; }
${colWidths([12, 9, 13, 17, 12, 12, 17, 8])}
`,
  },
];
