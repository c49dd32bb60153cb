import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileResult, PipelineOptions } from '../pipeline.ts';
import type { WorkerReply, WorkerRequest } from './messages.ts';

export interface PoolLimits {
  /** A file still running after this long is stopped and reported as TIMEOUT. */
  fileTimeoutMs: number;
  /** Heap limit of each worker thread; a file that needs more is reported as MEMORY_LIMIT. */
  memoryMb: number;
}

export interface FileTask {
  file: string;
  sha256: string;
  data: Uint8Array;
  options: PipelineOptions;
}

// The worker runs from the same tree as this module: dist/*.js when built, src/*.ts in
// development, where the thread first registers tsx's loader (Node 20 threads do not inherit it).
const EXTENSION = extname(fileURLToPath(import.meta.url));
const WORKER_URL = new URL(`./file-worker${EXTENSION}`, import.meta.url);
const workerEntry = (): [string | URL, { eval: boolean }] =>
  EXTENSION === '.ts'
    ? [`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`, { eval: true }]
    : [WORKER_URL, { eval: false }];

interface Slot {
  worker: Worker;
  busy: boolean;
}

/**
 * A bounded set of worker threads that each read one file at a time. A worker is replaced when it
 * is stopped for a limit or dies, so one bad file costs one file, never the batch. Tasks beyond
 * the pool size wait for a free worker, so a caller may prepare the next files (read, hash) while
 * every worker is busy and none waits between files.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Array<() => void> = [];
  private nextId = 1;
  private taking = true;

  constructor(
    readonly size: number,
    private readonly limits: PoolLimits,
  ) {}

  private spawn(): Slot {
    const [entry, { eval: isCode }] = workerEntry();
    const worker = new Worker(entry, { eval: isCode, resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb } });
    const slot = { worker, busy: false };
    this.slots.push(slot);
    return slot;
  }

  private retire(slot: Slot): void {
    this.slots.splice(this.slots.indexOf(slot), 1);
    void slot.worker.terminate();
  }

  /** Start no more files: tasks still waiting for a worker resolve with null (files in flight finish). */
  stopTaking(): void {
    this.taking = false;
    for (const wake of this.waiting.splice(0)) wake();
  }

  /** A free worker (a new one while the pool is not full), waiting for one when all are busy; null once stopped. */
  private async acquire(): Promise<Slot | null> {
    for (;;) {
      if (!this.taking) return null;
      const slot = this.slots.find((s) => !s.busy) ?? (this.slots.length < this.size ? this.spawn() : null);
      if (slot) {
        slot.busy = true;
        return slot;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  /** Read one file in a worker; null when the pool stopped taking files before it started. */
  async run(task: FileTask): Promise<FileResult | null> {
    const slot = await this.acquire();
    if (!slot) return null;
    const id = this.nextId++;
    const { file, sha256 } = task;
    const failed = (code: 'TIMEOUT' | 'MEMORY_LIMIT' | 'INTERNAL', message: string): FileResult => ({ ok: false, file, sha256, error: { code, message } });
    return new Promise<FileResult>((resolve) => {
      const finish = (result: FileResult, healthy: boolean) => {
        clearTimeout(timer);
        slot.worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (healthy) slot.busy = false;
        else this.retire(slot);
        this.waiting.shift()?.();
        resolve(result);
      };
      const onMessage = (reply: WorkerReply) => {
        if (reply.type === 'result' && reply.id === id) finish(reply.result, true);
        // a page read: the time limit starts again (a long scan is slow, not stuck)
        if (reply.type === 'page' && reply.id === id) timer.refresh();
      };
      const onError = (e: Error & { code?: string }) => {
        if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          finish(failed('MEMORY_LIMIT', `${file} needed more than ${this.limits.memoryMb} MB and was stopped; raise --max-memory if the file is genuine.`), false);
        } else finish(failed('INTERNAL', `the worker reading ${file} crashed: ${e.stack ?? e.message}`), false);
      };
      const onExit = (code: number) => finish(failed('INTERNAL', `the worker reading ${file} exited (code ${code}).`), false);
      const timer = setTimeout(() => {
        const seconds = Math.round(this.limits.fileTimeoutMs / 1000);
        finish(failed('TIMEOUT', `${file} was stopped after ${seconds} s without finishing a page; it may be damaged (raise --file-timeout if it is genuine).`), false);
      }, this.limits.fileTimeoutMs);
      slot.worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      const request: WorkerRequest = { type: 'extract', id, ...task };
      slot.worker.postMessage(request, [task.data.buffer as ArrayBuffer]);
    });
  }

  /** Let each worker release what it holds (OCR engines) and end; stop any that does not. */
  async close(): Promise<void> {
    await Promise.all(
      this.slots.splice(0).map(async ({ worker }) => {
        const closed = new Promise<void>((resolve) => {
          worker.once('exit', () => resolve());
          worker.postMessage({ type: 'shutdown' } satisfies WorkerRequest);
        });
        const timeout = new Promise<void>((resolve) => setTimeout(resolve, 10_000).unref());
        await Promise.race([closed, timeout]);
        await worker.terminate();
      }),
    );
  }
}
