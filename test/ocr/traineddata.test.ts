import test from 'ava';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { lstmOnly, readTraineddata, writeTraineddata } from '../../src/ocr/traineddata.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

test('entries written are read back, absent ones stay absent, and the order of offsets is not the order of entries', (t) => {
  const entries = new Map([
    [0, bytes(1, 2, 3)],
    [3, bytes(4)],
    [17, bytes(5, 6)],
    [23, bytes(7, 8, 9, 10)],
  ]);
  const file = writeTraineddata(entries, 24);
  t.is(file.byteLength, 4 + 8 * 24 + 10);
  t.deepEqual(readTraineddata(file), entries);
  // entries laid out in another order than their numbers: each still ends where the next one in the file begins
  const view = new DataView(file.buffer);
  const swapped = file.slice();
  const sv = new DataView(swapped.buffer);
  sv.setBigInt64(4 + 8 * 0, view.getBigInt64(4 + 8 * 23, true), true);
  sv.setBigInt64(4 + 8 * 23, view.getBigInt64(4 + 8 * 0, true), true);
  const read = readTraineddata(swapped);
  t.deepEqual(read.get(0), bytes(7, 8, 9, 10));
  t.deepEqual(read.get(23), bytes(1, 2, 3));
});

test('bytes that are not a traineddata file are refused', (t) => {
  t.throws(() => readTraineddata(bytes(1, 2)), { message: /not a traineddata file/ });
  t.throws(() => readTraineddata(bytes(24, 0, 0, 0, 0)), { message: /not a traineddata file/ });
  const file = writeTraineddata(new Map([[17, bytes(1)]]), 24);
  new DataView(file.buffer).setBigInt64(4 + 8 * 17, 1_000_000n, true);
  t.throws(() => readTraineddata(file), { message: /entry 17/ });
});

test('lstmOnly keeps the LSTM, its dictionaries and the config, and drops what only the legacy engine reads', (t) => {
  const file = writeTraineddata(new Map([0, 1, 3, 4, 5, 7, 13, 17, 18, 19, 20, 23].map((e) => [e, bytes(e, e)])), 24);
  t.deepEqual([...readTraineddata(lstmOnly(file)).keys()].sort((a, b) => a - b), [0, 1, 17, 18, 19, 20, 23]);
  t.throws(() => lstmOnly(writeTraineddata(new Map([[3, bytes(1)]]), 24)), { message: /no LSTM/ });
});

test('the package’s 4.0.0 chi_sim shrinks from 44 MB to its LSTM, byte for byte the same entries', (t) => {
  const dir = dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/chi_sim/package.json'));
  const full = new Uint8Array(gunzipSync(readFileSync(join(dir, '4.0.0', 'chi_sim.traineddata.gz'))));
  const kept = readTraineddata(lstmOnly(full));
  const all = readTraineddata(full);
  t.true(full.byteLength > 40e6);
  t.true(lstmOnly(full).byteLength < 3e6);
  t.true(kept.has(17));
  for (const [e, b] of kept) t.deepEqual(b, all.get(e));
});
