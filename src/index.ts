/** shenbao's library API. It never prints or exits: results and coded errors are data. */
export { extractFile, extractRecords, readLayouts, sha256Of, type FileResult, type FileFailure, type PipelineOptions } from './pipeline.ts';
export { shutdownOcr, configureOcr } from './ocr/engine.ts';
export type { OcrMode } from './ocr/page-decision.ts';
export { runBatch, type BatchOptions, type BatchEvent, type BatchSummary } from './batch/run-batch.ts';
export { updateRecords } from './output/update-records.ts';
export { VERSION } from './version.ts';
export { findPdfs } from './find-pdfs.ts';
export { ExtractError, isExtractError, type ExtractErrorCode } from './errors.ts';
export * from './schema/record.ts';
export { parseIndicatorValue } from './schema/value-grammar.ts';
export { normalizeText } from './schema/normalize-text.ts';
export type { PageLayout, Table, Cell, FreeLine } from './table/types.ts';
export * from './review/index.ts';
