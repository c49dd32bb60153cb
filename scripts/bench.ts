/**
 * Bulk-run benchmark (npm run bench): on a generated batch of PDFs, times
 *   1. the floor: pdf.js alone, in one thread, reading every page's operator list (what any
 *      extractor built on pdf.js must at least do),
 *   2. `shenbao extract` (the built CLI, a fresh output folder) with 1 worker, and with all cores,
 * and prints the ratios. The three are run in turn `--rounds` times and the medians compared, so
 * that a busy moment of a shared machine does not decide the result.
 *
 * `--memory-files N` then runs shenbao (all cores) on a batch of N files, sampling the process's
 * resident memory every second: it should stay flat, not grow with the number of files.
 *
 * Usage: npx tsx scripts/bench.ts [--files N] [--rounds R] [--memory-files N] [--keep DIR]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { withDocument } from '../src/pdf/open-document.ts';
import { findPdfs } from '../src/find-pdfs.ts';

const { values } = parseArgs({
  options: { files: { type: 'string', default: '120' }, rounds: { type: 'string', default: '3' }, 'memory-files': { type: 'string' }, keep: { type: 'string' } },
});
const FILES = Number(values.files);
const ROUNDS = Math.max(1, Number(values.rounds));
const root = path.resolve(import.meta.dirname, '..');

/** A batch of distinct files: every committed sample in turn, each copy unique by a trailing comment. */
async function makeBatch(dir: string, count: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const samples = (await findPdfs([path.join(root, 'samples')])).filter((f) => !f.includes(`${path.sep}scans${path.sep}`));
  const sources = await Promise.all(samples.map((f) => readFile(f)));
  for (let i = 0; i < count; i++) {
    const bytes = Buffer.concat([sources[i % sources.length]!, Buffer.from(`\n%bench copy ${i}\n`)]);
    await writeFile(path.join(dir, `bench-${String(i).padStart(4, '0')}.pdf`), bytes);
  }
}

async function pdfjsFloor(files: string[]): Promise<{ seconds: number; pages: number }> {
  const t0 = performance.now();
  let pages = 0;
  for (const file of files) {
    await withDocument(new Uint8Array(await readFile(file)), async (doc) => {
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        await page.getOperatorList();
        page.cleanup();
        pages++;
      }
    });
  }
  return { seconds: (performance.now() - t0) / 1000, pages };
}

function shenbao(input: string, concurrency: number): number {
  const out = path.join(tmpdir(), `shenbao-bench-out-${process.pid}-${concurrency}`);
  spawnSync('rm', ['-rf', out]);
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'extract', input, '--out', out, '--quiet', '--concurrency', String(concurrency)], { encoding: 'utf8' });
  const seconds = (performance.now() - t0) / 1000;
  if (run.status !== 0) throw new Error(`shenbao extract failed (${run.status}): ${run.stderr}`);
  process.stdout.write(`    ${run.stdout.split('\n')[0]}\n`);
  spawnSync('rm', ['-rf', out]);
  return seconds;
}

/** Resident memory (MB) of a process and its threads, from /proc; null where there is no /proc. */
function rssMb(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/** shenbao (all cores) on `input`, sampling its resident memory every second. */
async function memoryRun(input: string, concurrency: number): Promise<{ seconds: number; samples: number[] }> {
  const out = path.join(tmpdir(), `shenbao-bench-mem-${process.pid}`);
  spawnSync('rm', ['-rf', out]);
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'dist', 'cli.js'), 'extract', input, '--out', out, '--quiet', '--concurrency', String(concurrency)], { stdio: ['ignore', 'inherit', 'inherit'] });
  const samples: number[] = [];
  const timer = setInterval(() => {
    const mb = child.pid ? rssMb(child.pid) : null;
    if (mb !== null) samples.push(mb);
  }, 1000);
  const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  spawnSync('rm', ['-rf', out]);
  if (status !== 0) throw new Error(`shenbao extract failed (${status})`);
  return { seconds: (performance.now() - t0) / 1000, samples };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(', ');

if (!existsSync(path.join(root, 'dist', 'cli.js'))) throw new Error('build first: npm run build');
const dir = values.keep ?? (await mkdtemp(path.join(tmpdir(), 'shenbao-bench-')));
const input = path.join(dir, 'in');
await makeBatch(input, FILES);
const files = await findPdfs([input]);
const cores = availableParallelism();
console.log(`batch: ${files.length} files in ${input}; ${cores} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}; ${ROUNDS} round(s)`);

const floors: number[] = [];
const ones: number[] = [];
const alls: number[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  const floor = await pdfjsFloor(files);
  floors.push(floor.seconds);
  console.log(`round ${round}: pdf.js alone, 1 thread: ${floor.seconds.toFixed(2)} s for ${floor.pages} pages (${((floor.seconds / floor.pages) * 1000).toFixed(1)} ms/page)`);
  console.log(`round ${round}: shenbao extract, 1 worker:`);
  ones.push(shenbao(input, 1));
  console.log(`  ${ones.at(-1)!.toFixed(2)} s`);
  console.log(`round ${round}: shenbao extract, ${cores} workers:`);
  alls.push(shenbao(input, cores));
  console.log(`  ${alls.at(-1)!.toFixed(2)} s`);
}
const [floor, one, all] = [median(floors), median(ones), median(alls)];
console.log(`medians: pdf.js alone ${floor.toFixed(2)} s (${seconds(floors)}); shenbao 1 worker ${one.toFixed(2)} s (${seconds(ones)}); ${cores} workers ${all.toFixed(2)} s (${seconds(alls)})`);
console.log('ratios (medians):');
console.log(`  shenbao (${cores} workers) / pdf.js alone: ${(all / floor).toFixed(2)}x`);
console.log(`  shenbao (1 worker) / pdf.js alone:  ${(one / floor).toFixed(2)}x`);
console.log(`  speed-up from 1 to ${cores} workers:   ${(one / all).toFixed(2)}x`);

if (values['memory-files']) {
  const big = path.join(dir, 'memory');
  await makeBatch(big, Number(values['memory-files']));
  console.log(`memory: shenbao extract, ${cores} workers, ${values['memory-files']} files:`);
  const { seconds: took, samples } = await memoryRun(big, cores);
  if (samples.length < 3) console.log(`  ${took.toFixed(1)} s; too short to sample memory`);
  else {
    const third = Math.max(1, Math.floor(samples.length / 3));
    const peak = (xs: number[]) => Math.max(...xs).toFixed(0);
    console.log(`  ${took.toFixed(1)} s; resident memory peak ${peak(samples)} MB; peak in the first third ${peak(samples.slice(0, third))} MB, in the last third ${peak(samples.slice(-third))} MB (${samples.length} samples)`);
  }
}
if (!values.keep) await rm(dir, { recursive: true, force: true });
