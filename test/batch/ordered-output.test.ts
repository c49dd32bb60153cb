import test from 'ava';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { OrderedOutput } from '../../src/batch/ordered-output.ts';
import { ResultStore } from '../../src/batch/result-store.ts';
import { extractRecords, type FileResult } from '../../src/pipeline.ts';
import { mulberry32 } from '../../src/random.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const FILES = 80; // more than the results OrderedOutput holds in memory

async function results(): Promise<FileResult[]> {
  const file = 'samples/portrait-song-01.pdf';
  const { records } = await extractRecords(new Uint8Array(await readFile(file)), file);
  return Array.from({ length: FILES }, (_, i) => {
    const sha256 = String(i).padStart(64, '0');
    const name = `in/${String(i).padStart(3, '0')}.pdf`;
    if (i % 9 === 4) return { ok: false, file: name, sha256, error: { code: 'FORM_NOT_FOUND', message: `no form in ${name}` } };
    const record = { ...records[0]!, id: `${sha256.slice(0, 12)}-1`, projectName: `项目${i}`, source: { ...records[0]!.source, file: name, sha256 } };
    return { ok: true, file: name, sha256, pageCount: 1, records: [record] };
  });
}

test('files finishing in any order reach the outputs in input order, once each, repeats left out', async (t) => {
  const all = await results();
  const files = all.map((r) => r.file);
  const order = files.map((_, i) => i);
  const random = mulberry32(7);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const out = await tempDir(t, 'shenbao-ordered-');
  const store = await ResultStore.open(out, 'test');
  const output = await OrderedOutput.open(out, files, store);
  for (const i of order) {
    if (i === 10) output.add(i, null, false); // a repeat of an earlier input: nothing written
    else output.add(i, all[i]!, await store.put(all[i]!));
  }
  await output.commit();
  const lines = (await readFile(path.join(out, 'records.jsonl'), 'utf8')).trim().split('\n');
  const expected = all.filter((r, i) => r.ok && i !== 10).map((r) => r.file);
  t.deepEqual(lines.map((l) => JSON.parse(l).source.file), expected);
  const errors = (await readFile(path.join(out, 'errors.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l).file);
  t.deepEqual(errors, all.filter((r) => !r.ok).map((r) => r.file));
});

test('outputs are not committed while a file is missing; the previous ones stay', async (t) => {
  const all = (await results()).slice(0, 5);
  const out = await tempDir(t, 'shenbao-ordered-');
  const store = await ResultStore.open(out, 'test');
  const output = await OrderedOutput.open(out, all.map((r) => r.file), store);
  for (const r of all.slice(1)) output.add(all.indexOf(r), r, await store.put(r));
  await t.throwsAsync(output.commit(), { message: /only 0 of 5/ });
  await output.discard();
  await t.throwsAsync(readFile(path.join(out, 'records.jsonl')), { code: 'ENOENT' });
});
