/**
 * Bulk-run benchmark (npm run bench): on a generated batch of PDFs, times
 *   1. the floor: pdf.js alone, in one thread, reading every page's operator list (what any
 *      extractor built on pdf.js must at least do),
 *   2. `shenbao extract` (the built CLI, a fresh output folder) with 1 worker, and with all cores,
 * and prints the ratios. Usage: npx tsx scripts/bench.ts [--files N] [--keep DIR]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { withDocument } from '../src/pdf/open-document.ts';
import { findPdfs } from '../src/find-pdfs.ts';

const { values } = parseArgs({ options: { files: { type: 'string', default: '120' }, keep: { type: 'string' } } });
const FILES = Number(values.files);
const root = path.resolve(import.meta.dirname, '..');

/** A batch of distinct files: every committed sample in turn, each copy unique by a trailing comment. */
async function makeBatch(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const samples = (await findPdfs([path.join(root, 'samples')])).filter((f) => !f.includes(`${path.sep}scans${path.sep}`));
  const sources = await Promise.all(samples.map((f) => readFile(f)));
  for (let i = 0; i < FILES; i++) {
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

if (!existsSync(path.join(root, 'dist', 'cli.js'))) throw new Error('build first: npm run build');
const dir = values.keep ?? (await mkdtemp(path.join(tmpdir(), 'shenbao-bench-')));
const input = path.join(dir, 'in');
await makeBatch(input);
const files = await findPdfs([input]);
const cores = availableParallelism();
console.log(`batch: ${files.length} files in ${input}; ${cores} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}`);

const floor = await pdfjsFloor(files);
console.log(`pdf.js alone, 1 thread: ${floor.seconds.toFixed(2)} s for ${floor.pages} pages (${((floor.seconds / floor.pages) * 1000).toFixed(1)} ms/page)`);
console.log(`shenbao extract, 1 worker:`);
const one = shenbao(input, 1);
console.log(`  ${one.toFixed(2)} s`);
console.log(`shenbao extract, ${cores} workers:`);
const all = shenbao(input, cores);
console.log(`  ${all.toFixed(2)} s`);
console.log('ratios:');
console.log(`  shenbao (${cores} workers) / pdf.js alone: ${(all / floor.seconds).toFixed(2)}x`);
console.log(`  shenbao (1 worker) / pdf.js alone:  ${(one / floor.seconds).toFixed(2)}x`);
console.log(`  speed-up from 1 to ${cores} workers:   ${(one / all).toFixed(2)}x`);
if (!values.keep) await rm(dir, { recursive: true, force: true });
