import type { FileResult, PipelineOptions } from '../pipeline.ts';

/** Main thread → file worker. */
export type WorkerRequest =
  | { type: 'extract'; id: number; file: string; sha256: string; data: Uint8Array; options: Omit<PipelineOptions, 'onPage'> }
  | { type: 'shutdown' };

/** File worker → main thread. */
export type WorkerReply = { type: 'result'; id: number; result: FileResult } | { type: 'page'; id: number } | { type: 'closed' };
