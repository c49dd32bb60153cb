import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ExtractError } from '../errors.ts';
import { withDocument } from './open-document.ts';
import { readPage } from './read-page.ts';
import type { PageContent } from './types.ts';

export interface ReadDocumentOptions {
  /** 1-based page numbers to read, in this order; numbers outside 1..pageCount are skipped. Default: all. */
  pages?: number[];
}

/**
 * The glyphs and ruling lines of every page (or of `opts.pages`) of a PDF, read one page at a
 * time. Throws ExtractError (see withDocument; a page pdf.js cannot parse gives PDF_INVALID).
 */
export async function readDocument(data: Uint8Array, opts: ReadDocumentOptions = {}): Promise<{ pageCount: number; pages: PageContent[] }> {
  return withDocument(data, async (doc) => {
    const pageCount = doc.numPages;
    const numbers = opts.pages ? opts.pages.filter((n) => Number.isInteger(n) && n >= 1 && n <= pageCount) : Array.from({ length: pageCount }, (_, i) => i + 1);
    const pages: PageContent[] = [];
    for (const n of numbers) {
      let page: PDFPageProxy;
      try {
        page = await doc.getPage(n);
      } catch (e) {
        throw new ExtractError('PDF_INVALID', `page ${n} could not be read: ${(e as Error)?.message ?? String(e)}. The PDF may be damaged; re-export it from the program that made it.`, { cause: e });
      }
      try {
        pages.push(await readPage(page));
      } finally {
        page.cleanup();
      }
    }
    return { pageCount, pages };
  });
}
