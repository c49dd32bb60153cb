import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DeclarationRecordSchema, type DeclarationRecord } from '../schema/record.ts';
import { writeBatchOutputs, type FileError, type FileRecords } from './write-outputs.ts';

const readJsonLines = async (file: string): Promise<unknown[]> => {
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? '' : Promise.reject(e)));
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown);
};

/**
 * Change records of an existing output folder (a reviewer's corrections) and rewrite every output
 * that holds them (records.jsonl, the per-record files, the CSV tables), each atomically.
 * `update` returns the record to keep (changed or not). Resolves with how many records changed.
 */
export async function updateRecords(outDir: string, update: (record: DeclarationRecord) => DeclarationRecord): Promise<number> {
  const records = (await readJsonLines(path.join(outDir, 'records.jsonl'))).map((r) => DeclarationRecordSchema.parse(r));
  const errors = (await readJsonLines(path.join(outDir, 'errors.jsonl'))) as FileError[];
  const files: FileRecords[] = [];
  let changed = 0;
  for (const record of records) {
    const next = DeclarationRecordSchema.parse(update(structuredClone(record)));
    if (JSON.stringify(next) !== JSON.stringify(record)) changed++;
    const last = files[files.length - 1];
    if (last && last.path === next.source.file) last.records.push(next);
    else files.push({ path: next.source.file, records: [next] });
  }
  await writeBatchOutputs(outDir, files, errors);
  return changed;
}
