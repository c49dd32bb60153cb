import type { FormDraft } from '../form/draft.ts';
import type { FormChunk } from '../form/split-forms.ts';
import { roundBox } from '../geometry.ts';
import type { RecordWarning } from '../schema/record.ts';
import type { Cell } from '../table/types.ts';
import type { CorrectionMap } from './correct-layout.ts';

/** A field read by OCR with a confidence under this (the lowest word confidence in its cell) gets a warning. */
export const LOW_CONFIDENCE = 0.8;

const sameBox = (a: readonly number[], b: readonly number[]) => a.every((v, i) => v === b[i]);

/**
 * The OCR warnings of one form: `ocr-corrected` for every correction made in its cells (with
 * the raw reading, on each field read from that cell, or without a field for a label), and
 * `ocr-low-confidence` for every field whose cell was read with a confidence under LOW_CONFIDENCE.
 */
export function ocrWarnings(chunk: FormChunk, draft: FormDraft, corrections: CorrectionMap): RecordWarning[] {
  const warnings: RecordWarning[] = [];
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
        const message = `OCR read "${note.raw}"; corrected to "${note.corrected}" by the form's rules (${note.rule}).`;
        if (fields.length === 0) warnings.push({ code: 'ocr-corrected', message, raw: note.raw });
        for (const field of fields) warnings.push({ code: 'ocr-corrected', field, message, raw: note.raw });
      }
    }
  }
  for (const [field, p] of provenance) {
    if (p.method === 'ocr' && p.confidence < LOW_CONFIDENCE) {
      warnings.push({
        code: 'ocr-low-confidence',
        field,
        message: `Read by OCR with confidence ${p.confidence.toFixed(2)} (under ${LOW_CONFIDENCE}); check it against the page.`,
      });
    }
  }
  return warnings;
}
