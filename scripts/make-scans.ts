/**
 * Makes image-only "scanned" PDFs of the digital sample PDFs, for the OCR path and its tests:
 * each page is rendered at 200 or 300 dpi (pdf.js + @napi-rs/canvas), turned by up to ±1.5°, in
 * one file shown on the scanner's dark bed, blurred, shaded and noised, in another turned a
 * quarter or half turn (fed in sideways or upside down), JPEG-compressed, and wrapped as a PDF
 * page holding only that image (pdf-lib). Writes the PDFs, a manifest.json of kind "scan" (the true records copied from
 * the source sample's manifest) and nothing else.
 *
 *   npx tsx scripts/make-scans.ts                       # the committed set → samples/scans/
 *   npx tsx scripts/make-scans.ts --all --out /tmp/scans  # every sample, every form (evaluation)
 *
 * Deterministic: the same command gives the same images (seeded noise; JPEG by Skia).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { rgbaToGray, turnGray, type GrayImage } from '../src/ocr/gray-image.ts';
import { withDocument } from '../src/pdf/open-document.ts';
import { renderPage } from '../src/pdf/render-page.ts';
import { extractRecords } from '../src/pipeline.ts';
import { degrade, type Degradation } from './scans/degrade.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface ScanPlan {
  /** Source PDF, relative to the repository. */
  source: string;
  /** Forms of the source to keep (1-based, in order); all when absent. */
  forms?: number[];
  out: string;
  dpi: 200 | 300;
  jpegQuality: number;
  degradation: Omit<Degradation, 'seed'>;
  /** Clockwise quarter turns of each page's image (a page fed into the scanner sideways or upside down); none when absent. */
  turns?: number[];
}

const scanner = (skewDeg: number, heavy = false): Omit<Degradation, 'seed'> => ({
  skewDeg,
  blurSigma: heavy ? 0.9 : 0.6,
  noiseSigma: heavy ? 8 : 5,
  speckRate: heavy ? 0.0006 : 0.0002,
  paper: heavy ? 236 : 248,
  shading: heavy ? 22 : 10,
});

/** The committed set: four producers' layouts, one form each, 200 and 300 dpi, both skew directions, six pages, each file < 1.5 MB. */
const COMMITTED: ScanPlan[] = [
  { source: 'samples/portrait-song-03.pdf', out: 'scan-song-03-300dpi.pdf', dpi: 300, jpegQuality: 60, degradation: scanner(0.8) },
  { source: 'samples/landscape-medium-all.pdf', forms: [2], out: 'scan-landscape-02-200dpi.pdf', dpi: 200, jpegQuality: 60, degradation: scanner(-1.2, true) },
  { source: 'samples/compact-light-all.pdf', forms: [1], out: 'scan-compact-01-300dpi.pdf', dpi: 300, jpegQuality: 60, degradation: scanner(1.5) },
  { source: 'samples/portrait-double-all.pdf', forms: [4], out: 'scan-double-04-200dpi.pdf', dpi: 200, jpegQuality: 65, degradation: scanner(-0.6, true) },
  { source: 'samples/portrait-song-05.pdf', out: 'scan-turned-song-05-200dpi.pdf', dpi: 200, jpegQuality: 60, degradation: scanner(0.5), turns: [2, 1] },
  { source: 'samples/landscape-medium-all.pdf', forms: [3], out: 'scan-bed-landscape-03-200dpi.pdf', dpi: 200, jpegQuality: 60, degradation: { ...scanner(-1.0), bed: { level: 45, shift: [28, 18] } } },
];

/** Every sample PDF, every form, alternating resolution, skew and noise (for evaluation; not committed). */
function everything(): ScanPlan[] {
  const sources = [
    ...Array.from({ length: 7 }, (_, i) => `samples/portrait-song-0${i + 1}.pdf`),
    'samples/landscape-medium-all.pdf',
    'samples/compact-light-all.pdf',
    'samples/portrait-double-all.pdf',
    'samples/html/html-a4-landscape-zenhei.pdf',
    'samples/html/html-a4-portrait-uming.pdf',
    'samples/html/html-letter-thead.pdf',
  ];
  return sources.map((source, i) => {
    const dpi = i % 2 === 0 ? 200 : 300;
    const skew = Math.round((((i * 7) % 13) / 12) * 3 * 100 - 150) / 100; // spread over -1.5..1.5
    return { source, out: `scan-${basename(source, '.pdf')}-${dpi}dpi.pdf`, dpi, jpegQuality: 60 + ((i * 5) % 20), degradation: scanner(skew, i % 3 === 1) };
  });
}

interface ManifestEntry {
  file: string;
  kind: string;
  records: unknown[];
}

function manifestOf(source: string): ManifestEntry[] {
  return JSON.parse(readFileSync(join(repoRoot, dirname(source), 'manifest.json'), 'utf8')) as ManifestEntry[];
}

function grayToJpeg(img: GrayImage, quality: number): Uint8Array {
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  const rgba = ctx.createImageData(img.width, img.height);
  for (let i = 0; i < img.data.length; i++) {
    const v = img.data[i]!;
    rgba.data[i * 4] = rgba.data[i * 4 + 1] = rgba.data[i * 4 + 2] = v;
    rgba.data[i * 4 + 3] = 255;
  }
  ctx.putImageData(rgba, 0, 0);
  return canvas.encodeSync('jpeg', quality);
}

async function makeScan(plan: ScanPlan, outDir: string, seed: number): Promise<ManifestEntry> {
  const data = new Uint8Array(readFileSync(join(repoRoot, plan.source)));
  const truth = manifestOf(plan.source).find((e) => e.file === basename(plan.source));
  if (!truth) throw new Error(`${plan.source} is not in its folder's manifest.json`);
  // Which pages hold the chosen forms: read the digital source with the text pipeline.
  const { records } = await extractRecords(data, plan.source);
  const forms = plan.forms ?? records.map((_, i) => i + 1);
  const pages = [...new Set(forms.flatMap((f) => records[f - 1]?.source.pages ?? []))].sort((a, b) => a - b);
  if (pages.length === 0) throw new Error(`${plan.source}: forms ${forms.join(',')} not found`);
  const out = await PDFDocument.create();
  out.setCreator('shenbao scripts/make-scans.ts');
  out.setProducer('pdf-lib');
  out.setCreationDate(new Date('2024-01-15T09:00:00Z'));
  out.setModificationDate(new Date('2024-01-15T09:00:00Z'));
  await withDocument(data, async (doc) => {
    for (const [k, n] of pages.entries()) {
      const page = await doc.getPage(n);
      const { width, height } = page.getViewport({ scale: 1 });
      const rendered = await renderPage(page, plan.dpi);
      const ctx = rendered.canvas.getContext('2d');
      const rgba = ctx.getImageData(0, 0, rendered.width, rendered.height).data;
      const turns = plan.turns?.[k] ?? 0;
      const gray = turnGray(degrade(rgbaToGray(rgba, rendered.width, rendered.height), { ...plan.degradation, seed: seed * 100 + k }), turns);
      const jpg = await out.embedJpg(grayToJpeg(gray, plan.jpegQuality));
      const [w, h] = turns % 2 === 1 ? [height, width] : [width, height];
      out.addPage([w, h]).drawImage(jpg, { x: 0, y: 0, width: w, height: h });
      page.cleanup();
    }
  });
  writeFileSync(join(outDir, plan.out), await out.save({ useObjectStreams: false }));
  // Forms not kept would otherwise be missed by the scorer: keep exactly the chosen records, in order.
  return { file: plan.out, kind: 'scan', records: forms.map((f) => truth.records[f - 1]) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, all: { type: 'boolean', default: false } } });
  if (values.all && !values.out) throw new Error('--all writes some 60 scanned pages: give it an --out folder outside samples/');
  const outDir = resolve(values.out ?? join(repoRoot, 'samples/scans'));
  mkdirSync(outDir, { recursive: true });
  const plans = values.all ? everything() : COMMITTED;
  const manifest: ManifestEntry[] = [];
  for (const [i, plan] of plans.entries()) {
    manifest.push(await makeScan(plan, outDir, i + 1));
    const turned = plan.turns ? `, pages turned ${plan.turns.map((q) => `${q * 90}°`).join(' ')}` : '';
    process.stdout.write(`${plan.out}: ${plan.dpi} dpi, skew ${plan.degradation.skewDeg}°${turned}\n`);
  }
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
}

await main();
