import { parentPort } from 'node:worker_threads';
import { asExtractError } from '../errors.ts';
import { extractRecords, type FileResult } from '../pipeline.ts';
import type { WorkerReply, WorkerRequest } from './messages.ts';

/**
 * A worker thread that reads one file at a time for the batch. The main thread sends the bytes
 * (so it can hash them first) and stops this thread if a file runs past its time or memory limit.
 */
const port = parentPort;
if (!port) throw new Error('file-worker must run in a worker thread');

async function extract(request: Extract<WorkerRequest, { type: 'extract' }>): Promise<FileResult> {
  const { file, sha256, data } = request;
  try {
    const { pageCount, records } = await extractRecords(data, file, sha256);
    return { ok: true, file, sha256, pageCount, records };
  } catch (e) {
    const { code, message } = asExtractError(e, file);
    return { ok: false, file, sha256, error: { code, message } };
  }
}

port.on('message', async (request: WorkerRequest) => {
  if (request.type === 'shutdown') {
    port.postMessage({ type: 'closed' } satisfies WorkerReply);
    port.close();
    return;
  }
  const result = await extract(request);
  port.postMessage({ type: 'result', id: request.id, result } satisfies WorkerReply);
});
