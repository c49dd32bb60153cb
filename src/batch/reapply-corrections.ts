import { readFile } from 'node:fs/promises';
import { appliedLogPath, applyToRecord, checkCorrections } from '../review/apply-corrections.ts';
import { parseCorrections, type Correction } from '../review/corrections-format.ts';
import type { DeclarationRecord } from '../schema/record.ts';


/**
 * The reviewers' decisions applied to an output folder before (kept by `shenbao apply`), so a new
 * extract into the folder writes them again instead of dropping them. A decision whose field now
 * reads differently from what the reviewer saw is not applied: it becomes a warning to review again.
 */
export class KeptCorrections {
  private constructor(private readonly byRecord: Map<string, Correction[]>) {}

  static async load(outDir: string): Promise<KeptCorrections> {
    const byRecord = new Map<string, Correction[]>();
    let text: string;
    try {
      text = await readFile(appliedLogPath(outDir), 'utf8');
    } catch {
      return new KeptCorrections(byRecord); // none applied yet
    }
    const parsed = parseCorrections(JSON.parse(text));
    if (parsed.ok) for (const correction of parsed.file.corrections) byRecord.set(correction.recordId, [...(byRecord.get(correction.recordId) ?? []), correction]);
    return new KeptCorrections(byRecord);
  }

  apply(record: DeclarationRecord): DeclarationRecord {
    const mine = this.byRecord.get(record.id)?.map((correction, index) => ({ index, correction }));
    if (!mine) return record;
    const invalid = checkCorrections([record], mine.map((m) => m.correction)).map((p) => p.index);
    const { record: next, problems } = applyToRecord(record, mine.filter((m) => !invalid.includes(m.index)));
    const dropped = [...invalid, ...problems.map((p) => p.index)].map((i) => mine[i ?? -1]?.correction).filter((c) => c !== undefined);
    for (const c of dropped) {
      next.warnings.push({
        code: 'review-not-reapplied',
        field: c.field,
        message: `${c.reviewer}'s decision (${c.action}) on ${c.field} was not applied again: the new extraction reads this field differently from what was reviewed; review it again.`,
        raw: JSON.stringify(c.action === 'correct' ? c.value : c.seen ?? null),
      });
    }
    return next;
  }
}
