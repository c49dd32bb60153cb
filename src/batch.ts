import PQueue from 'p-queue';
import { extractFile, type FileResult } from './pipeline.ts';

export interface BatchOptions {
  /** Files read at once. */
  concurrency?: number;
  /** Called as each file finishes, in completion order. */
  onFile?: (result: FileResult, done: number, total: number) => void;
}

/** Many files through the pipeline; resolves with one result per file, in input order. Never rejects. */
export async function extractMany(files: readonly string[], options: BatchOptions = {}): Promise<FileResult[]> {
  const queue = new PQueue({ concurrency: Math.max(1, options.concurrency ?? 1) });
  let done = 0;
  return Promise.all(
    files.map((file) =>
      queue.add(async () => {
        const result = await extractFile(file);
        options.onFile?.(result, ++done, files.length);
        return result;
      }) as Promise<FileResult>,
    ),
  );
}
