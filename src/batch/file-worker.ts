import { parentPort } from 'node:worker_threads';
import { asExtractError } from '../errors.ts';
import { shutdownOcr } from '../ocr/engine.ts';
import { collectPdfWarnings } from '../pdf/pdf-warnings.ts';
import { extractRecords, type FileResult } from '../pipeline.ts';
import type { RecordWarning } from '../schema/record.ts';
import type { WorkerReply, WorkerRequest } from './messages.ts';

/**
 * A worker thread that reads one file at a time for the batch. The main thread sends the bytes
 * (so it can hash them first) and stops this thread if a file runs past its time or memory limit.
 */
const port = parentPort;
if (!port) throw new Error('file-worker must run in a worker thread');

const MAX_REPAIR_NOTES = 5;

/** What pdf.js repaired or skipped, as a warning on every record of the file. */
function repairWarning(notes: readonly string[]): RecordWarning {
  const shown = notes.slice(0, MAX_REPAIR_NOTES).join(' | ');
  return {
    code: 'pdf-repaired',
    message: `The PDF is damaged: pdf.js repaired or skipped parts of it (${notes.length} problem(s)); values may be missing or wrong, check them against the page.`,
    raw: notes.length > MAX_REPAIR_NOTES ? `${shown} | …` : shown,
  };
}

async function extract(request: Extract<WorkerRequest, { type: 'extract' }>): Promise<FileResult> {
  const { file, sha256, data } = request;
  try {
    // each page read tells the main thread the file is not stalled (see WorkerPool's time limit)
    const onPage = () => parentPort?.postMessage({ type: 'page', id: request.id } satisfies WorkerReply);
    const { value, warnings } = await collectPdfWarnings(() => extractRecords(data, file, sha256, { ...request.options, onPage }));
    const { pageCount } = value;
    const records = warnings.length === 0 ? value.records : value.records.map((r) => ({ ...r, warnings: [...r.warnings, repairWarning(warnings)] }));
    return { ok: true, file, sha256, pageCount, records };
  } catch (e) {
    const { code, message } = asExtractError(e, file);
    return { ok: false, file, sha256, error: { code, message } };
  }
}

port.on('message', async (request: WorkerRequest) => {
  if (request.type === 'shutdown') {
    await shutdownOcr(); // this thread's Tesseract worker, kept across files until now
    port.postMessage({ type: 'closed' } satisfies WorkerReply);
    port.close();
    return;
  }
  const result = await extract(request);
  port.postMessage({ type: 'result', id: request.id, result } satisfies WorkerReply);
});
