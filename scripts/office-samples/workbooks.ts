/**
 * The office-suite workbooks: how two different people would build these forms in a spreadsheet and
 * print them. Nothing here is chosen for what the extractor reads easily.
 */
import { REFERENCE_LABELS } from '../varied/label-variants.ts';
import type { PageSetup } from './fods.ts';
import type { Look } from './form-sheet.ts';

export interface Workbook {
  /** PDF base name. */
  name: string;
  /** A spreadsheet (Calc) or a word-processor document with one table per form (Writer). */
  app?: 'calc' | 'writer';
  /** Which forms of the truth file, in order. */
  forms: number[];
  /** One sheet with every form under the previous one, or one sheet per form. */
  sheets: 'one' | 'per-form';
  /** On one sheet: a manual page break before each form after the first. */
  breakBetweenForms: boolean;
  look: Look;
  page: PageSetup;
  /** Seed of the hand-dragged row heights. */
  seed: number;
}

const A4 = { width: '21cm', height: '29.7cm' };

export const WORKBOOKS: Workbook[] = [
  {
    // Person 1: one sheet, forms one under another with a manual page break before each; the
    // template names 宋体/黑体 (absent on the exporting machine, so LibreOffice substitutes); label
    // in column A only; everything wraps; thin borders; page footer 第 N 页，共 M 页; fit to one page wide.
    name: 'office-calc-portrait',
    forms: [0, 1, 2, 3],
    sheets: 'one',
    breakBetweenForms: true,
    seed: 2024,
    look: {
      grid: 'narrow',
      columns: [62, 44, 58, 76, 62, 58, 76, 84],
      font: '宋体',
      labelFont: '宋体',
      titleFont: '黑体',
      size: 10,
      titleSize: 16,
      labelBold: false,
      border: '0.5pt solid #000000',
      wrapFundLabels: true,
      shrinkCentral: false,
      format: '#,##0',
      labels: REFERENCE_LABELS,
      valign: 'middle',
      emptyCategories: true,
      spacerRow: false,
      yearLine: (y) => `(${y}年度)`,
    },
    page: { ...A4, landscape: false, margins: '1.5cm', fitWidth: 1, footer: 'page-of', fonts: ['宋体', '黑体'] },
  },
  {
    // Person 2: one sheet per project (sheet named after it, printed as the page header), landscape,
    // labels over two columns in bold Noto Sans CJK SC, values in Noto Serif CJK SC; the funding
    // label column is narrow and not set to wrap, so long labels are cut at the border, and
    // 其中：中央财政资金 is set to shrink to fit; amounts with two decimals; the table is a little
    // wider than the page and printed fit to width, so the export scales it down.
    name: 'office-calc-landscape-sheets',
    forms: [4, 5, 6],
    sheets: 'per-form',
    breakBetweenForms: false,
    seed: 7,
    look: {
      grid: 'wide',
      columns: [40, 56, 74, 150, 96, 92, 150, 96],
      font: 'Noto Serif CJK SC',
      labelFont: 'Noto Sans CJK SC',
      titleFont: 'Noto Sans CJK SC',
      size: 9,
      titleSize: 15,
      labelBold: true,
      border: '0.75pt solid #000000',
      wrapFundLabels: false,
      shrinkCentral: true,
      format: '#,##0.00',
      labels: { ...REFERENCE_LABELS, funding: '项目资金 (元)', implTotal: '实施期资金总额:', annualTotal: '年度资金总额:', central: '其中:中央财政资金' },
      valign: 'top',
      emptyCategories: true,
      spacerRow: true,
      yearLine: (y) => `（${y}年度）`,
    },
    page: { width: A4.height, height: A4.width, landscape: true, margins: '1.2cm', fitWidth: 1, header: 'sheet-name', footer: 'page', fonts: ['Noto Serif CJK SC', 'Noto Sans CJK SC'] },
  },
  {
    // Person 3: a word-processor document (as in Word/WPS), all seven forms, each a title and year
    // paragraph above one table, a page break before each title; rows grow with their text and
    // may break across pages (the word processor's default); 10.5 pt (Word's 五号) Noto Serif CJK SC,
    // bold labels, bold Noto Sans CJK SC title; labels over two columns; full-width labels; amounts
    // typed as text with thousands separators; footer 第 N 页 共 M 页.
    name: 'office-writer-portrait',
    app: 'writer',
    forms: [0, 1, 2, 3, 4, 5, 6],
    sheets: 'one',
    breakBetweenForms: true,
    seed: 5,
    look: {
      grid: 'wide',
      columns: [34, 50, 72, 66, 58, 72, 66, 60],
      font: 'Noto Serif CJK SC',
      labelFont: 'Noto Serif CJK SC',
      titleFont: 'Noto Sans CJK SC',
      size: 10.5,
      titleSize: 16,
      labelBold: true,
      border: '0.5pt solid #000000',
      wrapFundLabels: true,
      shrinkCentral: false,
      format: '#,##0',
      labels: REFERENCE_LABELS,
      valign: 'middle',
      emptyCategories: true,
      spacerRow: false,
      yearLine: (y) => `(${y}年度)`,
    },
    page: { ...A4, landscape: false, margins: '2cm', fitWidth: 0, footer: 'page-of', fonts: ['Noto Serif CJK SC', 'Noto Sans CJK SC'] },
  },
];
