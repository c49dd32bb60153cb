import { matchLabel, type LabelKey } from '../form/labels.ts';
import { tableRows } from '../form/split-forms.ts';
import type { Cell, PageLayout } from '../table/types.ts';
import { amountReading, fixConfusables, fixValueGrammar, snapToClosedSet, type TextFix } from './correct-text.ts';
import type { ScannedPage } from './prepare-scan.ts';
import { boxToRect, readRegion } from './read-regions.ts';

/** One change made to an OCR reading, kept to become a warning on the record. */
export interface OcrCorrection {
  pageNumber: number;
  raw: string;
  corrected: string;
  rule: string;
}

/** Corrections by the cell they were made in (the cells of the page layouts). */
export type CorrectionMap = Map<Cell, OcrCorrection[]>;

const FUNDING_LABELS = new Set<LabelKey>(['totalImplementation', 'totalAnnual', 'central', 'provincial', 'municipal', 'selfRaised', 'other']);
/** Only digits and separators, for amounts. */
export const AMOUNT_WHITELIST = '0123456789,.';

const isOcrCell = (c: Cell) => c.chars.some((ch) => ch.confidence !== undefined);

/** Replace a cell's text, keeping its line breaks when the length is unchanged. */
function setCellText(cell: Cell, text: string): void {
  const chars = [...text];
  const lengths = cell.lines.map((l) => [...l].length);
  if (lengths.reduce((a, b) => a + b, 0) === chars.length) {
    let k = 0;
    cell.lines = lengths.map((n) => chars.slice(k, (k += n)).join(''));
  } else {
    cell.lines = [text];
  }
  cell.text = text;
}

function apply(cell: Cell, fix: TextFix | null, pageNumber: number, out: CorrectionMap): void {
  if (!fix || fix.text === cell.text) return;
  const note: OcrCorrection = { pageNumber, raw: cell.text, corrected: fix.text, rule: fix.rule };
  (out.get(cell) ?? out.set(cell, []).get(cell)!).push(note);
  setCellText(cell, fix.text);
}

const amountValue = (s: string) => Number(s.replace(/,/g, ''));

/**
 * Correct the OCR readings of one page by what the form allows: bracket confusables; labels and
 * level 1/2 indicator names snapped to the closed set; amounts (the cell after a funding label)
 * read again with a digit whitelist; indicator-value grammar (`之80%` → `≥80%`, `≥8096` → `≥80%`).
 * Cells are changed in place; every change is returned, keyed by cell, with the raw reading.
 */
export async function correctLayout(layout: PageLayout, scan: ScannedPage): Promise<CorrectionMap> {
  const out: CorrectionMap = new Map();
  const page = layout.pageNumber;
  const scale = scan.dpi / 72;
  for (const table of layout.tables) {
    for (const cell of table.cells) {
      if (!isOcrCell(cell) || cell.text === '') continue;
      apply(cell, fixConfusables(cell.text), page, out);
      apply(cell, snapToClosedSet(cell.text), page, out);
      apply(cell, fixValueGrammar(cell.text), page, out);
    }
    const amounts: Cell[] = [];
    for (const row of tableRows(table)) {
      row.cells.forEach((cell, i) => {
        const key = matchLabel(cell.text)?.key;
        const next = row.cells[i + 1];
        if (key && FUNDING_LABELS.has(key) && row.fresh.has(cell) && next && !matchLabel(next.text) && isOcrCell(next) && !amounts.includes(next)) amounts.push(next);
      });
    }
    await Promise.all(
      amounts.map(async (cell) => {
        const reread = await readRegion(scan, boxToRect(cell.box, scale, 1), { psm: '7', whitelist: AMOUNT_WHITELIST });
        const digits = amountReading(reread.chars.map((c) => c.text).join(''));
        if (!digits) return;
        const raw = amountReading(cell.text);
        if (raw !== null && amountValue(raw) === amountValue(digits)) return;
        apply(cell, { text: digits, rule: 'amount-digits' }, page, out);
      }),
    );
  }
  return out;
}
