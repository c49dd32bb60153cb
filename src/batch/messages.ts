import type { FileResult, PipelineOptions } from '../pipeline.ts';

/** Main thread → file worker. */
export type WorkerRequest =
  | { type: 'extract'; id: number; file: string; sha256: string; data: Uint8Array; options: PipelineOptions }
  | { type: 'shutdown' };

/** File worker → main thread. */
export type WorkerReply = { type: 'result'; id: number; result: FileResult } | { type: 'closed' };
