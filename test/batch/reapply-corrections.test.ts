import test from 'ava';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { KeptCorrections } from '../../src/batch/reapply-corrections.ts';
import { extractFile } from '../../src/pipeline.ts';
import { tempDir } from '../helpers/temp-dir.ts';

test('a kept decision on a field that now reads differently is not applied but warned about', async (t) => {
  const result = await extractFile('samples/portrait-song-02.pdf');
  if (!result.ok) return t.fail(result.error.message);
  const record = result.records[0]!;
  const out = await tempDir(t, 'shenbao-kept-');
  await mkdir(path.join(out, '.shenbao'));
  const at = '2026-11-27T02:00:00.000Z';
  await writeFile(
    path.join(out, '.shenbao', 'corrections.json'),
    JSON.stringify({
      format: 'shenbao-corrections',
      version: 1,
      corrections: [
        { recordId: record.id, field: 'attribute', action: 'correct', value: '一次性项目', seen: '（另一读法）', reviewer: '李强', at },
        { recordId: record.id, field: 'implementingUnit', action: 'verify', seen: record.implementingUnit, reviewer: '李强', at },
        { recordId: record.id, field: 'indicators[99].value', action: 'verify', seen: 'x', reviewer: '李强', at },
      ],
    }),
  );
  const next = (await KeptCorrections.load(out)).apply(record);
  t.is(next.attribute, record.attribute, 'the conflicting correction is not applied');
  t.is(next.review?.implementingUnit?.action, 'verify');
  t.deepEqual(
    next.warnings.filter((w) => w.code === 'review-not-reapplied').map((w) => w.field).sort(),
    ['attribute', 'indicators[99].value'],
  );
  t.is((await KeptCorrections.load(path.join(out, 'nowhere'))).apply(record), record);
});
