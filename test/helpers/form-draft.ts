import { emptyFunding, type FormDraft } from '../../src/form/draft.ts';
import type { Provenance } from '../../src/schema/record.ts';

/** A form draft of one page with every field empty but these, each of `readBy` read by `method` (its provenance). */
export function formDraft(fields: Partial<FormDraft>, method: Provenance['method'], readBy: readonly string[]): FormDraft {
  const at: Provenance = { page: 1, bbox: [0, 0, 10, 10], method, confidence: 0.9 };
  return {
    title: '', year: 2024, projectName: '项目', department: { code: '1', name: '某局' }, implementingUnit: '某单位', attribute: null, period: null,
    funding: { implementation: emptyFunding(), annual: emptyFunding() },
    overview: null, basis: null, necessity: null, safeguards: null, plan: null, goals: { implementation: null, annual: null },
    indicators: [], warnings: [], pages: [1],
    provenance: Object.fromEntries(readBy.map((field) => [field, { ...at }])),
    ...fields,
  };
}
