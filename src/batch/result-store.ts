import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../output/atomic-write.ts';
import type { FileResult } from '../pipeline.ts';
import { DeclarationRecordSchema } from '../schema/record.ts';

/** Failures that say nothing lasting about the file: they are tried again on the next run. */
const TRANSIENT = new Set(['TIMEOUT', 'MEMORY_LIMIT', 'INTERNAL', 'FILE_UNREADABLE']);

const StoredSchema = z.object({
  /** What produced the result: a different version or different options redo the file. */
  key: z.string(),
  sha256: z.string(),
  pageCount: z.number().nullable(),
  records: z.array(DeclarationRecordSchema).nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
type Stored = z.infer<typeof StoredSchema>;

/**
 * What the batch has finished, one file per PDF content (sha256) under <out>/.shenbao/results.
 * Each is written atomically the moment its PDF is done, so a run killed at any point resumes
 * from exactly the files it had finished, and a re-run skips them.
 */
export class ResultStore {
  private constructor(
    private readonly dir: string,
    private readonly key: string,
  ) {}

  static async open(outDir: string, key: string): Promise<ResultStore> {
    const dir = path.join(outDir, '.shenbao', 'results');
    await mkdir(dir, { recursive: true });
    return new ResultStore(dir, key);
  }

  private pathOf(sha256: string): string {
    return path.join(this.dir, `${sha256}.json`);
  }

  /** The stored result for this content, as if read from `file`; null when there is none to reuse. */
  async get(sha256: string, file: string): Promise<FileResult | null> {
    let stored: Stored;
    try {
      stored = StoredSchema.parse(JSON.parse(await readFile(this.pathOf(sha256), 'utf8')));
    } catch {
      return null; // missing, or unreadable: redo the file
    }
    if (stored.key !== this.key) return null;
    if (stored.records) {
      const records = stored.records.map((r) => ({ ...r, source: { ...r.source, file } }));
      return { ok: true, file, sha256, pageCount: stored.pageCount ?? 0, records };
    }
    if (stored.error) return { ok: false, file, sha256, error: stored.error as Extract<FileResult, { ok: false }>['error'] };
    return null;
  }

  /** Keep a finished file's result; resolves false when it is not worth keeping (a transient failure). */
  async put(result: FileResult): Promise<boolean> {
    if (!result.sha256) return false;
    if (!result.ok && TRANSIENT.has(result.error.code)) return false;
    const stored: Stored = {
      key: this.key,
      sha256: result.sha256,
      pageCount: result.ok ? result.pageCount : null,
      records: result.ok ? result.records : null,
      error: result.ok ? null : result.error,
    };
    await writeFileAtomic(this.pathOf(result.sha256), JSON.stringify(stored));
    return true;
  }
}
