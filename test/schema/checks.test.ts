import test from 'ava';
import { readFileSync } from 'node:fs';
import { checkRecord } from '../../src/schema/checks.ts';
import type { DeclarationRecord } from '../../src/schema/record.ts';

const truth = JSON.parse(readFileSync('samples/truth-2024.json', 'utf8')) as DeclarationRecord[];

test('a record with no indicator read is flagged; the real records, all with their tables, are not', (t) => {
  for (const record of truth) t.false(checkRecord(record).some((w) => w.field === 'indicators'), record.projectName ?? '');
  const lost = checkRecord({ ...truth[0]!, indicators: [] }).filter((w) => w.field === 'indicators');
  t.deepEqual(lost.map((w) => w.code), ['field-empty']);
});
