import test from 'ava';
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { runBatch } from '../../src/batch/run-batch.ts';
import { writeBadFiles } from '../helpers/bad-pdfs.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { diffFields, projectOntoTruth, type TruthRecord } from '../golden/compare-records.ts';

const manifest = JSON.parse(await readFile('samples/manifest.json', 'utf8')) as { file: string; records: TruthRecord[] }[];

test('each kind of bad file ends as its code in errors.jsonl; the good files still give exact records', async (t) => {
  const dir = await tempDir(t, 'shenbao-bad-');
  const input = path.join(dir, 'in');
  const expected = await writeBadFiles(input, 'samples/portrait-song-01.pdf');
  await copyFile('samples/portrait-song-02.pdf', path.join(input, 'good-02.pdf'));
  await copyFile('samples/compact-light-all.pdf', path.join(input, 'good-all.pdf'));
  const out = path.join(dir, 'out');
  const summary = await runBatch([input], { outDir: out, concurrency: 2 });

  t.true(summary.complete);
  t.is(summary.failed, expected.size);
  const errors = (await readFile(path.join(out, 'errors.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { file: string; code: string; message: string });
  t.deepEqual(Object.fromEntries(errors.map((e) => [e.file, e.code])), Object.fromEntries(expected));
  for (const e of errors) t.true(e.message.length > 20, `${e.code} says what to do: ${e.message}`);

  const records = (await readFile(path.join(out, 'records.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
  // Input order: folders are walked in name order (good-02 before good-all).
  const truth = [
    ...manifest.find((m) => m.file === 'portrait-song-02.pdf')!.records,
    ...manifest.find((m) => m.file === 'compact-light-all.pdf')!.records,
  ];
  t.deepEqual(diffFields(truth, records.map(projectOntoTruth)), []);
});
