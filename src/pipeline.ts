import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ExtractError, type ExtractErrorCode } from './errors.ts';
import { mapForm } from './form/map-form.ts';
import { splitForms } from './form/split-forms.ts';
import { readDocument } from './pdf/read-document.ts';
import { buildRecord } from './schema/build-record.ts';
import type { DeclarationRecord } from './schema/record.ts';
import { buildPageLayout } from './table/build-tables.ts';
import type { PageLayout } from './table/types.ts';

export interface FileFailure {
  code: ExtractErrorCode;
  message: string;
}

/** The outcome for one file: its records, or why it gave none. Never a thrown error. */
export type FileResult =
  | { ok: true; file: string; sha256: string; pageCount: number; records: DeclarationRecord[] }
  | { ok: false; file: string; sha256: string | null; error: FileFailure };

export const sha256Of = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new ExtractError('FILE_UNREADABLE', `cannot read ${file}: ${reason}`, { cause: e });
  }
}

/** The pages of a PDF as tables and free lines (what `shenbao tables` prints). */
export async function readLayouts(data: Uint8Array): Promise<{ pageCount: number; layouts: PageLayout[] }> {
  const { pageCount, pages } = await readDocument(data);
  return { pageCount, layouts: pages.map(buildPageLayout) };
}

/** Records from PDF bytes: pages → tables → forms → validated records. Throws ExtractError. */
export async function extractRecords(data: Uint8Array, file: string, sha256 = sha256Of(data)): Promise<{ pageCount: number; records: DeclarationRecord[] }> {
  const { pageCount, layouts } = await readLayouts(data);
  const forms = splitForms(layouts);
  if (forms.length === 0) {
    throw new ExtractError('FORM_NOT_FOUND', `${file} holds no 项目支出绩效目标申报表 form (no ruled table with a 项目名称 row was found on ${pageCount} page(s)).`);
  }
  const pageMethods = new Map(layouts.map((l) => [l.pageNumber, 'text' as const]));
  const records = forms.map((form, i) => buildRecord(mapForm(form), { file, sha256, formIndex: i + 1, pageMethods }));
  return { pageCount, records };
}

/** One file through every stage. Resolves with a failed result instead of rejecting. */
export async function extractFile(file: string): Promise<FileResult> {
  let sha256: string | null = null;
  try {
    const data = await readBytes(file);
    sha256 = sha256Of(data);
    if (data.length === 0) throw new ExtractError('PDF_EMPTY', `${file} is empty (0 bytes).`);
    const { pageCount, records } = await extractRecords(data, file, sha256);
    return { ok: true, file, sha256, pageCount, records };
  } catch (e) {
    const error: FileFailure =
      e instanceof ExtractError
        ? { code: e.code, message: e.message }
        : { code: 'INTERNAL', message: `unexpected failure on ${file}: ${(e as Error)?.stack ?? String(e)}` };
    return { ok: false, file, sha256, error };
  }
}
