import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { getDocument } from './pdfjs.ts';
import { ExtractError } from '../errors.ts';
import { pdfVerbosity } from './pdf-warnings.ts';

/** The installed pdfjs-dist folder: pdf.js in Node reads its CMaps and standard fonts from files. */
const PDFJS_ROOT = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** pdf.js wants these as folder paths that end in "/". */
const folder = (name: string) => join(PDFJS_ROOT, name) + '/';

/** getDocument options; `isEvalSupported` is gone from pdf.js 6's types but kept, harmlessly, for older ones. */
function documentParams(data: Uint8Array) {
  return {
    data,
    cMapUrl: folder('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: folder('standard_fonts'),
    wasmUrl: folder('wasm'), // JPEG 2000 / JBIG2 decoders: images only, but pdf.js warns without them
    iccUrl: folder('iccs'),
    isEvalSupported: false,
    verbosity: pdfVerbosity(), // errors only, unless a caller collects warnings: pdf.js must not print
    fontExtraProperties: true, // vertical, defaultVMetrics, isInvalidPDFjsFont on the font objects
  };
}

const errorName = (e: unknown): string => (e && typeof e === 'object' && 'name' in e ? String((e as { name: unknown }).name) : '');
const errorMessage = (e: unknown): string => (e instanceof Error || (e && typeof e === 'object' && 'message' in e) ? String((e as { message: unknown }).message) : String(e));

/** The ExtractError a failure to open a PDF stands for. */
export function openError(e: unknown): ExtractError {
  if (e instanceof ExtractError) return e;
  const name = errorName(e);
  const reason = errorMessage(e);
  if (name === 'PasswordException') {
    // code 1: a password is needed; 2: the one given was wrong (we never give one)
    return new ExtractError('PDF_ENCRYPTED', `the PDF is password-protected (${reason}); open it with its password and save or print an unprotected copy, then read that copy.`, { cause: e });
  }
  const what = name === 'InvalidPDFException' ? 'is not a valid PDF' : name === 'FormatError' ? 'is a damaged PDF' : 'could not be opened as a PDF';
  return new ExtractError('PDF_INVALID', `the file ${what} (${reason}); check that it is a complete PDF (not truncated by a download, not another format renamed .pdf) and re-export it from the program that made it.`, { cause: e });
}

/**
 * Open PDF bytes with pdf.js, run `fn` on the document, and always destroy the document after.
 * The caller's bytes are left intact (pdf.js is given a copy, which it transfers and empties).
 * Throws ExtractError: PDF_EMPTY, PDF_ENCRYPTED, PDF_INVALID, PDF_NO_PAGES. Errors thrown by
 * `fn` pass through unchanged.
 */
export async function withDocument<T>(data: Uint8Array, fn: (doc: PDFDocumentProxy) => Promise<T>): Promise<T> {
  if (data.length === 0) throw new ExtractError('PDF_EMPTY', 'the file is empty (0 bytes); it was probably not saved or downloaded completely.');
  const loadingTask = getDocument(documentParams(new Uint8Array(data)) as Parameters<typeof getDocument>[0]);
  try {
    let doc: PDFDocumentProxy;
    try {
      doc = await loadingTask.promise;
    } catch (e) {
      throw openError(e);
    }
    if (doc.numPages === 0) throw new ExtractError('PDF_NO_PAGES', 'the PDF has no pages; re-export it from the program that made it.');
    return await fn(doc);
  } finally {
    await loadingTask.destroy();
  }
}
