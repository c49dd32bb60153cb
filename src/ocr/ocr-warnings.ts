import type { FormDraft } from '../form/draft.ts';
import type { FormChunk } from '../form/split-forms.ts';
import { roundBox } from '../geometry.ts';
import type { RecordWarning } from '../schema/record.ts';
import type { Cell } from '../table/types.ts';
import { UNREADABLE, type CorrectionMap } from './correct-layout.ts';
import { suspectWarnings } from './ocr-checks.ts';

/** The single-valued fields every form fills in, and the amounts whose label every form prints. */
const EXPECTED_FIELDS = ['year', 'projectName', 'department.code', 'department.name', 'implementingUnit', 'attribute', 'period'] as const;
const FUNDING_FIELDS = ['implementation', 'annual'].flatMap((p) => ['total', 'central', 'provincial', 'municipal', 'selfRaised', 'other'].map((k) => `funding.${p}.${k}`));

/** A field of the draft by its path as in provenance (`department.code`, `indicators[3].value`). */
const fieldValue = (draft: FormDraft, field: string): unknown =>
  field.split('.').reduce<unknown>((v, k) => {
    const m = /^(\w+)\[(\d+)\]$/.exec(k);
    const o = v as Record<string, unknown> | null | undefined;
    return m ? (o?.[m[1]!] as unknown[] | undefined)?.[Number(m[2])] : o?.[k];
  }, draft);

/**
 * On a form read by OCR, a field every form fills in that came out empty, or an amount whose
 * label was never found, may be a misread label or an unreadable cell: say so.
 */
function missingOnOcrPages(draft: FormDraft): RecordWarning[] {
  const out: RecordWarning[] = [];
  for (const field of [...EXPECTED_FIELDS, ...LONG_TEXTS]) {
    const v = fieldValue(draft, field);
    if (v === null || v === undefined || v === '') {
      out.push({ code: 'ocr-low-confidence', field, message: 'No value was read for this field from a page read by OCR: its label or value may be misread; check the page.' });
    }
  }
  for (const field of FUNDING_FIELDS) {
    if (!draft.provenance[field]) {
      out.push({ code: 'ocr-low-confidence', field, message: 'The label of this amount was not found on a page read by OCR; check the page.' });
    }
  }
  return out;
}

/** A field read by OCR with a confidence under this (the lowest word confidence in its cell) gets a warning. */
export const LOW_CONFIDENCE = 0.8;
/**
 * The same for the long texts: a misread character in a text of many words costs its word
 * little confidence (measured on scans: misread texts' lowest word confidences reached 0.84),
 * and one wrong character makes the whole text wrong.
 */
export const LOW_CONFIDENCE_TEXT = 0.86;
const LONG_TEXTS = new Set(['overview', 'basis', 'necessity', 'safeguards', 'plan', 'goals.implementation', 'goals.annual']);
/** Brackets are what the model reads worst (〈 for （, one dropped or put a character off): a field holding one is held to the higher bar. */
const BRACKET = /[()（）〈〉《》[\]［］【】]/;
const thresholdOf = (draft: FormDraft, field: string) => {
  const v = fieldValue(draft, field);
  return LONG_TEXTS.has(field) || (typeof v === 'string' && BRACKET.test(v)) ? LOW_CONFIDENCE_TEXT : LOW_CONFIDENCE;
};

const sameBox = (a: readonly number[], b: readonly number[]) => a.every((v, i) => v === b[i]);

/**
 * The OCR warnings of one form: `ocr-corrected` for every correction made in its cells (with
 * the raw reading, on each field read from that cell, or without a field for a label), and
 * `ocr-low-confidence` for every field whose cell was read with a confidence under LOW_CONFIDENCE
 * (LOW_CONFIDENCE_TEXT for the long texts) or holds ink that gave no text, and `ocr-suspect` for
 * readings the form's text cannot hold or that disagree with their other period (ocr-checks).
 */
export function ocrWarnings(chunk: FormChunk, draft: FormDraft, corrections: CorrectionMap, ocrPages: ReadonlySet<number> = new Set()): RecordWarning[] {
  const warnings: RecordWarning[] = [];
  if (chunk.pages.some((p) => ocrPages.has(p))) warnings.push(...missingOnOcrPages(draft));
  const provenance = Object.entries(draft.provenance);
  const seen = new Set<Cell>();
  for (const row of chunk.rows) {
    for (const cell of row.cells) {
      if (seen.has(cell)) continue;
      seen.add(cell);
      const notes = corrections.get(cell);
      if (!notes) continue;
      const box = roundBox(cell.box);
      const fields = provenance.filter(([, p]) => p.page === row.pageNumber && sameBox(p.bbox, box)).map(([f]) => f);
      for (const note of notes) {
        if (note.rule === UNREADABLE) {
          const message = 'The cell holds ink but OCR read no text from it; the value was left empty.';
          for (const field of fields) warnings.push({ code: 'ocr-low-confidence', field, message, raw: '' });
          continue;
        }
        const message =
          note.corrected === note.raw
            ? `OCR read "${note.raw}", kept as read (${note.rule}).`
            : `OCR read "${note.raw}"; corrected to "${note.corrected}" by the form's rules (${note.rule}).`;
        if (fields.length === 0) warnings.push({ code: 'ocr-corrected', message, raw: note.raw });
        for (const field of fields) warnings.push({ code: 'ocr-corrected', field, message, raw: note.raw });
      }
    }
  }
  for (const [field, p] of provenance) {
    const threshold = thresholdOf(draft, field);
    if (p.method === 'ocr' && p.confidence < threshold) {
      warnings.push({
        code: 'ocr-low-confidence',
        field,
        message: `Read by OCR with confidence ${p.confidence.toFixed(2)} (under ${threshold}); check it against the page.`,
      });
    }
  }
  warnings.push(...suspectWarnings(draft));
  return warnings;
}
