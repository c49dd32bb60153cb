import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isHan } from './cell-glyphs.ts';

/**
 * Chinese words with their frequencies: jieba's dictionary (the `dict.txt` that @node-rs/jieba
 * ships, MIT, ~349,000 words counted in a general corpus). It tells which of the engine's
 * readings of a doubtful stretch spells words (`派遣人员` against `派四人员`). Only the file is
 * read: jieba's segmenter is not used. Loaded on first use, once per thread.
 */

/** Words longer than this are left out: a changed glyph is judged by the short words around it. */
const MAX_WORD = 4;

interface Lexicon {
  /** Natural log of each word's share of the corpus. */
  logShare: Map<string, number>;
  /** The log share an ideograph the dictionary lacks (or a rare one) counts as on its own. */
  unknown: number;
}

let lexicon: Lexicon | null = null;

function load(): Lexicon {
  const file = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
  const counts = new Map<string, number>();
  let total = 0;
  let least = Infinity;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [word, freq] = line.split(' ');
    const n = Number(freq);
    if (!word || !(n > 0)) continue;
    total += n;
    least = Math.min(least, n);
    const chars = [...word];
    if (chars.length <= MAX_WORD && chars.every(isHan)) counts.set(word, n);
  }
  const logShare = new Map<string, number>();
  for (const [w, n] of counts) logShare.set(w, Math.log(n / total));
  return { logShare, unknown: Math.log(least / total) };
}

const loaded = (): Lexicon => (lexicon ??= load());

/** The likeliest split of a run of ideographs into the dictionary's words: its log probability, and each word as [start, end). */
function bestSplit(chars: readonly string[]): { score: number; words: Array<[number, number]> } {
  const { logShare, unknown } = loaded();
  const best = new Array<number>(chars.length + 1).fill(-Infinity);
  const from = new Array<number>(chars.length + 1).fill(0);
  best[0] = 0;
  for (let i = 1; i <= chars.length; i++) {
    for (let j = Math.max(0, i - MAX_WORD); j < i; j++) {
      const p = logShare.get(chars.slice(j, i).join('')) ?? (i - j === 1 ? unknown : undefined);
      if (p !== undefined && best[j]! + p > best[i]!) [best[i], from[i]] = [best[j]! + p, j];
    }
  }
  const words: Array<[number, number]> = [];
  for (let i = chars.length; i > 0; i = from[i]!) words.unshift([from[i]!, i]);
  return { score: best[chars.length]!, words };
}

/**
 * How well a run of ideographs spells words: the log probability of its likeliest split into
 * the dictionary's words (single ideographs the dictionary lacks count as its rarest word). Only
 * comparable between runs of the same length.
 */
export function spellingScore(chars: readonly string[]): number {
  return bestSplit(chars).score;
}

/**
 * Whether the ideograph at `at` of a run forms, with neighbours in the run, a word of two to
 * MAX_WORD ideographs whose log share is at least `minLogShare`.
 */
export function inWordAt(chars: readonly string[], at: number, minLogShare: number): boolean {
  const { logShare } = loaded();
  for (let len = 2; len <= MAX_WORD; len++) {
    for (let start = Math.max(0, at - len + 1); start <= at && start + len <= chars.length; start++) {
      if ((logShare.get(chars.slice(start, start + len).join('')) ?? -Infinity) >= minLogShare) return true;
    }
  }
  return false;
}

/**
 * Which ideographs of a run stand alone in its likeliest split, in no word with a neighbour
 * (`费用文出标准`: 文 and 出, where `费用支出标准` splits into three words): where a glyph misread
 * as a common one hides, and where function words (的, 和) stand too.
 */
export function loneIdeographs(chars: readonly string[]): boolean[] {
  const lone = chars.map(() => false);
  for (const [start, end] of bestSplit(chars).words) if (end - start === 1) lone[start] = true;
  return lone;
}
