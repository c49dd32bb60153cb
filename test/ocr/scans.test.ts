import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import { shutdownOcr } from '../../src/ocr/engine.ts';
import { extractFile } from '../../src/pipeline.ts';
import type { DeclarationRecord } from '../../src/schema/record.ts';
import type { TruthRecord } from '../golden/compare-records.ts';

/**
 * Golden test of the OCR path on the committed scans (samples/scans/, made by
 * scripts/make-scans.ts from the digital samples: 200/300 dpi, skewed, blurred, noisy, JPEG).
 * Short fields — scalars, the twelve amounts, every indicator row — must equal the truth
 * (punctuation compared width-blind, as tools/score.py does for scans); the long texts must be
 * within a character error rate of MAX_TEXT_CER each. Every short field that is wrong must carry
 * a warning. On a mismatch the records are written beside the scan as `<name>.actual.json`.
 */
const MAX_TEXT_CER = 0.01;

const dir = join(dirname(fileURLToPath(import.meta.url)), '../../samples/scans');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { file: string; kind: string; records: TruthRecord[] }[];

/** Width-blind, whitespace-blind comparison (a scan cannot tell （ from ( reliably). */
const fold = (v: unknown): string =>
  String(v ?? '')
    .replace(/\s+/g, '')
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}

const TEXTS = ['overview', 'basis', 'necessity', 'safeguards', 'plan', 'goals.implementation', 'goals.annual'];
const SCALARS = ['year', 'projectName', 'department.code', 'department.name', 'implementingUnit', 'attribute', 'period'];
const get = (o: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], o);

/** Short fields as `path → value`: scalars, amounts, and each indicator row as one field. */
function shortFields(r: TruthRecord | DeclarationRecord): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of SCALARS) out.set(p, fold(get(r, p)));
  for (const period of ['implementation', 'annual'] as const) {
    for (const [k, v] of Object.entries(r.funding[period])) out.set(`funding.${period}.${k}`, fold(v));
  }
  r.indicators.forEach((i, n) => out.set(`indicators[${n}]`, fold([i.period, i.level1, i.level2, i.name, i.value].join('|'))));
  return out;
}

test.after.always(async () => {
  await shutdownOcr();
});

for (const entry of manifest) {
  test(`scan ${entry.file}: short fields equal the truth, texts within ${MAX_TEXT_CER * 100}% CER, every miss warned`, async (t) => {
    t.timeout(8 * 60_000);
    const result = await extractFile(join(dir, entry.file));
    if (!result.ok) return t.fail(`${result.error.code}: ${result.error.message}`);
    t.is(result.records.length, entry.records.length);
    const problems: string[] = [];
    entry.records.forEach((truth, i) => {
      const rec = result.records[i];
      if (!rec) return;
      t.is(rec.source.method, 'ocr');
      const want = shortFields(truth);
      const got = shortFields(rec);
      const warned = (field: string) => rec.warnings.some((w) => w.field !== undefined && (w.field === field || w.field.startsWith(`${field}.`) || field.startsWith(`${w.field}.`)));
      for (const key of new Set([...want.keys(), ...got.keys()])) {
        if (want.get(key) === got.get(key)) continue;
        problems.push(`${key}: ${want.get(key)} ≠ ${got.get(key)}`);
        if (!warned(key)) problems.push(`  ${key} is wrong and carries no warning`);
      }
      for (const p of TEXTS) {
        const a = fold(get(truth, p));
        const cer = editDistance(a, fold(get(rec, p))) / Math.max(1, [...a].length);
        if (cer > MAX_TEXT_CER) problems.push(`${p}: CER ${(cer * 100).toFixed(2)}%`);
      }
    });
    if (problems.length > 0) writeFileSync(join(dir, entry.file.replace(/\.pdf$/, '.actual.json')), JSON.stringify(result.records, null, 2) + '\n');
    t.deepEqual(problems, []);
  });
}
