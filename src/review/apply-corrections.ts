import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { lockOutput } from '../batch/output-lock.ts';
import { writeFileAtomic } from '../output/atomic-write.ts';
import { updateRecords } from '../output/update-records.ts';
import { recheckWarnings } from '../schema/checks.ts';
import type { FieldValue } from '../schema/record-fields.ts';
import type { DeclarationRecord, FieldReview } from '../schema/record.ts';
import {
  CORRECTIONS_FORMAT, CORRECTIONS_VERSION, parseCorrections,
  type Correction, type CorrectionProblem, type CorrectionsFile,
} from './corrections-format.ts';
import { fieldSpec, getField, setField, valueProblem } from './field-paths.ts';
import { readOutputRecords } from './read-output.ts';

/** What happened to one correction. */
export type Outcome = 'applied' | 'already-applied' | 'superseded';

export interface ApplySummary {
  applied: number;
  alreadyApplied: number;
  /** Older than a decision the record already holds for the field: left out. */
  superseded: number;
  changedRecords: number;
}

export type ApplyResult = ({ ok: true } & ApplySummary) | { ok: false; problems: CorrectionProblem[] };

const same = (a: FieldValue | undefined, b: FieldValue | undefined) => a === b;
const time = (iso: string) => Date.parse(iso);

/** Checks that need the records but not the order of decisions: ids, fields, value types. */
export function checkCorrections(records: readonly DeclarationRecord[], corrections: readonly Correction[]): CorrectionProblem[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  const problems: CorrectionProblem[] = [];
  corrections.forEach((c, index) => {
    const at = { index, recordId: c.recordId, field: c.field };
    const record = byId.get(c.recordId);
    if (!record) return problems.push({ code: 'UNKNOWN_RECORD', ...at, message: `corrections[${index}]: no record has id ${c.recordId} in this output folder` });
    const spec = fieldSpec(record, c.field);
    if (!spec) return problems.push({ code: 'UNKNOWN_FIELD', ...at, message: `corrections[${index}]: record ${c.recordId} has no field "${c.field}"` });
    if (c.action === 'correct') {
      if (!spec.correctable) return problems.push({ code: 'FIELD_NOT_CORRECTABLE', ...at, message: `corrections[${index}]: ${c.field} can be verified but not corrected` });
      const problem = valueProblem(spec, c.value);
      if (problem) return problems.push({ code: 'TYPE_MISMATCH', ...at, message: `corrections[${index}]: ${problem}` });
    }
    return undefined;
  });
  return problems;
}

const eventOf = (r: FieldReview) => ({ action: r.action, value: r.value, reviewer: r.reviewer, at: r.at, ...(r.note !== undefined ? { note: r.note } : {}) });

/** Is this correction one of the decisions the record already holds for the field? */
function alreadyHeld(review: FieldReview | undefined, c: Correction): boolean {
  if (!review) return false;
  return [eventOf(review), ...(review.history ?? [])].some(
    (e) => e.action === c.action && e.reviewer === c.reviewer && time(e.at) === time(c.at) && (c.action === 'verify' || same(e.value, c.value)),
  );
}

export interface RecordOutcome {
  record: DeclarationRecord;
  outcomes: { index: number; outcome: Outcome }[];
  problems: CorrectionProblem[];
}

/**
 * Apply one record's corrections (already checked with `checkCorrections`) to a copy of it, in
 * the order the reviewers decided. Each field keeps the extractor's original reading and every
 * decision (`review[field]`, earlier ones in `history`). A decision the record already holds is
 * left alone, so applying a file twice changes nothing.
 */
export function applyToRecord(record: DeclarationRecord, corrections: readonly { index: number; correction: Correction }[]): RecordOutcome {
  const next = structuredClone(record);
  const outcomes: RecordOutcome['outcomes'] = [];
  const problems: CorrectionProblem[] = [];
  const ordered = [...corrections].sort((a, b) => time(a.correction.at) - time(b.correction.at) || a.index - b.index);
  for (const { index, correction: c } of ordered) {
    const existing = next.review?.[c.field];
    if (alreadyHeld(existing, c)) {
      outcomes.push({ index, outcome: 'already-applied' });
      continue;
    }
    if (existing && time(existing.at) > time(c.at)) {
      outcomes.push({ index, outcome: 'superseded' });
      continue;
    }
    const current = getField(next, c.field);
    if (current === undefined) throw new RangeError(`unchecked correction: ${c.recordId} ${c.field}`);
    const target = c.action === 'correct' ? (c.value as FieldValue) : current;
    if (c.seen !== undefined && !same(c.seen, current) && !(c.action === 'correct' && same(target, current))) {
      problems.push({
        code: 'CONFLICT', index, recordId: c.recordId, field: c.field,
        message: `corrections[${index}]: ${c.field} of ${c.recordId} now reads ${JSON.stringify(current)}, but ${c.reviewer} reviewed ${JSON.stringify(c.seen)}; review the record again`,
      });
      continue;
    }
    if (c.action === 'correct') setField(next, c.field, target);
    const history = existing ? [...(existing.history ?? []), eventOf(existing)] : [];
    next.review = {
      ...next.review,
      [c.field]: {
        action: c.action,
        value: target,
        reviewer: c.reviewer,
        at: c.at,
        ...(c.note !== undefined ? { note: c.note } : {}),
        original: existing ? existing.original : current,
        ...(history.length > 0 ? { history } : {}),
      },
    };
    outcomes.push({ index, outcome: 'applied' });
  }
  // Checks on values (sums, clipped texts, the overview's amounts) speak of the corrected values now.
  if (outcomes.some((o) => o.outcome === 'applied')) next.warnings = recheckWarnings(next);
  return { record: next, outcomes, problems };
}

/** Apply corrections to records in memory: the new records, or every problem found. */
export function applyToRecords(records: readonly DeclarationRecord[], file: CorrectionsFile): { ok: true; records: DeclarationRecord[]; summary: ApplySummary } | { ok: false; problems: CorrectionProblem[] } {
  const checked = checkCorrections(records, file.corrections);
  if (checked.length > 0) return { ok: false, problems: checked };
  const byRecord = new Map<string, { index: number; correction: Correction }[]>();
  file.corrections.forEach((correction, index) => byRecord.set(correction.recordId, [...(byRecord.get(correction.recordId) ?? []), { index, correction }]));
  const summary: ApplySummary = { applied: 0, alreadyApplied: 0, superseded: 0, changedRecords: 0 };
  const problems: CorrectionProblem[] = [];
  const out = records.map((record) => {
    const mine = byRecord.get(record.id);
    if (!mine) return record;
    const result = applyToRecord(record, mine);
    problems.push(...result.problems);
    for (const { outcome } of result.outcomes) {
      if (outcome === 'applied') summary.applied++;
      else if (outcome === 'already-applied') summary.alreadyApplied++;
      else summary.superseded++;
    }
    if (JSON.stringify(result.record) !== JSON.stringify(record)) summary.changedRecords++;
    return result.record;
  });
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => (a.index ?? 0) - (b.index ?? 0)) };
  return { ok: true, records: out, summary };
}

/** Where apply keeps every correction it applied, as a corrections file (to apply again after a new extract). */
export const appliedLogPath = (outDir: string) => path.join(outDir, '.shenbao', 'corrections.json');

const correctionKey = (c: Correction) => JSON.stringify([c.recordId, c.field, c.action, c.reviewer, time(c.at), c.action === 'correct' ? c.value : null]);

async function logApplied(outDir: string, applied: Correction[]): Promise<void> {
  const file = appliedLogPath(outDir);
  let previous: Correction[] = [];
  try {
    const parsed = parseCorrections(JSON.parse(await readFile(file, 'utf8')));
    if (parsed.ok) previous = parsed.file.corrections;
  } catch {
    // no log yet (or a damaged one, which this one replaces)
  }
  const seen = new Set(previous.map(correctionKey));
  const merged = [...previous, ...applied.filter((c) => !seen.has(correctionKey(c)))];
  const log: CorrectionsFile = { format: CORRECTIONS_FORMAT, version: CORRECTIONS_VERSION, corrections: merged };
  await writeFileAtomic(file, JSON.stringify(log, null, 2) + '\n');
}

/**
 * Merge a corrections file into an output folder: check it against records.jsonl, apply it, and
 * rewrite every output through `updateRecords` (nothing is written when any correction is wrong,
 * or when every one was applied before). Holds the folder's lock meanwhile, so it never races an
 * extract run. Throws ReviewError (no records) and OutputLockedError.
 */
export async function applyCorrections(outDir: string, file: CorrectionsFile): Promise<ApplyResult> {
  const release = await lockOutput(outDir);
  try {
    const records = await readOutputRecords(outDir);
    const result = applyToRecords(records, file);
    if (!result.ok) return result;
    if (result.summary.changedRecords > 0) {
      const byId = new Map(result.records.map((r) => [r.id, r]));
      await updateRecords(outDir, (r) => byId.get(r.id) ?? r);
    }
    if (result.summary.applied > 0) await logApplied(outDir, file.corrections);
    return { ok: true, ...result.summary };
  } finally {
    await release();
  }
}
