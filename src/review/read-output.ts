import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DeclarationRecordSchema, type DeclarationRecord } from '../schema/record.ts';
import { ReviewError } from './errors.ts';

export interface OutputFileError {
  file: string;
  code: string;
  message: string;
}

const lines = (text: string) => text.split('\n').map((line, i) => ({ line, n: i + 1 })).filter(({ line }) => line.trim() !== '');

/** The records of an extract output folder (records.jsonl), validated. Throws ReviewError. */
export async function readOutputRecords(outDir: string): Promise<DeclarationRecord[]> {
  const file = path.join(outDir, 'records.jsonl');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ReviewError('OUTPUT_NOT_FOUND', `${file} cannot be read (${code ?? (e as Error).message}); give the folder \`shenbao extract --out\` wrote.`, { cause: e });
  }
  return lines(text).map(({ line, n }) => {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (e) {
      throw new ReviewError('RECORDS_INVALID', `${file}:${n} is not JSON (${(e as Error).message}).`, { cause: e });
    }
    const parsed = DeclarationRecordSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ReviewError('RECORDS_INVALID', `${file}:${n} is not a shenbao record (${issue.path.join('.')}: ${issue.message}).`);
    }
    return parsed.data;
  });
}

/** The files an extract run could not read (errors.jsonl); none when the file is absent. */
export async function readOutputErrors(outDir: string): Promise<OutputFileError[]> {
  const text = await readFile(path.join(outDir, 'errors.jsonl'), 'utf8').catch(() => '');
  const out: OutputFileError[] = [];
  for (const { line } of lines(text)) {
    try {
      const e = JSON.parse(line) as Partial<OutputFileError>;
      out.push({ file: String(e.file ?? ''), code: String(e.code ?? ''), message: String(e.message ?? '') });
    } catch {
      // a damaged line says nothing a reviewer can use
    }
  }
  return out;
}
