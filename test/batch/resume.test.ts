import test from 'ava';
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runBatch } from '../../src/batch/run-batch.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const SOURCES = ['samples/portrait-song-01.pdf', 'samples/portrait-song-04.pdf', 'samples/compact-light-all.pdf', 'samples/html/html-a4-portrait-uming.pdf'];
const FILES = 32;

/** A folder of distinct PDFs: the samples, each copy made unique by a trailing comment. */
async function makeInputs(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const sources = await Promise.all(SOURCES.map((f) => readFile(f)));
  for (let i = 0; i < FILES; i++) {
    await writeFile(path.join(dir, `doc-${String(i).padStart(2, '0')}.pdf`), Buffer.concat([sources[i % sources.length]!, Buffer.from(`\n%copy ${i}\n`)]));
  }
}

/** Every output file (not the resume store) with its content. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== '.shenbao') await walk(p);
      } else out[path.relative(dir, p)] = await readFile(p, 'utf8');
    }
  };
  await walk(dir);
  return out;
}

const countResults = async (out: string) => (await readdir(path.join(out, '.shenbao', 'results')).catch(() => [])).filter((f) => f.endsWith('.json')).length;

/**
 * Run the CLI in a child process and SIGKILL it the first time `killNow()` holds (polled).
 * Resolves once the child is gone, with whether it was killed (rather than finishing first).
 */
function killWhen(args: string[], killNow: () => Promise<boolean>): Promise<boolean> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'extract', ...args, '--quiet'], { stdio: 'ignore' });
  return new Promise((resolve) => {
    let polling = false;
    const poll = setInterval(async () => {
      if (polling) return;
      polling = true;
      if (await killNow()) child.kill('SIGKILL');
      polling = false;
    }, 5);
    child.on('exit', (_code, signal) => {
      clearInterval(poll);
      resolve(signal === 'SIGKILL');
    });
  });
}

test('a batch killed part-way then resumed writes exactly what one clean run writes', async (t) => {
  const dir = await tempDir(t, 'shenbao-resume-');
  const input = path.join(dir, 'in');
  await makeInputs(input);
  const clean = path.join(dir, 'clean');
  await runBatch([input], { outDir: clean, concurrency: 2 });
  const expected = await snapshot(clean);
  t.true(Object.keys(expected).length > FILES);

  const resumed = path.join(dir, 'resumed');
  let finishedBeforeKill = 0;
  const killed = await killWhen([input, '--out', resumed, '--concurrency', '2'], async () => (finishedBeforeKill = await countResults(resumed)) >= 5);
  t.true(killed && finishedBeforeKill < FILES, 'killed while files were still being read');
  // Nothing half-written is visible: the batch-wide outputs appear only when every file is done.
  t.false(Object.keys(await snapshot(resumed)).includes('records.jsonl'));

  const events: string[] = [];
  const summary = await runBatch([input], { outDir: resumed, concurrency: 2, onEvent: (e) => e.type === 'file' && events.push(e.status) });
  t.true(summary.reused >= finishedBeforeKill, `${summary.reused} reused after ${finishedBeforeKill} finished`);
  t.is(summary.read + summary.reused, FILES);
  t.deepEqual(await snapshot(resumed), expected);
});

test('a batch killed while it writes its outputs leaves the previous outputs whole, and a re-run completes them', async (t) => {
  const dir = await tempDir(t, 'shenbao-resume-');
  const input = path.join(dir, 'in');
  await makeInputs(input);
  const out = path.join(dir, 'out');
  await runBatch([input], { outDir: out, concurrency: 2 });
  const expected = await snapshot(out);
  // --force reads every file again; kill it once they are all done, when it writes the outputs.
  const storeDir = path.join(out, '.shenbao', 'results');
  const before = new Map<string, number>();
  for (const f of await readdir(storeDir)) before.set(f, (await stat(path.join(storeDir, f))).mtimeMs);
  const allRewritten = async () => {
    for (const [f, mtime] of before) if ((await stat(path.join(storeDir, f))).mtimeMs <= mtime) return false;
    return true;
  };
  t.log(`killed: ${await killWhen([input, '--out', out, '--force'], allRewritten)}`);
  // Whatever moment the kill hit, every batch-wide file is either the old whole one or the new whole one.
  const afterKill = await snapshot(out);
  for (const name of ['records.jsonl', 'projects.csv', 'funding.csv', 'indicators.csv', 'errors.jsonl']) t.is(afterKill[name], expected[name], name);
  await runBatch([input], { outDir: out, concurrency: 2 });
  t.deepEqual(await snapshot(out), expected);
});

test("a new extract into a reviewed folder writes the reviewers' applied corrections again", async (t) => {
  const dir = await tempDir(t, 'shenbao-reextract-');
  await mkdir(path.join(dir, 'in'));
  await writeFile(path.join(dir, 'in', 'a.pdf'), await readFile('samples/portrait-song-01.pdf'));
  const out = path.join(dir, 'out');
  await runBatch([path.join(dir, 'in')], { outDir: out, concurrency: 1 });
  const [record] = (await readFile(path.join(out, 'records.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
  const corrections = {
    format: 'shenbao-corrections',
    version: 1,
    corrections: [
      { recordId: record.id, field: 'projectName', action: 'correct', value: '政府购买服务经费（核）', seen: record.projectName, reviewer: '王芳', at: '2026-11-27T01:00:00.000Z' },
      { recordId: record.id, field: 'period', action: 'verify', seen: '98年', reviewer: '王芳', at: '2026-11-27T01:01:00.000Z' },
    ],
  };
  const { applyCorrections } = await import('../../src/review/apply-corrections.ts');
  // The second decision saw a value the record never had: apply refuses the whole file...
  t.false((await applyCorrections(out, corrections as never)).ok);
  corrections.corrections[1]!.seen = record.period;
  t.true((await applyCorrections(out, corrections as never)).ok);
  await runBatch([path.join(dir, 'in')], { outDir: out, concurrency: 1, force: true });
  const [again] = (await readFile(path.join(out, 'records.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
  t.is(again.projectName, '政府购买服务经费（核）');
  t.is(again.review.projectName.original, record.projectName);
  t.is(again.review.period.action, 'verify');
});
