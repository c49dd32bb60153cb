import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { DeclarationRecord } from '../schema/record.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { csvRows, toCsv, type CsvValue } from './csv.ts';
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

const TEMP_SUFFIX = '.tmp';

/** One batch-wide output file, built under a temporary name and renamed into place on commit. */
class StagedFile {
  private constructor(
    readonly target: string,
    readonly temp: string,
    private readonly handle: FileHandle,
  ) {}

  static async open(target: string, head: string): Promise<StagedFile> {
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
    const handle = await open(temp, 'w');
    if (head) await handle.write(head);
    return new StagedFile(target, temp, handle);
  }

  async append(text: string): Promise<void> {
    if (text) await this.handle.write(text);
  }

  async commit(): Promise<void> {
    await this.handle.sync();
    await this.handle.close();
    await rename(this.temp, this.target);
  }

  async discard(): Promise<void> {
    await this.handle.close().catch(() => {});
    await rm(this.temp, { force: true });
  }
}

/**
 * Writes the outputs of a batch as files arrive, in the order given, holding one file's records
 * at a time. records.jsonl, the CSV tables and errors.jsonl grow under temporary names and replace
 * the old ones only on commit(), so readers never see half a batch, half a record or a record
 * twice; each per-record file is written atomically as its PDF comes in.
 */
export class OutputWriter {
  private constructor(
    private readonly outDir: string,
    private readonly folders: Map<string, string>,
    private readonly staged: Record<'records' | 'projects' | 'funding' | 'indicators' | 'errors', StagedFile>,
  ) {}

  /** `inputs` are every PDF path of the batch: they fix the per-PDF folder names. */
  static async open(outDir: string, inputs: readonly string[]): Promise<OutputWriter> {
    await mkdir(outDir, { recursive: true });
    await removeStaleTemps(outDir);
    const at = (name: string) => path.join(outDir, name);
    const staged = {
      records: await StagedFile.open(at('records.jsonl'), ''),
      projects: await StagedFile.open(at('projects.csv'), toCsv(PROJECT_COLUMNS, [])),
      funding: await StagedFile.open(at('funding.csv'), toCsv(FUNDING_COLUMNS, [])),
      indicators: await StagedFile.open(at('indicators.csv'), toCsv(INDICATOR_COLUMNS, [])),
      errors: await StagedFile.open(at('errors.jsonl'), ''),
    };
    return new OutputWriter(outDir, pdfFolderNames(inputs), staged);
  }

  async addRecords(file: string, records: readonly DeclarationRecord[]): Promise<void> {
    const folder = this.folders.get(file) ?? pdfFolderNames([file]).get(file)!;
    const rows = (build: (r: DeclarationRecord) => CsvValue[][]) => csvRows(records.flatMap(build));
    await this.staged.records.append(records.map((r) => JSON.stringify(r) + '\n').join(''));
    await this.staged.projects.append(rows((r) => [projectRow(r)]));
    await this.staged.funding.append(rows(fundingRows));
    await this.staged.indicators.append(rows(indicatorRows));
    for (const [i, r] of records.entries()) {
      const stem = path.join(this.outDir, folder, recordFileStem(i + 1, r.projectName));
      await writeFileAtomic(`${stem}.json`, JSON.stringify(r, null, 2) + '\n');
      await writeFileAtomic(`${stem}.csv`, toCsv(FIELD_COLUMNS, fieldRows(r)));
    }
  }

  async addError({ file, code, message }: FileError): Promise<void> {
    await this.staged.errors.append(JSON.stringify({ file, code, message }) + '\n');
  }

  /** Put every batch-wide file in place. */
  async commit(): Promise<void> {
    for (const file of Object.values(this.staged)) await file.commit();
  }

  /** Leave the previous outputs as they were. */
  async discard(): Promise<void> {
    for (const file of Object.values(this.staged)) await file.discard();
  }
}

/** The names our temporary files have (StagedFile, writeFileAtomic): `.<name>.<pid>.<8 hex>.tmp`. */
const OUR_TEMP = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/;

/**
 * Temporary files left anywhere in the output folder (batch-wide files, per-record files, the
 * result store) by a run that was killed before it could commit or discard them. The output lock
 * guarantees that no other run is writing them.
 */
async function removeStaleTemps(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && OUR_TEMP.test(entry.name)) await rm(path.join(entry.parentPath ?? entry.path, entry.name), { force: true });
  }
}

/** Write a whole batch's outputs under outDir in one go. */
export async function writeBatchOutputs(outDir: string, files: readonly FileRecords[], errors: readonly FileError[]): Promise<void> {
  const writer = await OutputWriter.open(outDir, files.map((f) => f.path));
  try {
    for (const f of files) await writer.addRecords(f.path, f.records);
    for (const e of errors) await writer.addError(e);
    await writer.commit();
  } catch (e) {
    await writer.discard();
    throw e;
  }
}
