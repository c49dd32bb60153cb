import test from 'ava';
import { isHan } from '../../src/ocr/cell-glyphs.ts';
import { inWordAt, loneIdeographs, spellingScore } from '../../src/ocr/lexicon.ts';

const score = (s: string) => spellingScore([...s]);

test('a run that spells words scores above the same length that does not', (t) => {
  for (const [word, misread] of [
    ['劳务派遣人员', '劳务派算人员'],
    ['日常办公', '日党办公'],
    ['满意度', '潢意度'],
    ['小额贷款', '小额货款'],
    ['干部综合', '王部综合'],
  ]) t.true(score(word!) > score(misread!), `${word} / ${misread}`);
});

test('an ideograph the dictionary lacks still scores, as its rarest word', (t) => {
  t.true(Number.isFinite(score('𪚥')));
  t.true(score('𪚥') <= score('的'));
  t.is(score(''), 0);
});

test('ideographs only are judged', (t) => {
  t.true(isHan('遣'));
  for (const c of ['a', '1', '，', '、', '%']) t.false(isHan(c), c);
});

test('ideographs alone in the likeliest split, and ideographs in a word of some frequency', (t) => {
  const lone = (s: string) => [...s].filter((_, i) => loneIdeographs([...s])[i]).join('');
  t.is(lone('费用文出标准'), '文出');
  t.is(lone('费用支出标准'), '');
  t.is(lone('稳定茎防范'), '茎');
  const often = Math.log(20 / 60e6);
  t.true(inWordAt([...'小额贷款公'], 2, often));
  t.false(inWordAt([...'显财资'], 0, often));
  t.false(inWordAt([...'晋财资'], 0, often));
});
