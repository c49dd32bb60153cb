import type { FileResult } from '../pipeline.ts';

/** Options a worker passes on to the pipeline for every file (e.g. the OCR mode). */
export type PipelineOptions = Record<string, unknown>;

/** Main thread → file worker. */
export type WorkerRequest =
  | { type: 'extract'; id: number; file: string; sha256: string; data: Uint8Array; options: PipelineOptions }
  | { type: 'shutdown' };

/** File worker → main thread. */
export type WorkerReply = { type: 'result'; id: number; result: FileResult } | { type: 'closed' };
