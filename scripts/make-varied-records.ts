/**
 * Synthetic truth records for other departments and years (2019–2026), and optionally PDFs of
 * them drawn by both sample generators with drawn layouts (pdfkit and HTML → Chromium).
 *
 *   npx tsx scripts/make-varied-records.ts --seed 7 --count 60 --out /tmp/varied/truth.json
 *   npx tsx scripts/make-varied-records.ts --seed 7 --count 60 --pdf /tmp/varied     # + PDFs, manifest.json
 *   npx tsx scripts/make-varied-records.ts --seed 41 --count 12 --only html --font "'AR PL UKai CN'" --pdf /tmp/kai
 *       # every face of the HTML layouts replaced by one (here Kai, from Debian's fonts-arphic-ukai)
 *
 * Same seed, same records and layouts. See samples/varied/README.md.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { groupsToIndicators, indicatorsToGroups } from './html-samples/indicator-rows.ts';
import type { TruthRecord } from './samples/truth.ts';
import { drawHtmlVariant } from './varied/html-variant.ts';
import { drawLabels } from './varied/label-variants.ts';
import { YEARS, makeRecord } from './varied/make-record.ts';
import { drawPdfkitLayout } from './varied/pdfkit-variant.ts';
import { Rng } from './varied/prng.ts';
import { launchChromium, writeHtmlFile } from './varied/render-html.ts';
import { writePdfkitFile } from './varied/render-pdfkit.ts';
import { skeletonOf } from './varied/skeleton.ts';

const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    count: { type: 'string', default: '60' },
    out: { type: 'string' },
    pdf: { type: 'string' },
    /** Only this renderer: pdfkit or html (default both, alternating). */
    only: { type: 'string' },
    html: { type: 'boolean', default: false },
    /** A CSS font-family that replaces every face the HTML layouts pick (drawn as before, so the same seed keeps its layouts). */
    font: { type: 'string' },
  },
});

/** Both renderers must print the indicator block so that it reads back as the record's indicators. */
function checkPrintable(r: TruthRecord): void {
  for (const empty of [true, false]) {
    const back = JSON.stringify(groupsToIndicators(indicatorsToGroups(r.indicators, skeletonOf(r, empty))));
    if (back !== JSON.stringify(r.indicators)) throw new Error(`${r.projectName}: indicator block would not read back in order`);
  }
}

function makeRecords(seed: number, count: number): TruthRecord[] {
  const rng = new Rng(seed);
  return Array.from({ length: count }, (_, i) => {
    const r = makeRecord(rng.fork(i), YEARS[i % YEARS.length]!);
    checkPrintable(r);
    return r;
  });
}

const yearLines = [(y: number) => `(${y}年度)`, (y: number) => `（${y}年度）`, (y: number) => `${y}年度`];

async function renderAll(records: TruthRecord[], seed: number, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const rng = new Rng(seed ^ 0x5eed);
  const manifest: { file: string; kind: 'vector'; records: TruthRecord[] }[] = [];
  const browser = args.only === 'pdfkit' ? null : await launchChromium();
  try {
    let k = 0;
    for (let i = 0; i < records.length; k++) {
      const forms = records.slice(i, i + rng.weighted<number>([[1, 2], [2, 2], [3, 2], [5, 1]]));
      i += forms.length;
      const renderer = args.only ?? (k % 2 === 0 ? 'pdfkit' : 'html');
      const name = `varied-${String(k + 1).padStart(2, '0')}-${renderer}`;
      const file = `${name}.pdf`;
      const labels = drawLabels(rng);
      const emptyCategories = rng.chance(0.7);
      if (renderer === 'html') {
        const v = drawHtmlVariant(rng, name, labels);
        if (args.font) v.css = v.css.replace(/font-family: [^;]+;/g, `font-family: ${args.font}, serif;`);
        await writeHtmlFile(browser!, join(dir, file), v, forms, emptyCategories, args.html ? join(dir, `${name}.html`) : undefined);
      } else {
        const yearLine = rng.pick(yearLines);
        // A layout whose rows do not fit its page cannot be drawn by pdfkit (it never splits a row): draw another.
        for (let attempt = 0; ; attempt++) {
          try {
            await writePdfkitFile(join(dir, file), drawPdfkitLayout(rng, name, labels), forms, { emptyCategories, yearLine });
            break;
          } catch (e) {
            rmSync(join(dir, file), { force: true });
            if (attempt === 10) throw e;
          }
        }
      }
      manifest.push({ file, kind: 'vector', records: forms });
      console.log(`${file}: ${forms.length} form(s), ${forms.map((f) => f.year).join(' ')}`);
    }
  } finally {
    await browser?.close();
  }
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
}

async function main(): Promise<void> {
  const seed = Number(args.seed);
  const records = makeRecords(seed, Number(args.count));
  if (args.out) writeFileSync(args.out, `${JSON.stringify(records, null, 1)}\n`);
  if (args.pdf) await renderAll(records, seed, args.pdf);
  if (!args.out && !args.pdf) process.stdout.write(`${JSON.stringify(records, null, 1)}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
