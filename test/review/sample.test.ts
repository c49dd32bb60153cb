import test from 'ava';
import { sampleBy, sampleRecords, seededRandom } from '../../src/review/sample.ts';
import { selectRecords } from '../../src/review/build-site.ts';
import { ReviewError } from '../../src/review/errors.ts';

const items = Array.from({ length: 40 }, (_, i) => ({ id: `r${String(i).padStart(2, '0')}` }));

test('the same seed draws the same sample', (t) => {
  t.deepEqual(sampleRecords(items, 7, 'qa-2025'), sampleRecords(items, 7, 'qa-2025'));
  t.deepEqual(seededRandom('x')(), seededRandom('x')());
});

test('a sample does not depend on the order the records come in', (t) => {
  const reversed = [...items].reverse();
  const a = sampleRecords(items, 9, 's').map((r) => r.id).sort();
  const b = sampleRecords(reversed, 9, 's').map((r) => r.id).sort();
  t.deepEqual(a, b);
});

test('different seeds draw different samples', (t) => {
  const samples = new Set(['1', '2', '3', '4', '5'].map((seed) => sampleRecords(items, 5, seed).map((r) => r.id).join(',')));
  t.true(samples.size >= 4);
});

test('a sample is n distinct records in their original order; all of them when n is larger', (t) => {
  const s = sampleRecords(items, 10, 'abc');
  t.is(s.length, 10);
  t.is(new Set(s).size, 10);
  t.deepEqual(s, [...s].sort((a, b) => items.indexOf(a) - items.indexOf(b)));
  t.is(sampleRecords(items, 100, 'abc').length, items.length);
  t.deepEqual(sampleRecords(items, 0, 'abc'), []);
  t.throws(() => sampleBy(items, -1, 'x', (r) => r.id), { instanceOf: RangeError });
});

test('every record can be drawn (the draw is spread, not stuck)', (t) => {
  const seen = new Set<string>();
  for (let i = 0; i < 200; i++) for (const r of sampleRecords(items, 3, `seed${i}`)) seen.add(r.id);
  t.is(seen.size, items.length);
});

test('selectRecords: sample records its seed; a bad size is a coded error', (t) => {
  const records = items.map((r) => ({ ...r, warnings: [], provenance: {}, overview: null, funding: { implementation: { total: null }, annual: { total: null } } })) as never[];
  const { selected, selection } = selectRecords(records, { sample: 4, seed: 'k' });
  t.is(selected.length, 4);
  t.deepEqual(selection, { kind: 'sample', total: 40, sample: { size: 4, seed: 'k' } });
  t.deepEqual(selectRecords(records, { sample: 4, seed: 'k' }).selected, selected);
  const drawn = selectRecords(records, { sample: 2 });
  t.truthy(drawn.selection.sample?.seed);
  t.deepEqual(selectRecords(records, { sample: 2, seed: drawn.selection.sample!.seed }).selected, drawn.selected);
  const e = t.throws(() => selectRecords(records, { sample: 0 }), { instanceOf: ReviewError });
  t.is(e?.code, 'SAMPLE_INVALID');
});
