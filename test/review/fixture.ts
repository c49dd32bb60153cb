import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeBatchOutputs } from '../../src/output/write-outputs.ts';
import { extractFile } from '../../src/pipeline.ts';
import type { DeclarationRecord } from '../../src/schema/record.ts';
import { removeDir } from '../helpers/temp-dir.ts';

/** The output folders made so far: tests share some, so they go when the test file ends, not each test. */
const made: string[] = [];

/** Remove every output folder `makeOutput` made: call it from `test.after.always`. */
export const removeOutputs = async (): Promise<void> => {
  await Promise.all(made.splice(0).map(removeDir));
};

/**
 * An extract output folder made from sample PDFs (as `shenbao extract` writes it), in a fresh
 * temporary folder (removed by `removeOutputs`). The records' `source.file` is the path given,
 * relative to the repository.
 */
export async function makeOutput(pdfs: readonly string[]): Promise<{ outDir: string; records: DeclarationRecord[] }> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'shenbao-review-'));
  made.push(outDir);
  const files = [];
  for (const pdf of pdfs) {
    const result = await extractFile(pdf);
    if (!result.ok) throw new Error(`${pdf}: ${result.error.code} ${result.error.message}`);
    files.push({ path: pdf, records: result.records });
  }
  await writeBatchOutputs(outDir, files, []);
  return { outDir, records: files.flatMap((f) => f.records) };
}

/** The records of an output folder's records.jsonl. */
export const readJsonl = (text: string): DeclarationRecord[] =>
  text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as DeclarationRecord);

/** Run a command function with stdout and stderr captured (not printed). */
export async function captured(fn: () => Promise<number>): Promise<{ code: number; text: string }> {
  const out = process.stdout.write;
  const err = process.stderr.write;
  let text = '';
  const capture = ((s: string | Uint8Array) => {
    text += typeof s === 'string' ? s : Buffer.from(s).toString('utf8');
    return true;
  }) as typeof process.stdout.write;
  process.stdout.write = capture;
  process.stderr.write = capture;
  try {
    return { code: await fn(), text };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}
