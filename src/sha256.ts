import { createHash } from 'node:crypto';

/** A file's identity in records and the result store: the sha256 of its bytes, hex. */
export const sha256Of = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');
