/** Why a whole file could not be turned into records. Stable: users filter errors.jsonl on it. */
export type ExtractErrorCode =
  | 'FILE_UNREADABLE' // the file system refused (missing, permissions, a folder)
  | 'PDF_EMPTY' // zero bytes
  | 'PDF_INVALID' // not a PDF, or damaged beyond repair
  | 'PDF_ENCRYPTED' // needs a password
  | 'PDF_NO_PAGES'
  | 'OCR_FAILED'
  | 'FORM_NOT_FOUND' // a readable PDF that holds no declaration form
  | 'TIMEOUT' // the file took longer than the per-file time limit and was stopped
  | 'MEMORY_LIMIT' // the file needed more memory than the per-file limit and was stopped
  | 'OUTPUT_FAILED' // the batch could not write its outputs or its store (disk full, read-only); never in errors.jsonl
  | 'INTERNAL'; // a bug of ours: the message says what broke

export class ExtractError extends Error {
  override readonly name = 'ExtractError';
  constructor(
    readonly code: ExtractErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const isExtractError = (e: unknown): e is ExtractError => e instanceof ExtractError;

/** Any failure as the coded error it stands for: ExtractErrors as they are, anything else INTERNAL. */
export function asExtractError(e: unknown, file: string): ExtractError {
  if (e instanceof ExtractError) return e;
  return new ExtractError('INTERNAL', `unexpected failure on ${file}: ${(e as Error)?.stack ?? String(e)}`, { cause: e });
}

/**
 * A failure of the batch itself as a coded error: the file system refusing to write the outputs
 * or the result store (ENOSPC, EROFS, EACCES…) is OUTPUT_FAILED, anything else INTERNAL.
 */
export function asBatchError(e: unknown, outDir: string): ExtractError {
  if (e instanceof ExtractError) return e;
  const code = (e as NodeJS.ErrnoException)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    return new ExtractError('OUTPUT_FAILED', `cannot write in ${outDir}: ${code} (${(e as Error).message}); the previous outputs are left as they were.`, { cause: e });
  }
  return new ExtractError('INTERNAL', `the batch failed: ${(e as Error)?.stack ?? String(e)}`, { cause: e });
}
