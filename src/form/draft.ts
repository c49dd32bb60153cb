import type { Box } from '../geometry.ts';
import { roundBox } from '../geometry.ts';
import type { Funding, Indicator, Provenance, RecordWarning } from '../schema/record.ts';
import type { Cell } from '../table/types.ts';

/** What the mapper reads off one form, before ids, parsed values and checks are added. */
export interface FormDraft {
  title: string;
  year: number | null;
  projectName: string | null;
  department: { code: string | null; name: string | null };
  implementingUnit: string | null;
  attribute: string | null;
  period: string | null;
  funding: { implementation: Funding; annual: Funding };
  overview: string | null;
  basis: string | null;
  necessity: string | null;
  safeguards: string | null;
  plan: string | null;
  goals: { implementation: string | null; annual: string | null };
  indicators: Omit<Indicator, 'parsed'>[];
  warnings: RecordWarning[];
  provenance: Record<string, Provenance>;
  pages: number[];
}

export const emptyFunding = (): Funding => ({
  total: null,
  central: null,
  provincial: null,
  municipal: null,
  selfRaised: null,
  other: null,
});

/** Where a value was read: a cell's box on its page. A cell read by OCR carries its own confidence. */
export function cellProvenance(pageNumber: number, cell: { box: Box; chars: Cell['chars'] }): Provenance {
  const confidences = cell.chars.map((c) => c.confidence).filter((c): c is number => c !== undefined);
  const ocr = confidences.length > 0;
  return {
    page: pageNumber,
    bbox: roundBox(cell.box),
    method: ocr ? 'ocr' : 'text',
    confidence: ocr ? Math.min(...confidences) : 1,
  };
}
