import test from 'ava';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runBatch } from '../../src/batch/run-batch.ts';
import { DeclarationRecordSchema, type DeclarationRecord } from '../../src/schema/record.ts';
import { diffFields, projectOntoTruth, type TruthRecord } from '../golden/compare-records.ts';
import { mutate, prng, type Mutation } from '../helpers/mutate-pdf.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20241127);
const MUTANTS = Number(process.env.FUZZ_COUNT ?? 36);
const SOURCES = [
  ['samples/manifest.json', 'portrait-song-03.pdf'],
  ['samples/manifest.json', 'compact-light-all.pdf'],
  ['samples/html/manifest.json', 'html-letter-thead.pdf'],
] as const;
const KINDS: Mutation[] = ['truncate', 'flip', 'delete-object'];
/** What damaged input may end as. TIMEOUT, MEMORY_LIMIT and INTERNAL would mean a hang or a bug of ours. */
const EXPECTED_CODES = new Set(['PDF_INVALID', 'PDF_EMPTY', 'PDF_NO_PAGES', 'FORM_NOT_FOUND', 'PDF_ENCRYPTED']);
const repaired = (r: DeclarationRecord) => r.warnings.some((w) => w.code === 'pdf-repaired');

test(`damaged PDFs never crash or hang the batch, and what pdf.js repaired is flagged (seed ${SEED}, ${MUTANTS} mutants)`, async (t) => {
  const dir = await tempDir(t, 'shenbao-fuzz-');
  await mkdir(path.join(dir, 'in'));
  const random = prng(SEED);
  const sources = await Promise.all(
    SOURCES.map(async ([manifest, name]) => ({
      bytes: new Uint8Array(await readFile(path.join(path.dirname(manifest), name))),
      truth: (JSON.parse(await readFile(manifest, 'utf8')) as { file: string; records: TruthRecord[] }[]).find((m) => m.file === name)!.records,
    })),
  );
  const truthOf = new Map<string, TruthRecord[]>();
  for (let i = 0; i < MUTANTS; i++) {
    const kind = KINDS[i % KINDS.length]!;
    const source = sources[i % sources.length]!;
    const file = path.join(dir, 'in', `${String(i).padStart(3, '0')}-${kind}.pdf`);
    await writeFile(file, mutate(source.bytes, kind, random));
    truthOf.set(file, source.truth);
  }
  // Whatever pdf.js had to repair is flagged on every record of the file. A flipped byte can also
  // leave a valid PDF that prints something else (a moved glyph): nothing can tell that from the
  // file, so such records are counted, not failed.
  const outcomes: { file: string; code: string | null; cleanButDifferent: boolean }[] = [];
  let duplicates = 0;
  const summary = await runBatch([path.join(dir, 'in')], {
    outDir: path.join(dir, 'out'),
    concurrency: 2,
    fileTimeoutMs: 60_000,
    onEvent: (e) => {
      if (e.type === 'duplicate') duplicates++;
      if (e.type !== 'file') return;
      if (!e.result.ok) return void outcomes.push({ file: e.file, code: e.result.error.code, cleanButDifferent: false });
      const records = e.result.records;
      for (const r of records) t.true(DeclarationRecordSchema.safeParse(r).success, e.file);
      const wrong = diffFields(truthOf.get(e.file)!, records.map(projectOntoTruth)).length > 0;
      const soundToPdfJs = !records.some(repaired);
      if (!soundToPdfJs) t.true(records.every(repaired), `${e.file}: pdf-repaired on some records only`);
      outcomes.push({ file: e.file, code: null, cleanButDifferent: wrong && soundToPdfJs });
    },
  });
  t.true(summary.complete);
  t.is(outcomes.length + duplicates, MUTANTS);
  t.deepEqual(outcomes.filter((o) => o.code !== null && !EXPECTED_CODES.has(o.code)), [], `replay with FUZZ_SEED=${SEED}`);
  t.log(
    `${outcomes.filter((o) => o.code === null).length} of ${MUTANTS} damaged files still gave records ` +
      `(${outcomes.filter((o) => o.cleanButDifferent).length} read as sound by pdf.js yet different); ` +
      `${duplicates} duplicate(s); failures: ${[...new Set(outcomes.map((o) => o.code).filter(Boolean))].join(', ')}`,
  );
});
