import test from 'ava';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { extractFile } from '../../src/pipeline.ts';
import { DeclarationRecordSchema } from '../../src/schema/record.ts';
import { diffFields, projectOntoTruth, type TruthRecord } from './compare-records.ts';

/**
 * Golden tests: every committed sample PDF must give exactly the records of its manifest, in the
 * order the file prints them: the reference truth (samples/truth-2024.json, a copy of
 * ../shared/reference/truth-2024.json) for the pdfkit, HTML and office families, and the synthetic
 * records of other departments and years for samples/varied (see its README).
 * On a mismatch the actual projection is written beside the PDF as <name>.actual.json.
 */
interface ManifestEntry {
  file: string;
  kind: 'vector' | 'scan';
  records: TruthRecord[];
}

const MANIFESTS = ['samples/manifest.json', 'samples/html/manifest.json', 'samples/office/manifest.json', 'samples/varied/manifest.json'];

for (const manifestPath of MANIFESTS) {
  if (!existsSync(manifestPath)) continue;
  const entries = JSON.parse(readFileSync(manifestPath, 'utf8')) as ManifestEntry[];
  for (const entry of entries.filter((e) => e.kind === 'vector')) {
    const pdf = path.join(path.dirname(manifestPath), entry.file);
    test(`golden: ${pdf}`, async (t) => {
      const result = await extractFile(pdf);
      if (!result.ok) return t.fail(`${result.error.code}: ${result.error.message}`);
      for (const record of result.records) t.true(DeclarationRecordSchema.safeParse(record).success);
      const actual = result.records.map(projectOntoTruth);
      const diffs = diffFields(entry.records, actual);
      if (diffs.length > 0) writeFileSync(pdf.replace(/\.pdf$/i, '.actual.json'), JSON.stringify(actual, null, 2));
      t.deepEqual(diffs, [], `${diffs.length} field(s) differ; see ${pdf.replace(/\.pdf$/i, '.actual.json')}`);
      t.is(result.records.length, entry.records.length);
    });
  }
}

test('the golden comparison fails on any mutated field', (t) => {
  const truth = JSON.parse(readFileSync('samples/manifest.json', 'utf8'))[0].records[0] as TruthRecord;
  const mutations: ((r: TruthRecord) => void)[] = [
    (r) => (r.projectName += '经'),
    (r) => (r.funding.annual.other = 0),
    (r) => (r.indicators[0]!.value = r.indicators[0]!.value.replace('≥', '>')),
    (r) => r.indicators.pop(),
    (r) => (r.goals.annual = r.goals.annual.slice(1)),
  ];
  for (const mutate of mutations) {
    const copy = structuredClone(truth);
    mutate(copy);
    t.true(diffFields(truth, copy).length > 0);
  }
});
