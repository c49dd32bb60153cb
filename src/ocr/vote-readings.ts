import { editDistance } from '../edit-distance.ts';
import { isHan } from './cell-glyphs.ts';
import { inWordAt, spellingScore } from './lexicon.ts';

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
 * The edit distance between two readings of a stretch, a character read at either end of the
 * second free: the second was cut from its line again and may hold a piece of a neighbour's ink
 * (`派算人员.每名费用` / `派遣人员、每名费用支`).
 */
function distanceBesideCuts(first: readonly string[], second: readonly string[]): number {
  const text = first.join('');
  let best = Infinity;
  for (let a = 0; a <= Math.min(1, second.length); a++) {
    for (let b = second.length; b >= Math.max(a, second.length - 1); b--) best = Math.min(best, editDistance(text, second.slice(a, b).join('')));
  }
  return best;
}

/** A change is judged by spelling over this many ideographs of the first reading each side of it. */
const SPELLING_CONTEXT = 4;
/**
 * A change that makes the run of ideographs around it this much likelier in the lexicon (natural
 * log: about 55 times) is taken on one reading's word; one that makes it as much less likely is
 * not taken on two. Measured on the 62 distinct changes the two models proposed to doubtful
 * stretches of one held-out scan family: all 20 at +4 or more were right (`派算人员` → `派遣人员`,
 * `王部综合` → `干部综合`); of the 19 at −4 or less, 18 were wrong (`穿透式` → `宏透式`) and one
 * right but judged beside another misreading (`稳定如防范处轩` → `稳定暨防范处轩`); between them
 * both kinds (`派遗` → `派造` +1.0, wrong; `派中` → `派遣` +2.9, right): there the majority decides.
 */
const SPELLING_MARGIN = 4;

/**
 * How much likelier a change makes the first reading's ideographs around it, as words (natural
 * log, lexicon.ts), or null when it is not one of ideographs for as many ideographs.
 */
export function spellingGain(first: readonly string[], c: ReadingChange): number | null {
  return spellingOf(first, c)?.gain ?? null;
}

/**
 * The natural log of the share of the corpus a word must have (about 20 in jieba's 60 million)
 * for a change to be taken on its spelling: the dictionary also lists rare compounds (`显财`,
 * counted 3 times) that make any glyph beside them look likely, beside rare ones that are real
 * (`小额贷款`, 3 times, holding `贷款`, 4,000).
 */
const MIN_WORD_LOG_SHARE = Math.log(20 / 60e6);

/**
 * spellingGain, and whether every ideograph the change puts in forms a word, not a rare one
 * (MIN_WORD_LOG_SHARE), with its neighbours: a change that only trades one glyph standing
 * alone for a commoner one (`晋财行` → `胶财行`, neither spelling a word) says nothing of which
 * was printed.
 */
function spellingOf(first: readonly string[], c: ReadingChange): { gain: number; inWords: boolean } | null {
  const old = first.slice(c.start, c.end);
  if (old.length === 0 || old.length !== c.text.length || !old.every(isHan) || !c.text.every(isHan)) return null;
  let a = c.start;
  while (a > 0 && c.start - a < SPELLING_CONTEXT && isHan(first[a - 1]!)) a--;
  let b = c.end;
  while (b < first.length && b - c.end < SPELLING_CONTEXT && isHan(first[b]!)) b++;
  const run = (mid: readonly string[]) => [...first.slice(a, c.start), ...mid, ...first.slice(c.end, b)];
  const changed = run(c.text);
  const inWords = c.text.every((_, k) => inWordAt(changed, c.start - a + k, MIN_WORD_LOG_SHARE));
  return { gain: spellingScore(changed) - spellingScore(run(old)), inWords };
}

/** Marks between clauses, which the second model reads one for another (`，` as `、` or `,`). */
const CLAUSE_MARK = /^[，、；]$/u;

/**
 * Whether a change only puts clause marks for clause marks: the other two readings are both the
 * second model's, and agree on its misreadings of a mark as often as on the mark.
 */
const swapsClauseMarks = (first: readonly string[], c: ReadingChange) =>
  c.end > c.start && c.text.length === c.end - c.start && [...first.slice(c.start, c.end), ...c.text].every((m) => CLAUSE_MARK.test(m));

/**
 * Three readings of one line, the first kept unless outvoted: a change one of the other two
 * makes to it is taken when it brings the first closer to the third as well — two of the three
 * readings agree on it (`训、和干部` / `训、干部` / `训、王部` → `训、干部`; `暨` / `茎` / `暨` → `暨`)
 * — unless it spells much worse (SPELLING_MARGIN); a change one of them makes alone is taken when
 * it spells much better (`派四人员` / `派遣人员` / `派造人员` → `派遣人员`) into words, and not at
 * the edge of the line (`lineEdges`: whether the first reading begins or ends its line). Changes that overlap
 * one taken already are not. `within` is the doubtful core of the first reading (the rest was
 * read as context, with confidence): outside it a majority's change is taken only when it spells
 * better, and no change at an end cut from a neighbour; nor a clause mark for another by majority
 * (swapsClauseMarks). With `majority` false only spelling counts.
 */
export function voteReadings(
  first: readonly string[],
  second: readonly string[],
  third: readonly string[],
  within: readonly [number, number] = [0, first.length],
  { majority: byMajority = true, lineEdges = [false, false] }: { majority?: boolean; lineEdges?: readonly [start: boolean, end: boolean] } = {},
): VotedChar[] {
  const own = first.map((text, from) => ({ text, from }));
  const limit = Math.max(2, MAX_ALTERNATIVE_DISTANCE * first.length);
  const text = (s: readonly string[]) => s.join('');
  const d2 = editDistance(text(first), text(second));
  const d3 = editDistance(text(first), text(third));
  // a reading of something else takes no part: the other may still correct the spelling alone
  const [near2, near3] = [second, third].map((other) => distanceBesideCuts(first, other) <= limit);
  const taken: ReadingChange[] = [];
  const supported = (c: ReadingChange, other: readonly string[], before: number) => editDistance(text(applyChange(first, c)), text(other)) < before;
  // a change of spelling may lie in the context too, but not at an end cut from a neighbour (within stops short of it)
  const [from, to] = [within[0] > 0 ? 1 : 0, within[1] < first.length ? first.length - 1 : first.length];
  const changes = [...(near2 ? readingChanges(first, second).map((c) => ({ c, other: third, before: d3 })) : []), ...(near3 ? readingChanges(first, third).map((c) => ({ c, other: second, before: d2 })) : [])]
    .filter(({ c }) => from <= c.start && c.end <= to)
    .map((x) => {
      const spelling = spellingOf(first, x.c);
      return { ...x, gain: spelling?.gain ?? 0, inWords: spelling?.inWords ?? false };
    });
  // in the context, read confidently, two readings outvote the first only where they spell better
  const majority = changes.filter(({ c, other, before, gain }) => byMajority && near2 && near3 && !swapsClauseMarks(first, c) && supported(c, other, before) && (within[0] <= c.start && c.end <= within[1] ? gain > -SPELLING_MARGIN : gain > 0));
  // at a line's first or last glyph a word may run on from the line before or after, which the spelling does not see (`租|赁费` read `资费`)
  const besideLineEdge = (c: ReadingChange) => (lineEdges[0] && c.start === 0) || (lineEdges[1] && c.end === first.length);
  const spelling = changes.filter(({ c, gain, inWords }) => gain >= SPELLING_MARGIN && inWords && !besideLineEdge(c)).sort((x, y) => y.gain - x.gain);
  for (const { c } of [...majority, ...spelling]) {
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
