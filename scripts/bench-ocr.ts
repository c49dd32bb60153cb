/**
 * Benchmark of the OCR path (not a test): seconds per scanned page on one core, and native
 * `tesseract` (Debian's tesseract-ocr with chi_sim) on the same page image when it is installed.
 *
 *   npx tsx scripts/bench-ocr.ts [scan.pdf ...]        # default: samples/scans/*.pdf but the turned one
 *
 * One Tesseract worker (one core). For each page: the text layer read (pdf.js decodes the scan
 * image there), the page image (the decoded scan taken as it is, or a render), clean + rule
 * detection, then the OCR: the cells read, and the form's corrections, which read some cells
 * again (amounts at three sizes, the ink after a comparator), with the number of engine calls
 * and their mean time, timed apart; CPU time of the process is reported beside wall time (the
 * two differ when other work shares the machine).
 * For native tesseract the page is written as PNG (the straightened, cleaned page the per-cell
 * OCR reads) and read whole with `--psm 6`, after all of ours (see below).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';
import { configureOcr, ocrStats, recognize, shutdownOcr } from '../src/ocr/engine.ts';
import type { GrayImage } from '../src/ocr/gray-image.ts';
import { ocrDpi, pageGray } from '../src/ocr/ocr-page.ts';
import { prepareScan } from '../src/ocr/prepare-scan.ts';
import { readScannedPage } from '../src/ocr/read-scanned-page.ts';
import { correctLayout } from '../src/ocr/correct-layout.ts';
import { buildPageLayout } from '../src/table/build-tables.ts';
import { withDocument } from '../src/pdf/open-document.ts';
import { readPage } from '../src/pdf/read-page.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function nativeTesseract(): string | null {
  const r = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  return /\bchi_sim\b/.test(r.stdout + r.stderr) ? 'tesseract' : null;
}

function writePng(img: GrayImage, path: string): void {
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  const rgba = ctx.createImageData(img.width, img.height);
  for (let i = 0; i < img.data.length; i++) {
    rgba.data[i * 4] = rgba.data[i * 4 + 1] = rgba.data[i * 4 + 2] = img.data[i]!;
    rgba.data[i * 4 + 3] = 255;
  }
  ctx.putImageData(rgba, 0, 0);
  writeFileSync(path, canvas.encodeSync('png'));
}

const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dir = join(repoRoot, 'samples/scans');
  // upright pages: the steps below read a page once, as it lies (a page scanned turned is read up to four times, see ocrPage)
  const files = args.length > 0 ? args : readdirSync(dir).filter((f) => f.endsWith('.pdf') && !f.startsWith('scan-turned-')).sort().map((f) => join(dir, f));
  configureOcr({ workers: 1 });
  const native = nativeTesseract();
  const tmp = mkdtempSync(join(tmpdir(), 'shenbao-bench-'));
  // warm up: start the worker and load the model once, outside the timings
  await recognize({ width: 8, height: 8, data: new Uint8Array(64).fill(255) }, { psm: '7' });
  const rows: string[] = [];
  // each page's resolution, our wall seconds, and the image native tesseract reads after: the goal is stated for 200 dpi pages
  const pages: Array<{ dpi: number; wall: number; png: string; native?: number }> = [];
  let total = { pages: 0, wall: 0, cpu: 0, prep: 0, prepCpu: 0, read: 0, image: 0, clean: 0, ocr: 0, cells: 0, calls: 0, native: 0, nativePages: 0 };
  try {
    for (const file of files) {
      await withDocument(new Uint8Array(readFileSync(file)), async (doc) => {
        for (let n = 1; n <= doc.numPages; n++) {
          const page = await doc.getPage(n);
          const t0 = performance.now();
          const c0 = cpuSeconds();
          const content = await readPage(page);
          const dpi = ocrDpi(content);
          const tRead = performance.now();
          const gray = await pageGray(page, dpi);
          const tImage = performance.now();
          const scan = prepareScan(gray, { pageNumber: n, width: content.width, height: content.height }, dpi);
          const t1 = performance.now();
          const prepCpu = cpuSeconds() - c0;
          const s0 = ocrStats();
          const read = await readScannedPage(scan);
          const tCells = performance.now();
          // the form's corrections read some cells again (amounts, comparators): part of a page's OCR
          await correctLayout(buildPageLayout(read), scan);
          const t2 = performance.now();
          const s1 = ocrStats();
          const calls = s1.calls - s0.calls;
          const cpu = cpuSeconds() - c0;
          page.cleanup();
          // native tesseract runs after all of ours: a child process forked from this one write-protects
          // its memory, and the first write to each page after that faults (measured: 8,000 to 10,000
          // faults and up to 0.15 s more for the next page's cleaning alone)
          if (native) writePng(scan.text, join(tmp, `p${rows.length}.png`));
          const wall = (t2 - t0) / 1000;
          const [readSec, image, clean] = [(tRead - t0) / 1000, (tImage - tRead) / 1000, (t1 - tImage) / 1000];
          total = {
            ...total,
            pages: total.pages + 1,
            wall: total.wall + wall,
            cpu: total.cpu + cpu,
            prep: total.prep + (t1 - t0) / 1000,
            prepCpu: total.prepCpu + prepCpu,
            read: total.read + readSec,
            image: total.image + image,
            clean: total.clean + clean,
            ocr: total.ocr + (t2 - t1) / 1000,
            cells: total.cells + (tCells - t1) / 1000,
            calls: total.calls + calls,
          };
          pages.push({ dpi, wall, png: join(tmp, `p${rows.length}.png`) });
          rows.push(
            `${file.split('/').pop()} p${n} ${dpi}dpi: ${wall.toFixed(2)} s (prepare ${((t1 - t0) / 1000).toFixed(2)} = read ${readSec.toFixed(2)} + image ${image.toFixed(2)} + clean ${clean.toFixed(2)}, cpu ${prepCpu.toFixed(2)}; OCR ${((t2 - t1) / 1000).toFixed(2)} = cells ${((tCells - t1) / 1000).toFixed(2)} + corrections ${((t2 - tCells) / 1000).toFixed(2)}, in ${calls} calls of ${((s1.ms - s0.ms) / Math.max(1, calls)).toFixed(0)} ms; cpu ${cpu.toFixed(2)} s), ${read.chars.length} glyphs`,
          );
          process.stdout.write(rows[rows.length - 1] + '\n');
        }
      });
    }
    await shutdownOcr();
    for (const page of native ? pages : []) {
      const s = performance.now();
      execFileSync(native!, [page.png, 'stdout', '-l', 'chi_sim', '--psm', '6', '--dpi', String(page.dpi)], { stdio: ['ignore', 'ignore', 'ignore'], env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
      page.native = (performance.now() - s) / 1000;
      total.native += page.native;
      total.nativePages++;
    }
  } finally {
    await shutdownOcr();
    rmSync(tmp, { recursive: true, force: true });
  }
  if (native) process.stdout.write(`native tesseract, page by page: ${pages.map((p) => p.native!.toFixed(2)).join(' ')} s\n`);
  const per = (v: number) => (v / Math.max(1, total.pages)).toFixed(2);
  process.stdout.write(
    `\n${total.pages} pages, one core: ${per(total.wall)} s per page wall (prepare ${per(total.prep)} = read ${per(total.read)} + image ${per(total.image)} + clean ${per(total.clean)}, cpu ${per(total.prepCpu)}; OCR ${per(total.ocr)} = cells ${per(total.cells)} + corrections ${per(total.ocr - total.cells)}, in ${(total.calls / Math.max(1, total.pages)).toFixed(0)} calls), ${per(total.cpu)} s CPU` +
      (native ? `; native tesseract (whole page, psm 6, 1 thread): ${(total.native / Math.max(1, total.nativePages)).toFixed(2)} s per page` : '; native tesseract not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim)') +
      '\n',
  );
  for (const dpi of [...new Set(pages.map((p) => p.dpi))].sort((a, b) => a - b)) {
    const at = pages.filter((p) => p.dpi === dpi);
    const mean = (k: 'wall' | 'native') => (at.reduce((a, p) => a + (p[k] ?? 0), 0) / at.length).toFixed(2);
    process.stdout.write(`${dpi} dpi, ${at.length} pages: ${mean('wall')} s per page` + (native ? `; native tesseract ${mean('native')} s` : '') + '\n');
  }
}

await main();
