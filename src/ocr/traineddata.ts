/**
 * Tesseract's `.traineddata` container: a little-endian int32 count of entries, that many int64
 * offsets (-1 for an entry not present), then the entries' bytes in offset order; an entry ends
 * where the next present one begins (the last at the end of the file). The entry numbers are
 * Tesseract's TessdataType (tessdata_manager.h).
 */

/**
 * Entries only the legacy engine reads: its classifier (inttemp, pffmtable, normproto, shapetable),
 * its dictionaries (punc, word, number, freq, fixed-length, bigram, unambig dawgs), cube's two
 * and the params model. The LSTM has its own dictionaries (18-20) and character sets (21, 22, or
 * inside the network in older files).
 */
const LEGACY_ONLY = new Set([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
/** The LSTM network; a file without it cannot be read LSTM only. */
const LSTM = 17;

/** A .traineddata file's entries by number. Throws on bytes that are not one. */
export function readTraineddata(bytes: Uint8Array): Map<number, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = bytes.byteLength >= 4 ? view.getInt32(0, true) : -1;
  const tableEnd = 4 + 8 * count;
  if (count < 1 || count > 64 || tableEnd > bytes.byteLength) throw new Error('not a traineddata file (bad entry table)');
  const offsets: Array<[entry: number, offset: number]> = [];
  for (let i = 0; i < count; i++) {
    const offset = Number(view.getBigInt64(4 + 8 * i, true));
    if (offset === -1) continue;
    if (offset < tableEnd || offset > bytes.byteLength) throw new Error(`not a traineddata file (entry ${i} at ${offset})`);
    offsets.push([i, offset]);
  }
  offsets.sort((a, b) => a[1] - b[1]);
  const entries = new Map<number, Uint8Array>();
  offsets.forEach(([entry, offset], k) => entries.set(entry, bytes.subarray(offset, offsets[k + 1]?.[1] ?? bytes.byteLength)));
  return entries;
}

/** Entries → a .traineddata file with a table of `count` entries. */
export function writeTraineddata(entries: ReadonlyMap<number, Uint8Array>, count: number): Uint8Array {
  const present = [...entries.keys()].filter((e) => e < count).sort((a, b) => a - b);
  const tableEnd = 4 + 8 * count;
  const size = present.reduce((n, e) => n + entries.get(e)!.byteLength, tableEnd);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setInt32(0, count, true);
  for (let i = 0; i < count; i++) view.setBigInt64(4 + 8 * i, -1n, true);
  let at = tableEnd;
  for (const e of present) {
    view.setBigInt64(4 + 8 * e, BigInt(at), true);
    out.set(entries.get(e)!, at);
    at += entries.get(e)!.byteLength;
  }
  return out;
}

/**
 * A .traineddata file without the entries only the legacy engine reads. Read LSTM only, Tesseract
 * never looks at them, but it loads the whole file into memory: tessdata's own chi_sim is 44 MB,
 * of which the LSTM needs 2.5 MB.
 */
export function lstmOnly(bytes: Uint8Array): Uint8Array {
  const entries = readTraineddata(bytes);
  if (!entries.has(LSTM)) throw new Error('the traineddata file holds no LSTM network');
  const count = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(0, true);
  return writeTraineddata(new Map([...entries].filter(([e]) => !LEGACY_ONLY.has(e))), count);
}
