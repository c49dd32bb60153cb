/**
 * Renders the truth records (shared/reference/truth-2024.json) into digital sample PDFs in several
 * layout families, and writes samples/manifest.json for tools/score.py.
 *
 *   npx tsx scripts/make-samples.ts [--truth path/to/truth.json] [--out samples]
 *
 * See samples/README.md for the families and what each one exercises.
 */
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import PDFDocument from 'pdfkit';
import { recordToRows } from './samples/form-rows.ts';
import type { Layout } from './samples/layout.ts';
import { compactLight, landscapeMedium, portraitDouble, portraitSong } from './samples/layout.ts';
import type { FormPlacement } from './samples/render.ts';
import { FormRenderer } from './samples/render.ts';
import type { TruthRecord } from './samples/truth.ts';
import { readTruth } from './samples/truth.ts';
import type { FontRole } from './samples/typeset.ts';
import { Typesetter } from './samples/typeset.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface SampleFile {
  file: string;
  layout: Layout;
  /** Indexes into the truth list, in the order the forms appear in the file. */
  forms: number[];
}

/** The files to write: family A one form per file, the others all seven forms in one file. */
function plan(count: number): SampleFile[] {
  const all = Array.from({ length: count }, (_, i) => i);
  return [
    ...all.map((i) => ({ file: `${portraitSong.id}-${String(i + 1).padStart(2, '0')}.pdf`, layout: portraitSong, forms: [i] })),
    { file: `${landscapeMedium.id}-all.pdf`, layout: landscapeMedium, forms: all },
    { file: `${compactLight.id}-all.pdf`, layout: compactLight, forms: all },
    { file: `${portraitDouble.id}-all.pdf`, layout: portraitDouble, forms: all },
  ];
}

async function writePdf(path: string, sample: SampleFile, records: TruthRecord[], cellsDir: string | undefined): Promise<FormPlacement[]> {
  const { layout } = sample;
  const doc = new PDFDocument({
    autoFirstPage: false,
    compress: true,
    info: {
      Title: layout.labels.title,
      Creator: `shenbao scripts/make-samples.ts (${layout.id})`,
      Producer: 'pdfkit',
      CreationDate: new Date('2024-01-15T09:00:00Z'),
    },
  });
  const names = new Map<string, string>();
  const fontNames = {} as Record<FontRole, string>;
  for (const role of ['title', 'label', 'value'] as const) {
    const file = layout.fonts[role];
    if (!names.has(file)) {
      const name = `F${names.size + 1}`;
      doc.registerFont(name, file);
      names.set(file, name);
    }
    fontNames[role] = names.get(file)!;
  }
  const out = createWriteStream(path);
  const done = new Promise<void>((ok, fail) => {
    out.on('finish', ok);
    out.on('error', fail);
  });
  doc.pipe(out);
  const ts = new Typesetter(doc, layout, fontNames);
  const renderer = new FormRenderer(doc, ts, layout);
  const pages = renderer.render(sample.forms.map((i) => ({ rows: recordToRows(records[i]!, layout) })));
  doc.end();
  await done;
  if (cellsDir) writeFileSync(join(cellsDir, `${basename(path)}.cells.json`), JSON.stringify(renderer.drawnCells));
  return pages;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      truth: { type: 'string', default: resolve(repoRoot, 'samples/truth-2024.json') },
      out: { type: 'string', default: join(repoRoot, 'samples') },
      // Debugging aid: where to write, per PDF, the box and drawn text of every cell.
      'debug-cells': { type: 'string' },
    },
  });
  const truthPath = values.truth!;
  if (!existsSync(truthPath)) throw new Error(`truth file not found: ${truthPath} (pass --truth)`);
  const { records, raw } = readTruth(truthPath);
  const outDir = values.out!;
  mkdirSync(outDir, { recursive: true });

  const manifest: { file: string; kind: 'vector'; records: unknown[] }[] = [];
  for (const sample of plan(records.length)) {
    const path = join(outDir, sample.file);
    const cellsDir = values['debug-cells'];
    if (cellsDir) mkdirSync(cellsDir, { recursive: true });
    const pages = await writePdf(path, sample, records, cellsDir);
    manifest.push({ file: basename(path), kind: 'vector', records: sample.forms.map((i) => raw[i]) });
    console.log(sample.file);
    sample.forms.forEach((i, k) => {
      const p = pages[k]!;
      const breaks = p.breaks.length ? `  continues with ${p.breaks.join(', ')}` : '';
      console.log(`  ${records[i]!.projectName}: page ${p.pages.join('-')}${breaks}`);
    });
  }
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  console.log(`manifest.json: ${manifest.length} files, ${manifest.reduce((a, m) => a + m.records.length, 0)} records`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
