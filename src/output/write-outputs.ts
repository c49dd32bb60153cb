import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { DeclarationRecord } from '../schema/record.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { toCsv } from './csv.ts';
import { pdfFolderNames, recordFileStem } from './file-names.ts';
import {
  FIELD_COLUMNS, FUNDING_COLUMNS, INDICATOR_COLUMNS, PROJECT_COLUMNS,
  fieldRows, fundingRows, indicatorRows, projectRow,
} from './tables.ts';

export interface FileRecords {
  path: string;
  records: DeclarationRecord[];
}

export interface FileError {
  file: string;
  code: string;
  message: string;
}

const jsonLines = (items: readonly unknown[]): string => items.map((i) => JSON.stringify(i) + '\n').join('');

/** Every output file of a batch as (relative path, content), in a fixed order. Pure: for tests. */
export function planBatchOutputs(files: readonly FileRecords[], errors: readonly FileError[]): [string, string][] {
  const records = files.flatMap((f) => f.records);
  const folders = pdfFolderNames(files.map((f) => f.path));
  const out: [string, string][] = [
    ['records.jsonl', jsonLines(records)],
    ['projects.csv', toCsv(PROJECT_COLUMNS, records.map(projectRow))],
    ['funding.csv', toCsv(FUNDING_COLUMNS, records.flatMap(fundingRows))],
    ['indicators.csv', toCsv(INDICATOR_COLUMNS, records.flatMap(indicatorRows))],
    ['errors.jsonl', jsonLines(errors.map(({ file, code, message }) => ({ file, code, message })))],
  ];
  for (const f of files) {
    const folder = folders.get(f.path)!;
    f.records.forEach((r, i) => {
      const stem = path.join(folder, recordFileStem(i + 1, r.projectName));
      out.push([`${stem}.json`, JSON.stringify(r, null, 2) + '\n']);
      out.push([`${stem}.csv`, toCsv(FIELD_COLUMNS, fieldRows(r))]);
    });
  }
  return out;
}

/** Write a batch's outputs under outDir, each file atomically (never half-written). */
export async function writeBatchOutputs(outDir: string, files: readonly FileRecords[], errors: readonly FileError[]): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const [relative, content] of planBatchOutputs(files, errors)) await writeFileAtomic(path.join(outDir, relative), content);
}
