import test from 'ava';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runBatch } from '../../src/batch/run-batch.ts';
import { ExtractError } from '../../src/errors.ts';
import { sha256Of } from '../../src/sha256.ts';
import { tempDir } from '../helpers/temp-dir.ts';

test('a batch that cannot write its store or outputs fails as OUTPUT_FAILED, leaving the previous outputs and no temporary file', async (t) => {
  const dir = await tempDir(t, 'shenbao-outfail-');
  const input = path.join(dir, 'in');
  await mkdir(input);
  await copyFile('samples/portrait-song-01.pdf', path.join(input, 'a.pdf'));
  await copyFile('samples/portrait-song-02.pdf', path.join(input, 'b.pdf'));
  const out = path.join(dir, 'out');
  t.true((await runBatch([input], { outDir: out, concurrency: 1 })).complete);
  const before = await readFile(path.join(out, 'records.jsonl'), 'utf8');

  // The store entry of b.pdf cannot be written: a folder (not empty) stands where its file goes,
  // as a full or read-only disk refuses a write part-way through a batch.
  const sha = sha256Of(new Uint8Array(await readFile(path.join(input, 'b.pdf'))));
  const blocked = path.join(out, '.shenbao', 'results', `${sha}.json`);
  await rm(blocked, { force: true });
  await mkdir(blocked);
  await writeFile(path.join(blocked, 'x'), '');
  await writeFile(path.join(input, 'c.pdf'), await readFile('samples/portrait-song-03.pdf'));

  const error = await t.throwsAsync(runBatch([input], { outDir: out, concurrency: 1, force: true }));
  t.true(error instanceof ExtractError);
  t.is((error as ExtractError).code, 'OUTPUT_FAILED');
  t.regex(error!.message, new RegExp(out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  t.is(await readFile(path.join(out, 'records.jsonl'), 'utf8'), before, 'the previous outputs are untouched');
  const temps = (await readdir(out, { recursive: true })).filter((f) => f.endsWith('.tmp'));
  t.deepEqual(temps, []);
});
