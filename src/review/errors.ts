export type ReviewErrorCode = 'OUTPUT_NOT_FOUND' | 'RECORDS_INVALID' | 'SITE_DIR_NOT_OURS' | 'SAMPLE_INVALID';

/** A review or apply run that cannot go on, with a code and a reason a person can act on. */
export class ReviewError extends Error {
  override readonly name = 'ReviewError';
  constructor(
    readonly code: ReviewErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
