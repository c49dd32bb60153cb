import test from 'ava';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { runBatch } from '../../src/batch/run-batch.ts';
import { WorkerPool } from '../../src/batch/worker-pool.ts';
import { extractRecords, sha256Of } from '../../src/pipeline.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const task = async (file: string) => {
  const data = new Uint8Array(await readFile(file));
  return { file, sha256: sha256Of(data), data, options: {} };
};

test('a file past the time limit is stopped and reported; the pool goes on with a fresh worker', async (t) => {
  const pool = new WorkerPool(1, { fileTimeoutMs: 1, memoryMb: 2048 });
  try {
    const slow = (await pool.run(await task('samples/landscape-medium-all.pdf')))!;
    t.false(slow.ok);
    if (!slow.ok) {
      t.is(slow.error.code, 'TIMEOUT');
      t.regex(slow.error.message, /--file-timeout/);
    }
  } finally {
    await pool.close();
  }
  const roomy = new WorkerPool(1, { fileTimeoutMs: 120_000, memoryMb: 2048 });
  try {
    const ok = (await roomy.run(await task('samples/portrait-song-01.pdf')))!;
    t.true(ok.ok);
  } finally {
    await roomy.close();
  }
});

test('files beyond the pool size wait for a worker; once the pool stops taking files, the waiting ones resolve with null', async (t) => {
  const pool = new WorkerPool(1, { fileTimeoutMs: 120_000, memoryMb: 2048 });
  try {
    const files = ['samples/portrait-song-01.pdf', 'samples/portrait-song-02.pdf', 'samples/portrait-song-03.pdf'];
    const results = await Promise.all(files.map(async (f) => pool.run(await task(f))));
    t.deepEqual(results.map((r) => r?.ok && r.records.length), [1, 1, 1]);
    const first = pool.run(await task(files[0]!));
    const second = pool.run(await task(files[1]!));
    pool.stopTaking();
    t.true((await first)?.ok, 'the file in flight finishes');
    t.is(await second, null, 'the waiting file is not started');
  } finally {
    await pool.close();
  }
});

test('a file that needs more memory than the limit is stopped and reported as MEMORY_LIMIT', async (t) => {
  const pool = new WorkerPool(1, { fileTimeoutMs: 120_000, memoryMb: 8 });
  try {
    const result = (await pool.run(await task('samples/compact-light-all.pdf')))!;
    t.false(result.ok);
    if (!result.ok) t.is(result.error.code, 'MEMORY_LIMIT', result.error.message);
  } finally {
    await pool.close();
  }
});

test('in a batch, a stopped file is one error line and is tried again on the next run', async (t) => {
  const dir = await tempDir(t, 'shenbao-limits-');
  await mkdir(path.join(dir, 'in'));
  await copyFile('samples/portrait-song-06.pdf', path.join(dir, 'in', 'a.pdf'));
  const out = path.join(dir, 'out');
  const first = await runBatch([path.join(dir, 'in')], { outDir: out, concurrency: 1, fileTimeoutMs: 1 });
  t.deepEqual(first.failuresByCode, { TIMEOUT: 1 });
  const second = await runBatch([path.join(dir, 'in')], { outDir: out, concurrency: 1 });
  t.is(second.read, 1, 'a TIMEOUT is not kept: the file is read again');
  t.is(second.failed, 0);
  t.is(second.records, 1);
});

test('the pipeline tells each page as it is read (the batch restarts a file\'s time limit on it)', async (t) => {
  const data = new Uint8Array(await readFile('samples/landscape-medium-all.pdf'));
  const pages: Array<[number, number]> = [];
  const { pageCount } = await extractRecords(data, 'x.pdf', undefined, { onPage: (n, total) => pages.push([n, total]) });
  t.true(pageCount > 1);
  t.deepEqual(pages, Array.from({ length: pageCount }, (_, i) => [i + 1, pageCount]));
});
