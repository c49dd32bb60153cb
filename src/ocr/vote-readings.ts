import { editDistance } from '../edit-distance.ts';

/** A change to a reading: its characters [start, end) replaced by `text` (code points). */
export interface ReadingChange {
  start: number;
  end: number;
  text: string[];
}

/** The changes that turn `a` into `b`, from one least-cost alignment, runs of edits grouped. */
export function readingChanges(a: readonly string[], b: readonly string[]): ReadingChange[] {
  const n = a.length;
  const m = b.length;
  const d: number[][] = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  // walk back, keeping matches where possible; edits between two matches form one change
  const out: ReadingChange[] = [];
  let i = n;
  let j = m;
  let open: ReadingChange | null = null;
  const close = () => {
    if (open) out.unshift(open);
    open = null;
  };
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && a[i - 1] === b[j - 1] && d[i]![j] === d[i - 1]![j - 1]) {
      close();
      i--;
      j--;
      continue;
    }
    open ??= { start: i, end: i, text: [] };
    if (i > 0 && j > 0 && d[i]![j] === d[i - 1]![j - 1]! + 1) {
      open.start = --i;
      open.text.unshift(b[--j]!);
    } else if (i > 0 && d[i]![j] === d[i - 1]![j]! + 1) {
      open.start = --i;
    } else {
      open.text.unshift(b[--j]!);
    }
  }
  close();
  return out;
}

const applyChange = (a: readonly string[], c: ReadingChange): string[] => [...a.slice(0, c.start), ...c.text, ...a.slice(c.end)];

/** Each voted character, and the character of the first reading it stands in for (its box and confidence). */
export interface VotedChar {
  text: string;
  /** Index into the first reading; an inserted character points at its neighbour. */
  from: number;
}

/** Alternative readings further than this share of the first one's length are of something else (another line, noise) and do not vote. */
const MAX_ALTERNATIVE_DISTANCE = 0.3;

/**
 * Three readings of one line, the first kept unless outvoted: a change one of the other two
 * makes to it is taken when it brings the first closer to the third as well — two of the three
 * readings agree on it (`训、和干部` / `训、干部` / `训、王部` → `训、干部`; `暨` / `茎` / `暨` → `暨`).
 * Changes that overlap one taken already are not, nor changes outside `within` (a range of the
 * first reading's characters: the others were read only as context).
 */
export function voteReadings(first: readonly string[], second: readonly string[], third: readonly string[], within: readonly [number, number] = [0, first.length]): VotedChar[] {
  const own = first.map((text, from) => ({ text, from }));
  const limit = Math.max(2, MAX_ALTERNATIVE_DISTANCE * first.length);
  const text = (s: readonly string[]) => s.join('');
  const d2 = editDistance(text(first), text(second));
  const d3 = editDistance(text(first), text(third));
  if (d2 > limit || d3 > limit) return own;
  const taken: ReadingChange[] = [];
  const supported = (c: ReadingChange, other: readonly string[], before: number) => editDistance(text(applyChange(first, c)), text(other)) < before;
  const inside = (c: ReadingChange) => within[0] <= c.start && c.end <= within[1];
  const candidates = [...readingChanges(first, second).filter((c) => supported(c, third, d3)), ...readingChanges(first, third).filter((c) => supported(c, second, d2))];
  for (const c of candidates.filter(inside)) {
    const clash = taken.some((t) => (t.start < c.end && c.start < t.end) || (t.start === c.start && (t.end === t.start || c.end === c.start)));
    if (!clash) taken.push(c);
  }
  let out: VotedChar[] = own;
  for (const c of taken.sort((x, y) => y.start - x.start)) {
    const from = Math.min(c.start, first.length - 1);
    out = [...out.slice(0, c.start), ...c.text.map((t) => ({ text: t, from })), ...out.slice(c.end)];
  }
  return out;
}
