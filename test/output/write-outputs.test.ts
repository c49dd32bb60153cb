import test from 'ava';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OutputWriter, writeBatchOutputs } from '../../src/output/write-outputs.ts';
import { updateRecords } from '../../src/output/update-records.ts';
import { extractFile } from '../../src/pipeline.ts';
import type { DeclarationRecord } from '../../src/schema/record.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const recordsOf = async (file: string): Promise<DeclarationRecord[]> => {
  const r = await extractFile(file);
  if (!r.ok) throw new Error(r.error.message);
  return r.records;
};

const lines = (text: string) => text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');

test('a batch writes records.jsonl, the three tables, errors.jsonl and one JSON and CSV per record', async (t) => {
  const out = await tempDir(t, 'shenbao-out-');
  const one = await recordsOf('samples/portrait-song-01.pdf');
  const all = await recordsOf('samples/compact-light-all.pdf');
  await writeBatchOutputs(out, [{ path: 'in/portrait-song-01.pdf', records: one }, { path: 'in/compact-light-all.pdf', records: all }], [
    { file: 'in/bad.pdf', code: 'PDF_INVALID', message: 'not a PDF' },
  ]);
  const jsonl = (await readFile(path.join(out, 'records.jsonl'), 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l) as DeclarationRecord);
  t.deepEqual(jsonl.map((r) => r.id), [...one, ...all].map((r) => r.id));
  t.deepEqual(jsonl[0], one[0]);

  const projects = lines(await readFile(path.join(out, 'projects.csv'), 'utf8'));
  t.is(projects.length, 1 + 8);
  t.true(projects[0]!.startsWith('recordId,file,sha256,formIndex,pages,method,title,year,projectName,'));
  t.true(projects[1]!.startsWith(`${one[0]!.id},samples/portrait-song-01.pdf,${one[0]!.source.sha256},1,`));
  const funding = lines(await readFile(path.join(out, 'funding.csv'), 'utf8'));
  t.is(funding[0], 'recordId,period,total,central,provincial,municipal,selfRaised,other');
  t.is(funding[1], `${one[0]!.id},implementation,1700000,0,1700000,0,0,`);
  const indicators = lines(await readFile(path.join(out, 'indicators.csv'), 'utf8'));
  t.is(indicators.length, 1 + [...one, ...all].reduce((n, r) => n + r.indicators.length, 0));
  t.is(indicators[1], `${one[0]!.id},0,implementation,产出指标,数量指标,课题研究,≥9个,≥,9,个,,1`);
  t.deepEqual(JSON.parse(await readFile(path.join(out, 'errors.jsonl'), 'utf8')), { file: 'in/bad.pdf', code: 'PDF_INVALID', message: 'not a PDF' });

  t.deepEqual((await readdir(path.join(out, 'compact-light-all'))).filter((f) => f.endsWith('.json')).length, 7);
  const perRecord = JSON.parse(await readFile(path.join(out, 'portrait-song-01', '01-政府购买服务经费.json'), 'utf8'));
  t.deepEqual(perRecord, one[0]);
  const fieldsCsv = lines(await readFile(path.join(out, 'portrait-song-01', '01-政府购买服务经费.csv'), 'utf8'));
  t.is(fieldsCsv[0], 'field,value,page,bbox,method,confidence,warnings');
  t.regex(fieldsCsv.find((l) => l.startsWith('projectName,'))!, /^projectName,政府购买服务经费,1,[\d. ]+,text,1,$/);
  t.deepEqual((await readdir(out)).filter((f) => f.endsWith('.tmp')), [], 'no temporary files left');
});

test('a discarded batch leaves the previous outputs as they were, and stale temporary files go', async (t) => {
  const out = await tempDir(t, 'shenbao-out-');
  const records = await recordsOf('samples/portrait-song-02.pdf');
  await writeBatchOutputs(out, [{ path: 'a.pdf', records }], []);
  const before = await readFile(path.join(out, 'records.jsonl'), 'utf8');
  await writeFile(path.join(out, '.records.jsonl.999.deadbeef.tmp'), 'half a record');
  const writer = await OutputWriter.open(out, ['b.pdf']);
  t.deepEqual((await readdir(out)).filter((f) => f.includes('deadbeef')), []);
  await writer.addError({ file: 'b.pdf', code: 'PDF_INVALID', message: 'x' });
  await writer.discard();
  t.is(await readFile(path.join(out, 'records.jsonl'), 'utf8'), before);
  t.is(await readFile(path.join(out, 'errors.jsonl'), 'utf8'), '');
  t.deepEqual((await readdir(out)).filter((f) => f.endsWith('.tmp')), []);
});

test('updateRecords rewrites every output that holds a changed record', async (t) => {
  const out = await tempDir(t, 'shenbao-out-');
  const records = await recordsOf('samples/portrait-song-03.pdf');
  await writeBatchOutputs(out, [{ path: 'c.pdf', records }], [{ file: 'd.pdf', code: 'PDF_EMPTY', message: 'empty' }]);
  const changed = await updateRecords(out, (r) => ({ ...r, projectName: `${r.projectName}（已核）` }));
  t.is(changed, 1);
  const [line] = (await readFile(path.join(out, 'records.jsonl'), 'utf8')).trimEnd().split('\n');
  t.is(JSON.parse(line!).projectName, `${records[0]!.projectName}（已核）`);
  t.true((await readFile(path.join(out, 'projects.csv'), 'utf8')).includes(`${records[0]!.projectName}（已核）`));
  t.is(JSON.parse(await readFile(path.join(out, 'errors.jsonl'), 'utf8')).code, 'PDF_EMPTY', 'errors are kept');
  t.is(await updateRecords(out, (r) => r), 0);
});

test('temporary files a killed run left anywhere in the output folder are removed; other files are not', async (t) => {
  const out = await tempDir(t, 'shenbao-out-');
  const stale = ['.records.jsonl.4242.0a1b2c3d.tmp', 'doc-00/.01-经费.csv.4242.deadbeef.tmp', '.shenbao/results/.ab12.json.4242.00ff00ff.tmp'];
  const kept = ['doc-00/01-经费.csv', '.notes.tmp', 'doc-00/.draft.1.tmp'];
  for (const f of [...stale, ...kept]) {
    await mkdir(path.dirname(path.join(out, f)), { recursive: true });
    await writeFile(path.join(out, f), 'x');
  }
  const writer = await OutputWriter.open(out, []);
  await writer.discard();
  const left = (await readdir(out, { recursive: true })).map((f) => f.split(path.sep).join('/'));
  for (const f of stale) t.false(left.includes(f), f);
  for (const f of kept) t.true(left.includes(f), f);
});
