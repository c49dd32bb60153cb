import { readFile } from 'node:fs/promises';
import { ExtractError, type ExtractErrorCode } from './errors.ts';
import { sha256Of } from './sha256.ts';
import { mapForm } from './form/map-form.ts';
import { splitForms } from './form/split-forms.ts';
import { applyFix, correctLayout, type CorrectionMap } from './ocr/correct-layout.ts';
import { fixByDocumentContext } from './ocr/document-context.ts';
import { fixDocumentIssuers } from './ocr/document-issuer.ts';
import { fixProvinceNames } from './ocr/province-names.ts';
import { ocrPage } from './ocr/ocr-page.ts';
import { snapOcrAttribute } from './ocr/attribute-vocabulary.ts';
import { trimOcrNameMarks } from './ocr/name-marks.ts';
import { fixRatePercents } from './ocr/rate-percent.ts';
import { fixOcrTextEnds } from './ocr/text-end.ts';
import { ocrWarnings } from './ocr/ocr-warnings.ts';
import { unskewProvenance } from './ocr/unskew.ts';
import { pageTurnWarnings } from './ocr/page-turn.ts';
import { decidePage, type OcrMode } from './ocr/page-decision.ts';
import { withDocument } from './pdf/open-document.ts';
import { readPage } from './pdf/read-page.ts';
import { buildRecord } from './schema/build-record.ts';
import type { DeclarationRecord } from './schema/record.ts';
import { buildPageLayout } from './table/build-tables.ts';
import type { PageLayout } from './table/types.ts';

export interface FileFailure {
  code: ExtractErrorCode;
  message: string;
}

/** The outcome for one file: its records, or why it gave none. Never a thrown error. */
export type FileResult =
  | { ok: true; file: string; sha256: string; pageCount: number; records: DeclarationRecord[] }
  | { ok: false; file: string; sha256: string | null; error: FileFailure };

export { sha256Of };

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new ExtractError('FILE_UNREADABLE', `cannot read ${file}: ${reason}`, { cause: e });
  }
}

/** Options of the pipeline, the same for every file of a batch. */
export interface PipelineOptions {
  /** When to read a page by OCR: `auto` (default) when its text layer is missing or unusable, `always`, or `never`. */
  ocr?: OcrMode;
  /** Called as each page has been read (1-based), for progress and for limits on a stalled file. */
  onPage?: (pageNumber: number, pageCount: number) => void;
}

export interface PageLayouts {
  pageCount: number;
  layouts: PageLayout[];
  /** How each page was read: its text layer, or OCR. */
  pageMethods: Map<number, 'text' | 'ocr'>;
  /** What the OCR correction pass changed, by cell (empty when no page was OCR'd). */
  corrections: CorrectionMap;
  /** The skew (degrees) each OCR'd page was straightened by (0: not turned); its layout is in the straightened page. */
  skews: Map<number, number>;
  /** Clockwise quarter turns a page read by OCR was given because it was scanned sideways or upside down (pages turned only). */
  quarterTurns: Map<number, number>;
}

/**
 * The pages of a PDF as tables and free lines (what `shenbao tables` prints). Each page is read
 * from its text layer, or by OCR when the text layer is missing or unusable (see decidePage).
 * Throws ExtractError (PDF_*, OCR_FAILED).
 */
export async function readLayouts(data: Uint8Array, options: PipelineOptions = {}): Promise<PageLayouts> {
  const mode = options.ocr ?? 'auto';
  return withDocument(data, async (doc) => {
    const layouts: PageLayout[] = [];
    const pageMethods = new Map<number, 'text' | 'ocr'>();
    const corrections: CorrectionMap = new Map();
    const skews = new Map<number, number>();
    const quarterTurns = new Map<number, number>();
    for (let n = 1; n <= doc.numPages; n++) {
      let page: Awaited<ReturnType<typeof doc.getPage>>;
      try {
        page = await doc.getPage(n);
      } catch (e) {
        throw new ExtractError('PDF_INVALID', `page ${n} could not be read: ${(e as Error)?.message ?? String(e)}. The PDF may be damaged; re-export it from the program that made it.`, { cause: e });
      }
      try {
        const content = await readPage(page);
        if (decidePage(content, mode).ocr) {
          const { content: read, scan } = await ocrPage(page, content);
          const layout = buildPageLayout(read);
          for (const [cell, notes] of await correctLayout(layout, scan)) corrections.set(cell, notes);
          layouts.push(layout);
          pageMethods.set(n, 'ocr');
          skews.set(n, scan.skew);
          if (scan.quarterTurns) quarterTurns.set(n, scan.quarterTurns);
        } else {
          layouts.push(buildPageLayout(content));
          pageMethods.set(n, 'text');
        }
      } finally {
        page.cleanup();
      }
      options.onPage?.(n, doc.numPages);
    }
    // the whole file read: its confident readings settle doubtful glyphs, the provinces it names doubtful names, and its documents' issuer doubtful heads
    if ([...pageMethods.values()].includes('ocr')) {
      for (const fixAll of [fixByDocumentContext, fixProvinceNames, fixDocumentIssuers]) {
        for (const fix of fixAll(layouts)) applyFix(fix.cell, fix, fix.pageNumber, corrections);
      }
    }
    return { pageCount: doc.numPages, layouts, pageMethods, corrections, skews, quarterTurns };
  });
}

/** Records from PDF bytes: pages → tables → forms → validated records. Throws ExtractError. */
export async function extractRecords(
  data: Uint8Array,
  file: string,
  sha256 = sha256Of(data),
  options: PipelineOptions = {},
): Promise<{ pageCount: number; records: DeclarationRecord[] }> {
  const { pageCount, layouts, pageMethods, corrections, skews, quarterTurns } = await readLayouts(data, options);
  const pageSizes = new Map(layouts.map((l) => [l.pageNumber, { width: l.width, height: l.height }]));
  const forms = splitForms(layouts);
  if (forms.length === 0) {
    const hint = options.ocr === 'never' ? ' OCR was off (--ocr never): if it is a scan, read it with --ocr auto.' : '';
    throw new ExtractError('FORM_NOT_FOUND', `${file} holds no 项目支出绩效目标申报表 form (no ruled table with a 项目名称 row was found on ${pageCount} page(s)).${hint}`);
  }
  const ocrPages = new Set([...pageMethods].filter(([, m]) => m === 'ocr').map(([p]) => p));
  const records = forms.map((form, i) => {
    const draft = mapForm(form);
    // A cell OCR found blank holds no glyph to say so: every value of a page read by OCR is OCR's.
    for (const at of Object.values(draft.provenance)) if (ocrPages.has(at.page)) at.method = 'ocr';
    draft.warnings.push(...trimOcrNameMarks(draft), ...snapOcrAttribute(draft), ...fixRatePercents(draft), ...fixOcrTextEnds(draft), ...ocrWarnings(form, draft, corrections, ocrPages), ...pageTurnWarnings(form.pages, quarterTurns));
    unskewProvenance(draft.provenance, skews, pageSizes, quarterTurns);
    return buildRecord(draft, { file, sha256, formIndex: i + 1, pageMethods });
  });
  return { pageCount, records };
}

/** One file through every stage. Resolves with a failed result instead of rejecting. */
export async function extractFile(file: string, options: PipelineOptions = {}): Promise<FileResult> {
  let sha256: string | null = null;
  try {
    const data = await readBytes(file);
    sha256 = sha256Of(data);
    if (data.length === 0) throw new ExtractError('PDF_EMPTY', `${file} is empty (0 bytes).`);
    const { pageCount, records } = await extractRecords(data, file, sha256, options);
    return { ok: true, file, sha256, pageCount, records };
  } catch (e) {
    const error: FileFailure =
      e instanceof ExtractError
        ? { code: e.code, message: e.message }
        : { code: 'INTERNAL', message: `unexpected failure on ${file}: ${(e as Error)?.stack ?? String(e)}` };
    return { ok: false, file, sha256, error };
  }
}
