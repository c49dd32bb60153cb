import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import PQueue from 'p-queue';
import { asBatchError } from '../errors.ts';
import { findPdfs } from '../find-pdfs.ts';
import type { FileResult } from '../pipeline.ts';
import { sha256Of } from '../sha256.ts';
import { VERSION } from '../version.ts';
import type { PipelineOptions } from '../pipeline.ts';
import { lockOutput } from './output-lock.ts';
import { OrderedOutput } from './ordered-output.ts';
import { ResultStore } from './result-store.ts';
import { WorkerPool } from './worker-pool.ts';

export interface BatchOptions {
  /** Where records.jsonl, the tables and errors.jsonl go. */
  outDir: string;
  /** Files read at once, each in its own worker thread. Default: the number of cores. */
  concurrency?: number;
  /** Read every file again, even those a previous run finished. */
  force?: boolean;
  /** Passed to the pipeline for every file. */
  pipeline?: PipelineOptions;
  /** Per-file limits: time without a page finished, heap (defaults: 10 minutes, 2048 MB). */
  fileTimeoutMs?: number;
  memoryMb?: number;
  /** Aborting stops the run after the files in flight; outputs are then left as they were. */
  signal?: AbortSignal;
  onEvent?: (event: BatchEvent) => void;
}

export type BatchEvent =
  | { type: 'start'; files: number; concurrency: number }
  /** A file was read now, or its result reused from an earlier run. */
  | { type: 'file'; file: string; status: 'read' | 'reused'; result: FileResult; done: number; total: number; ms: number }
  /** A file with the same content as an earlier input: its records are written once, for `of`. */
  | { type: 'duplicate'; file: string; of: string; done: number; total: number }
  | { type: 'end'; summary: BatchSummary };

export interface BatchSummary {
  files: number;
  read: number;
  reused: number;
  duplicates: number;
  failed: number;
  pages: number;
  records: number;
  warningsByCode: Record<string, number>;
  failuresByCode: Record<string, number>;
  seconds: number;
  /** Peak resident memory of the whole process (all worker threads), in MB. */
  peakMemoryMb: number;
  /** False when the run was aborted: the outputs were not rewritten. */
  complete: boolean;
}

const DEFAULT_FILE_TIMEOUT_MS = 10 * 60_000;
const DEFAULT_MEMORY_MB = 2048;

const count = (into: Record<string, number>, key: string) => (into[key] = (into[key] ?? 0) + 1);

async function readInput(file: string): Promise<{ data: Uint8Array; sha256: string } | FileResult> {
  let data: Uint8Array;
  try {
    // A fresh, exactly sized buffer: it is transferred to the worker whole.
    data = new Uint8Array(await readFile(file)).slice();
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return { ok: false, file, sha256: null, error: { code: 'FILE_UNREADABLE', message: `cannot read ${file}: ${reason}` } };
  }
  const sha256 = sha256Of(data);
  if (data.length === 0) return { ok: false, file, sha256, error: { code: 'PDF_EMPTY', message: `${file} is empty (0 bytes); it was probably not saved or downloaded completely.` } };
  return { data, sha256 };
}

/**
 * Extract every PDF under `inputs` into `options.outDir`. Files already finished by an earlier run
 * (same content, same version and options) are reused unless `force`; each finished file is kept
 * at once, so a killed run resumes where it stopped; the outputs are rewritten, in input order,
 * only when every file is done, so they always equal those of one clean run. Never rejects for a
 * bad file: each ends as records or as a coded error.
 */
export async function runBatch(inputs: readonly string[], options: BatchOptions): Promise<BatchSummary> {
  const started = Date.now();
  const files = await findPdfs(inputs);
  const concurrency = Math.max(1, options.concurrency ?? availableParallelism());
  const unlock = await lockOutput(options.outDir);
  const pool = new WorkerPool(concurrency, {
    fileTimeoutMs: options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS,
    memoryMb: options.memoryMb ?? DEFAULT_MEMORY_MB,
  });
  const summary: BatchSummary = {
    files: files.length, read: 0, reused: 0, duplicates: 0, failed: 0, pages: 0, records: 0,
    warningsByCode: {}, failuresByCode: {}, seconds: 0, peakMemoryMb: 0, complete: false,
  };
  try {
    // Results are reused only when made by the same version with the same effective options.
    const pipeline: PipelineOptions = { ocr: 'auto', ...options.pipeline };
    const store = await ResultStore.open(options.outDir, `${VERSION} ${JSON.stringify(pipeline)}`);
    const output = await OrderedOutput.open(options.outDir, files, store);
    options.onEvent?.({ type: 'start', files: files.length, concurrency });
    const firstBySha = new Map<string, string>();
    // Twice as many files in hand as workers: the next file is read and hashed, and the last one
    // kept, while the workers read PDFs (the pool holds back what it has no worker for).
    const queue = new PQueue({ concurrency: 2 * concurrency });
    options.signal?.addEventListener(
      'abort',
      () => {
        queue.clear();
        pool.stopTaking();
      },
      { once: true },
    );
    // A task that throws is the batch failing (the store or the outputs cannot be written): no
    // more files are started, and the error is thrown once those in flight are done.
    let fatal: unknown = null;
    const stop = (e: unknown) => {
      fatal ??= e;
      queue.clear();
      pool.stopTaking();
    };
    let done = 0;
    const settle = (i: number, status: 'read' | 'reused', result: FileResult, kept: boolean, t0: number) => {
      summary[status]++;
      if (result.ok) {
        summary.pages += result.pageCount;
        summary.records += result.records.length;
        for (const r of result.records) for (const w of r.warnings) count(summary.warningsByCode, w.code);
      } else {
        summary.failed++;
        count(summary.failuresByCode, result.error.code);
      }
      output.add(i, result, kept);
      options.onEvent?.({ type: 'file', file: files[i]!, status, result, done: ++done, total: files.length, ms: Date.now() - t0 });
    };
    files.forEach((file, i) =>
      queue.add(async () => {
        const t0 = Date.now();
        const input = await readInput(file);
        if ('ok' in input) return settle(i, 'read', input, await store.put(input), t0);
        const earlier = firstBySha.get(input.sha256);
        if (earlier !== undefined) {
          summary.duplicates++;
          output.add(i, null, false);
          options.onEvent?.({ type: 'duplicate', file, of: earlier, done: ++done, total: files.length });
          return;
        }
        firstBySha.set(input.sha256, file);
        const reused = options.force ? null : await store.get(input.sha256, file);
        if (reused) return settle(i, 'reused', reused, true, t0);
        const result = await pool.run({ file, sha256: input.sha256, data: input.data, options: pipeline });
        if (!result) return; // aborted before a worker took it
        settle(i, 'read', result, await store.put(result), t0);
      }).catch(stop),
    );
    await queue.onIdle();
    if (fatal || options.signal?.aborted) {
      await output.discard();
      if (fatal) throw fatal;
      return summary;
    }
    try {
      await output.commit();
    } catch (e) {
      await output.discard();
      throw e;
    }
    summary.complete = true;
    return summary;
  } catch (e) {
    throw asBatchError(e, options.outDir);
  } finally {
    await pool.close();
    await unlock();
    summary.seconds = (Date.now() - started) / 1000;
    summary.peakMemoryMb = Math.round(process.resourceUsage().maxRSS / 1024);
    options.onEvent?.({ type: 'end', summary });
  }
}
