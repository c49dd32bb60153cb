import test from 'ava';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { applyCorrections, applyToRecords, appliedLogPath, checkCorrections } from '../../src/review/apply-corrections.ts';
import { parseCorrections, parseCorrectionsText, type Correction, type CorrectionsFile } from '../../src/review/corrections-format.ts';
import { getField } from '../../src/review/field-paths.ts';
import { applyCommand } from '../../src/cli-review.ts';
import type { DeclarationRecord } from '../../src/schema/record.ts';
import { captured, makeOutput, readJsonl, removeOutputs } from './fixture.ts';

const fileOf = (corrections: Correction[]): CorrectionsFile => ({ format: 'shenbao-corrections', version: 1, corrections });

let fixture: Promise<{ outDir: string; records: DeclarationRecord[] }> | undefined;
const records = async () => (await (fixture ??= makeOutput(['samples/portrait-song-01.pdf', 'samples/portrait-song-02.pdf']))).records;
test.after.always(removeOutputs);

const base = { reviewer: '王芳', at: '2025-01-31T08:00:00.000Z' };

test('the format: a valid file parses; wrong shapes give coded problems', (t) => {
  const ok = parseCorrections({ ...fileOf([{ recordId: 'a#1', field: 'year', action: 'verify', ...base }]), exportedAt: 'x', site: { outDir: 'o' } });
  t.true(ok.ok);
  const version = parseCorrections({ format: 'shenbao-corrections', version: 2, corrections: [] });
  t.false(version.ok);
  if (!version.ok) t.is(version.problems[0]!.code, 'VERSION_UNSUPPORTED');
  const bad = parseCorrections(fileOf([
    { recordId: 'a#1', field: 'year', action: 'correct', ...base } as Correction, // no value
    { recordId: 'a#1', field: 'year', action: 'verify', reviewer: 'x', at: 'yesterday' },
    { recordId: 'a#1', field: 'year', action: 'delete' as 'verify', ...base },
    { recordId: 'a#1', field: 'year', action: 'verify', ...base, reviewer: ' ' },
  ]));
  t.false(bad.ok);
  if (!bad.ok) {
    t.deepEqual([...new Set(bad.problems.map((p) => p.index))], [0, 1, 2, 3]);
    t.true(bad.problems.every((p) => p.code === 'CORRECTIONS_INVALID'));
    t.regex(bad.problems.find((p) => p.index === 0)!.message, /value/);
  }
  const notJson = parseCorrectionsText('{ nope');
  t.false(notJson.ok);
  if (!notJson.ok) t.is(notJson.problems[0]!.code, 'CORRECTIONS_UNREADABLE');
  t.false(parseCorrections({ format: 'other', version: 1, corrections: [] }).ok);
});

test('checks against the records: unknown ids and fields, type mismatches, read-only fields', async (t) => {
  const rs = await records();
  const id = rs[0]!.id;
  const problems = checkCorrections(rs, [
    { recordId: 'nope#1', field: 'year', action: 'verify', ...base },
    { recordId: id, field: 'funding.annual.bonus', action: 'verify', ...base },
    { recordId: id, field: `indicators[${rs[0]!.indicators.length}].name`, action: 'verify', ...base },
    { recordId: id, field: 'funding.annual.total', action: 'correct', value: '1,700,000', ...base },
    { recordId: id, field: 'funding.annual.total', action: 'correct', value: -5, ...base },
    { recordId: id, field: 'year', action: 'correct', value: 2024.5, ...base },
    { recordId: id, field: 'projectName', action: 'correct', value: 12, ...base },
    { recordId: id, field: 'indicators[0].name', action: 'correct', value: null, ...base },
    { recordId: id, field: 'indicators[0].period', action: 'correct', value: 'annual', ...base },
    { recordId: id, field: 'funding.annual.other', action: 'correct', value: null, ...base }, // fine: a blank cell
    { recordId: id, field: 'indicators[0].period', action: 'verify', ...base }, // fine
  ]);
  t.deepEqual(problems.map((p) => [p.index, p.code]), [
    [0, 'UNKNOWN_RECORD'], [1, 'UNKNOWN_FIELD'], [2, 'UNKNOWN_FIELD'], [3, 'TYPE_MISMATCH'], [4, 'TYPE_MISMATCH'],
    [5, 'TYPE_MISMATCH'], [6, 'TYPE_MISMATCH'], [7, 'TYPE_MISMATCH'], [8, 'FIELD_NOT_CORRECTABLE'],
  ]);
  t.regex(problems[3]!.message, /number/);
});

test('apply in memory: values set, the original reading and who/when kept, indicator values re-parsed', async (t) => {
  const rs = await records();
  const r = rs[0]!;
  const valueIndex = r.indicators.findIndex((i) => i.parsed.number !== null);
  const result = applyToRecords(rs, fileOf([
    { recordId: r.id, field: 'funding.annual.total', action: 'correct', value: 1800000, seen: r.funding.annual.total, ...base, note: 'printed 1,800,000' },
    { recordId: r.id, field: `indicators[${valueIndex}].value`, action: 'correct', value: '≥12个', ...base },
    { recordId: r.id, field: 'projectName', action: 'verify', seen: r.projectName, ...base },
  ]));
  if (!result.ok) return t.fail(JSON.stringify(result.problems));
  const next = result.records[0]!;
  t.is(next.funding.annual.total, 1800000);
  t.deepEqual(next.indicators[valueIndex]!.parsed, { op: '≥', number: 12, unit: '个', text: null });
  t.deepEqual(next.review!['funding.annual.total'], { action: 'correct', value: 1800000, reviewer: '王芳', at: base.at, note: 'printed 1,800,000', original: r.funding.annual.total });
  t.deepEqual(next.review!.projectName, { action: 'verify', value: r.projectName, reviewer: '王芳', at: base.at, original: r.projectName });
  t.deepEqual(result.summary, { applied: 3, alreadyApplied: 0, superseded: 0, changedRecords: 1 });
  t.deepEqual(result.records[1], rs[1]); // other records untouched
  t.is(r.funding.annual.total, rs[0]!.funding.annual.total); // input not mutated

  // The same file again: nothing changes.
  const again = applyToRecords(result.records, fileOf([
    { recordId: r.id, field: 'funding.annual.total', action: 'correct', value: 1800000, seen: r.funding.annual.total, ...base, note: 'printed 1,800,000' },
    { recordId: r.id, field: 'projectName', action: 'verify', seen: r.projectName, ...base },
  ]));
  if (!again.ok) return t.fail(JSON.stringify(again.problems));
  t.deepEqual(again.records, result.records);
  t.deepEqual(again.summary, { applied: 0, alreadyApplied: 2, superseded: 0, changedRecords: 0 });
});

test('later decisions win and keep the earlier ones; older ones are superseded; a stale view is a conflict', async (t) => {
  const rs = await records();
  const r = rs[0]!;
  const original = r.funding.implementation.total;
  const first = applyToRecords(rs, fileOf(([
    { recordId: r.id, field: 'funding.implementation.total', action: 'correct', value: 10, seen: original, reviewer: 'a', at: '2025-01-01T00:00:00Z' },
    // listed first but decided later: applied after
    { recordId: r.id, field: 'funding.implementation.total', action: 'correct', value: 20, seen: 10, reviewer: 'b', at: '2025-01-02T00:00:00+08:00' },
  ] as Correction[]).reverse()));
  if (!first.ok) return t.fail(JSON.stringify(first.problems));
  const review = first.records[0]!.review!['funding.implementation.total']!;
  t.is(first.records[0]!.funding.implementation.total, 20);
  t.is(review.original, original);
  t.is(review.reviewer, 'b');
  t.deepEqual(review.history, [{ action: 'correct', value: 10, reviewer: 'a', at: '2025-01-01T00:00:00Z' }]);

  const older = applyToRecords(first.records, fileOf([
    { recordId: r.id, field: 'funding.implementation.total', action: 'correct', value: 5, reviewer: 'c', at: '2024-12-31T00:00:00Z' },
  ]));
  if (!older.ok) return t.fail(JSON.stringify(older.problems));
  t.is(older.summary.superseded, 1);
  t.deepEqual(older.records, first.records);

  const stale = applyToRecords(first.records, fileOf([
    { recordId: r.id, field: 'funding.implementation.total', action: 'correct', value: 30, seen: original, reviewer: 'd', at: '2025-02-01T00:00:00Z' },
  ]));
  t.false(stale.ok);
  if (!stale.ok) t.is(stale.problems[0]!.code, 'CONFLICT');
});

test('apply on an output folder rewrites every output; applying again changes no byte; a bad file writes nothing', async (t) => {
  const { outDir, records: rs } = await makeOutput(['samples/portrait-song-01.pdf', 'samples/portrait-song-03.pdf']);
  const r = rs[1]!;
  const file = fileOf([
    { recordId: r.id, field: 'funding.annual.provincial', action: 'correct', value: 170001, seen: r.funding.annual.provincial, ...base },
    { recordId: r.id, field: 'department.name', action: 'verify', seen: r.department.name, ...base },
  ]);
  const result = await applyCorrections(outDir, file);
  t.deepEqual(result, { ok: true, applied: 2, alreadyApplied: 0, superseded: 0, changedRecords: 1 });
  const jsonl = await readFile(path.join(outDir, 'records.jsonl'), 'utf8');
  const after = readJsonl(jsonl);
  t.is(after[1]!.funding.annual.provincial, 170001);
  t.is(after[1]!.review!['funding.annual.provincial']!.original, r.funding.annual.provincial);
  t.deepEqual(after[0], JSON.parse(JSON.stringify(rs[0])));
  t.regex(await readFile(path.join(outDir, 'funding.csv'), 'utf8'), /170001/);
  const perRecord = JSON.parse(await readFile(path.join(outDir, 'portrait-song-03', `01-${r.projectName}.json`), 'utf8')) as DeclarationRecord;
  t.is(getField(perRecord, 'funding.annual.provincial'), 170001);
  const log = parseCorrectionsText(await readFile(appliedLogPath(outDir), 'utf8'));
  t.true(log.ok && log.file.corrections.length === 2);

  const again = await applyCorrections(outDir, file);
  t.deepEqual(again, { ok: true, applied: 0, alreadyApplied: 2, superseded: 0, changedRecords: 0 });
  t.is(await readFile(path.join(outDir, 'records.jsonl'), 'utf8'), jsonl);

  const bad = await applyCorrections(outDir, fileOf([
    { recordId: r.id, field: 'year', action: 'correct', value: 2025, ...base },
    { recordId: r.id, field: 'funding.annual.total', action: 'correct', value: 'lots' as never, ...base },
  ]));
  t.false(bad.ok);
  t.is(await readFile(path.join(outDir, 'records.jsonl'), 'utf8'), jsonl);
});

test('shenbao apply: exit codes 0 applied, 1 refused, 2 usage', async (t) => {
  const { outDir, records: rs } = await makeOutput(['samples/portrait-song-03.pdf']);
  const { writeFile } = await import('node:fs/promises');
  const good = path.join(outDir, 'good.json');
  const bad = path.join(outDir, 'bad.json');
  await writeFile(good, JSON.stringify(fileOf([{ recordId: rs[0]!.id, field: 'year', action: 'verify', ...base }])));
  await writeFile(bad, JSON.stringify(fileOf([{ recordId: 'missing#1', field: 'year', action: 'verify', ...base }])));
  const quiet = captured;
  t.is((await quiet(() => applyCommand([outDir, good]))).code, 0);
  const refused = await quiet(() => applyCommand([outDir, bad]));
  t.is(refused.code, 1);
  t.regex(refused.text, /UNKNOWN_RECORD missing#1/);
  t.is((await quiet(() => applyCommand([outDir, path.join(outDir, 'absent.json')]))).code, 1);
  t.is((await quiet(() => applyCommand([outDir]))).code, 2);
  t.is((await quiet(() => applyCommand([outDir, good, '--what']))).code, 2);
});
