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
