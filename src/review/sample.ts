/**
 * A reproducible random sample of records for QA: the same records, seed and size always give the
 * same sample, whatever order the records come in (they are ordered by id before drawing).
 */
import { mulberry32 } from '../random.ts';

/** A 32-bit hash of a string (FNV-1a), to turn any seed text into PRNG state. */
function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(seed)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Numbers in [0, 1) drawn from a seed text. */
export const seededRandom = (seed: string): (() => number) => mulberry32(hashSeed(seed));

/** A fresh seed for a run that did not ask for one (printed so the sample can be drawn again). */
export const newSeed = (): string => Math.floor(Math.random() * 1e9).toString(36);

/**
 * `n` items drawn without replacement with `seed`, returned in their original order. All of them
 * when n ≥ their number.
 */
export function sampleBy<T>(items: readonly T[], n: number, seed: string, key: (item: T) => string): T[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`sample size must be a whole number ≥ 0, not ${n}`);
  const order = items.map((item, i) => ({ item, i, k: key(item) })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i));
  const random = seededRandom(seed);
  const take = Math.min(n, order.length);
  // Partial Fisher–Yates: the first `take` places end up a uniform sample.
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (order.length - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order.slice(0, take).sort((a, b) => a.i - b.i).map((o) => o.item);
}

export const sampleRecords = <T extends { id: string }>(records: readonly T[], n: number, seed: string): T[] => sampleBy(records, n, seed, (r) => r.id);
