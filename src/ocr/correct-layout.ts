import { matchLabel, type LabelKey } from '../form/labels.ts';
import { tableRows } from '../form/split-forms.ts';
import { charsToLines } from '../table/text-lines.ts';
import type { Cell, PageLayout } from '../table/types.ts';
import { fixTotalBySum, type ReadAmount } from './amount-sums.ts';
import { classifyComparator } from './comparator-glyph.ts';
import { amountReading, fixAmountSeparators, fixConfusables, fixDotAsFullStop, fixStrayCloser, fixQuotePairs, fixDocumentSerial, fixDocumentYear, fixKnownMisreads, fixPercentEcho, fixValueGrammar, snapToClosedSet, type TextFix } from './correct-text.ts';
import { LOW_CONFIDENCE } from './ocr-warnings.ts';
import { countInk, firstInkRun, type PixelRect } from './gray-image.ts';
import type { ScannedPage } from './prepare-scan.ts';
import { isOcrCell } from './cell-glyphs.ts';
import { checkDashAsOne } from './dash-as-one.ts';
import { checkDocumentBrackets } from './document-brackets.ts';
import { checkPercentEcho } from './percent-echo.ts';
import { checkPhantomGlyph } from './phantom-glyph.ts';
import { checkPunctuation } from './punctuation-glyph.ts';
import { checkWrappedFullStop } from './wrapped-full-stop.ts';
import { AMOUNT_GLYPH_PX, readAmountText, voteAmount } from './amount-vote.ts';
import { boxToRect, hasInk, readRegion, type RegionReading } from './read-regions.ts';

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

/** The rule of a note for a cell that holds ink but gave no text. */
export const UNREADABLE = 'unreadable';

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

/** Note a correction (or a doubt, its text unchanged) on a cell. */
function addNote(out: CorrectionMap, cell: Cell, note: OcrCorrection): void {
  (out.get(cell) ?? out.set(cell, []).get(cell)!).push(note);
}

/** Make a correction on a cell and note it (nothing when there is none, or it changes nothing). */
export function applyFix(cell: Cell, fix: TextFix | null, pageNumber: number, out: CorrectionMap): void {
  if (!fix || fix.text === cell.text) return;
  addNote(out, cell, { pageNumber, raw: cell.text, corrected: fix.text, rule: fix.rule });
  setCellText(cell, fix.text);
}

const amountValue = (s: string) => Number(s.replace(/,/g, ''));
const textOf = (r: RegionReading) => r.chars.map((c) => c.text).join('');

/** Reads the text in a rectangle of the page (pixels); see checkComparator. */
export type ReadRect = (rect: PixelRect) => Promise<string>;

/** A department's code joined to its name (`231-山西省…`). */
const CODE_AND_NAME = /^\d+\s*[-－—–]\s*\p{Script=Han}/u;

/** Ink smaller than this (pixels) before a value is a speck of the scan, not its first glyph (classifyComparator passes over it too). */
const SPECK_PX = 12;

/** The first run of columns in `band` holding a glyph's worth of ink: runs of a speck or two passed over. */
function firstGlyphRun(ink: ScannedPage['ink'], band: PixelRect): PixelRect | null {
  for (let x = band[0]; x < band[2]; ) {
    const run = firstInkRun(ink, [x, band[1], band[2], band[3]]);
    if (!run || countInk(ink, run) >= SPECK_PX) return run;
    x = run[2];
  }
  return null;
}

/**
 * A value that starts with a number (or a `1` look-alike), or with one or two glyphs before one:
 * look at the first glyph itself. A chevron there is a comparator, whatever the model read —
 * nothing (`≥200天` read `200天`), other characters (`亏4场`, `和肥5.5万元/人`), a digit
 * (`≥2个` read `22个`), or `>` for `≥` — and its shape says which. It replaces what was read
 * before the number; when the reading starts with a digit, which may be the comparator's own
 * ink or the number's, the ink after the comparator is read again alone (`readRest`).
 */
export async function checkComparator(cell: Cell, scan: Pick<ScannedPage, 'ink' | 'dpi'>, readRest: ReadRect): Promise<TextFix | null> {
  // (`]`, `|`, `l`, `I`, `丨`: the model's readings of a `1`, see fixValueGrammar)
  const m = /^([^\d\s]{0,2})[\d\]|lI丨]/u.exec(cell.text);
  // a code joined to a name (the department's `231-山西省…`) is no value: its first digit's ink may look like a chevron
  if (!m || CODE_AND_NAME.test(cell.text)) return null;
  const line = charsToLines(cell.chars)[0];
  if (!line) return null;
  const scale = scan.dpi / 72;
  const cellRect = boxToRect(cell.box, scale, 1);
  const band: PixelRect = [cellRect[0], Math.floor(line.box[1] * scale) - 2, cellRect[2], Math.ceil(line.box[3] * scale) + 2];
  const glyphRect = firstGlyphRun(scan.ink, band);
  if (!glyphRect) return null;
  const glyph = classifyComparator(scan.ink, glyphRect);
  if (!glyph) return null;
  // an equals sign read beyond the chevron's ink is its own glyph: `>=` spelled out
  const lead = line.chars.slice(0, m[1]!.length);
  const spelled = lead.map((c) => c.text).join('') === m[1] ? lead.filter((c) => /^[=＝]$/.test(c.text) && ((c.box[0] + c.box[2]) / 2) * scale >= glyphRect[2]) : [];
  let rest = spelled.map((c) => c.text).join('') + cell.text.slice(m[1]!.length);
  if (m[1] === '' && cell.lines.length === 1) {
    const again = (await readRest([glyphRect[2], band[1], band[2], band[3]])).replace(/\s+/g, '');
    if (/^\d/.test(again)) rest = again;
  }
  const text = glyph + rest;
  return text === cell.text ? null : { text, rule: 'comparator-glyph' };
}

/**
 * Correct the OCR readings of one page by what the form allows: bracket confusables; labels and
 * level 1/2 indicator names snapped to the closed set; amounts (the cell after a funding label)
 * read again with a digit whitelist at two or three glyph sizes and taken as they agree
 * (voteAmount); indicator-value grammar (`之80%` → `≥80%`, `≥8096` → `≥80%`).
 * Cells are changed in place; every change is returned, keyed by cell, with the raw reading.
 */
export async function correctLayout(layout: PageLayout, scan: ScannedPage): Promise<CorrectionMap> {
  const out: CorrectionMap = new Map();
  const page = layout.pageNumber;
  const scale = scan.dpi / 72;
  const readText: ReadRect = async (rect) => textOf(await readRegion(scan, rect, { psm: '7' }));
  for (const table of layout.tables) {
    for (const cell of table.cells) {
      if (cell.text === '' && hasInk(scan, boxToRect(cell.box, scale, 1))) {
        // ink the model read nothing from: the field stays empty, and a reviewer is told
        addNote(out, cell, { pageNumber: page, raw: '', corrected: '', rule: UNREADABLE });
        continue;
      }
      if (!isOcrCell(cell) || cell.text === '') continue;
      // glyphs read from ink that belongs to another: each check sees the cell the one before left
      for (const check of [() => checkPhantomGlyph(cell, scan), () => checkPercentEcho(cell, scan)]) {
        const dropping = check();
        if (!dropping) continue;
        applyFix(cell, dropping, page, out);
        cell.chars = cell.chars.filter((c) => !dropping.dropped.includes(c));
      }
      const wrapped = checkWrappedFullStop(cell, scan);
      if (wrapped) {
        applyFix(cell, wrapped, page, out);
        cell.chars = [...cell.chars.filter((c) => c !== wrapped.dropped), wrapped.added];
      }
      const one = checkDashAsOne(cell);
      if (one) {
        applyFix(cell, one, page, out);
        cell.chars = [...cell.chars.filter((c) => !one.dropped.includes(c)), ...one.added];
      }
      const brackets = checkDocumentBrackets(cell, scan);
      if (brackets) {
        applyFix(cell, brackets, page, out);
        cell.chars = brackets.chars;
      }
      applyFix(cell, fixConfusables(cell.text), page, out);
      applyFix(cell, fixStrayCloser(cell.text), page, out);
      applyFix(cell, fixQuotePairs(cell.text), page, out);
      applyFix(cell, fixKnownMisreads(cell.text), page, out);
      applyFix(cell, snapToClosedSet(cell.text), page, out);
      applyFix(cell, await checkComparator(cell, scan, readText), page, out);
      applyFix(cell, fixValueGrammar(cell.text), page, out);
      applyFix(cell, fixPercentEcho(cell.text), page, out);
      applyFix(cell, fixDocumentYear(cell.text), page, out);
      applyFix(cell, checkPunctuation(cell, scan), page, out);
      // after the ink check, which tells a comma's head read as a dot from a full stop
      applyFix(cell, fixDotAsFullStop(cell.text), page, out);
      // after the ink checks: a change of length leaves the glyphs no longer lined up with the text
      applyFix(cell, fixDocumentSerial(cell.text), page, out);
    }
    const amounts: Cell[] = [];
    const keyOf = new Map<Cell, LabelKey>();
    for (const row of tableRows(table)) {
      row.cells.forEach((cell, i) => {
        const key = matchLabel(cell.text)?.key;
        const next = row.cells[i + 1];
        // an amount cell: read by OCR, or holding ink the first reading gave nothing for (a lone `0`)
        const amountCell = next && (isOcrCell(next) || out.get(next)?.some((n) => n.rule === UNREADABLE));
        if (key && FUNDING_LABELS.has(key) && row.fresh.has(cell) && next && amountCell && !matchLabel(next.text) && !amounts.includes(next)) {
          amounts.push(next);
          keyOf.set(next, key);
        }
      });
    }
    await Promise.all(
      amounts.map(async (cell) => {
        applyFix(cell, fixAmountSeparators(cell.text), page, out);
        const rect = boxToRect(cell.box, scale, 1);
        // an amount wrapped in a narrow column (`3,803,0` over `93`) is read line by line, joined
        const psm = cell.lines.length > 1 ? '6' : '7';
        const readDigits = (glyphPx?: number) => readRegion(scan, rect, { psm, whitelist: AMOUNT_WHITELIST, glyphPx });
        const [natural, small] = await Promise.all([readDigits(), readDigits(AMOUNT_GLYPH_PX.small)]);
        const readings = [natural, small].map(textOf);
        let vote = voteAmount(readings);
        if (!vote) {
          readings.push(textOf(await readDigits(AMOUNT_GLYPH_PX.middle)));
          vote = voteAmount(readings);
        }
        // no two sizes agree: the smallest reads digits best (see amount-vote.ts)
        const chosen = vote?.text ?? readAmountText(readings[1]!) ?? readAmountText(readings[0]!);
        if (!chosen) return;
        if (cell.chars.length === 0) {
          // the digit-only readings found what the first one missed: theirs are the cell's glyphs now
          out.set(cell, (out.get(cell) ?? []).filter((n) => n.rule !== UNREADABLE));
          cell.chars = (small.chars.length > 0 ? small : natural).chars;
        }
        const raw = amountReading(cell.text);
        const same = raw !== null && amountValue(raw) === amountValue(chosen);
        const sizes = `digits only at its own size: ${readings[0] || 'nothing'}; at ${AMOUNT_GLYPH_PX.small} px: ${readings[1] || 'nothing'}` + (readings[2] === undefined ? '' : `; at ${AMOUNT_GLYPH_PX.middle} px: ${readings[2] || 'nothing'}`);
        if (vote) {
          if (!same) applyFix(cell, { text: chosen, rule: `amount-vote: ${vote.by === 'readings' ? 'two readings agree' : 'two of three readings agree on each digit'} (${sizes})` }, page, out);
          return;
        }
        // no agreement is said even when the first reading stands: a reviewer checks it, and the sum checks do not lean on it
        const rule = `amount-disagrees: no two readings agree (${sizes})`;
        if (same) addNote(out, cell, { pageNumber: page, raw: cell.text, corrected: cell.text, rule });
        else applyFix(cell, { text: chosen, rule }, page, out);
      }),
    );
    checkTotals(keyOf, page, out);
  }
  return out;
}

const readAmount = (cell: Cell): ReadAmount => ({ text: cell.text, confidence: Math.min(1, ...cell.chars.map((c) => c.confidence ?? 1)) });

/** Each period's total against the sum of the parts printed under it (same column): see fixTotalBySum. */
function checkTotals(keyOf: ReadonlyMap<Cell, LabelKey>, page: number, out: CorrectionMap): void {
  const isTotal = (k: LabelKey) => k === 'totalImplementation' || k === 'totalAnnual';
  const totals = [...keyOf].filter(([, k]) => isTotal(k)).map(([c]) => c);
  const partsOf = (total: Cell) => [...keyOf].filter(([c, k]) => !isTotal(k) && c.col === total.col && c.box[1] > total.box[1]).map(([c]) => c);
  // a part whose digit-only readings do not agree is no firm ground
  const disputed = (cells: Cell[]) => cells.some((c) => out.get(c)?.some((n) => n.rule.startsWith('amount-disagrees')));
  const columns = totals.map((total) => ({ total, parts: partsOf(total) }));
  for (const { total, parts } of columns) {
    if (disputed(parts)) continue;
    const other = columns.find((c) => c.total !== total && !disputed(c.parts));
    const column = { total: readAmount(total), parts: parts.map(readAmount) };
    const otherColumn = other && { total: readAmount(other.total), parts: other.parts.map(readAmount) };
    applyFix(total, fixTotalBySum(column, LOW_CONFIDENCE, otherColumn), page, out);
  }
}
