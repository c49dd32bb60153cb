/** The review page and reviewer corrections (`shenbao review`, `shenbao apply`). Never prints or exits. */
export { buildReviewSite, selectRecords, DEFAULT_DPI, type ReviewOptions, type ReviewResult } from './build-site.ts';
export { applyCorrections, applyToRecords, applyToRecord, checkCorrections, appliedLogPath, type ApplyResult, type ApplySummary } from './apply-corrections.ts';
export {
  parseCorrections, parseCorrectionsText, CorrectionsFileSchema, CorrectionSchema, CORRECTIONS_FORMAT, CORRECTIONS_VERSION,
  type Correction, type CorrectionsFile, type CorrectionProblem, type CorrectionProblemCode,
} from './corrections-format.ts';
export { overviewAmountWarnings, overviewAmounts, OVERVIEW_AMOUNT_CODE } from '../schema/overview-amounts.ts';
export { reviewWarnings, lowConfidenceWarnings, LOW_CONFIDENCE_CODE } from './review-checks.ts';
export { sampleRecords, seededRandom } from './sample.ts';
export { ReviewError, type ReviewErrorCode } from './errors.ts';
