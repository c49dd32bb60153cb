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

/**
 * How well a run of ideographs spells words: the log probability of its likeliest split into
 * the dictionary's words (single ideographs the dictionary lacks count as its rarest word). Only
 * comparable between runs of the same length.
 */
export function spellingScore(chars: readonly string[]): number {
  const { logShare, unknown } = loaded();
  const best = new Array<number>(chars.length + 1).fill(-Infinity);
  best[0] = 0;
  for (let i = 1; i <= chars.length; i++) {
    for (let j = Math.max(0, i - MAX_WORD); j < i; j++) {
      const word = chars.slice(j, i).join('');
      const p = logShare.get(word) ?? (i - j === 1 ? unknown : undefined);
      if (p !== undefined && best[j]! + p > best[i]!) best[i] = best[j]! + p;
    }
  }
  return best[chars.length]!;
}
