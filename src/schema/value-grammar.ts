import type { ParsedValue } from './record.ts';

/**
 * The grammar of an indicator value (指标值), FORM.md "The record":
 *
 * quantitative   [comparator] number [unit]
 *   comparator   ≥ ≤ > < = ＞ ＜ ＝ ≧ ≦ >= <= (also ＞＝ ＜＝ ≥= ≤=), normalized to ≥ ≤ > < =;
 *                none means `=`.
 *   number       digits with optional thousands separators (`1,000`, `12,345.6`) and decimals
 *                (`5.5`); full-width digits (０-９) and a full-width point (．) are read too.
 *   unit         the rest, trimmed: `个` `%` `万元/人` `次/月` `人次` `个月`, or nothing (null).
 *                `％` and `／` are normalized to `%` and `/`.
 * qualitative    anything else. When the value starts with one of 符合 满足 完成 保障 达到 and more
 *                text follows, op is that word and text the rest (`符合符合政府购买服务标准` → 符合 /
 *                `符合政府购买服务标准`); otherwise op is null and text the whole value (`完成`,
 *                `按需支出`, `年内完成`). number and unit are null.
 *
 * Edge cases (decided here):
 * - A number followed by something that is not a unit is qualitative with op null, whole value as
 *   text: `12个月内完成`, `90%以上`, `3个及以上`. The rest counts as a unit only when it is short
 *   (each side of at most one `/` is 1–4 characters), made of CJK ideographs, Latin letters, `%`,
 *   `‰`, `℃`, `·`, `²`, `³`, `㎡`, and holds none of the function/verb characters in NOT_UNIT (内 以 上 下
 *   前 后 完 成 达 到 及 …).
 * - Ranges (`90%-95%`, `90-95%`, `3~5个`) are qualitative with op null: a digit or a dash in the rest
 *   is never a unit.
 * - A comparator with no number after it (`≥良好`) is qualitative with op null.
 * - Chinese comparative words (`不低于90%`, `不少于3个`) are not comparators in FORM.md: qualitative
 *   with op null, text the whole value.
 * - Leading and trailing white space is ignored; white space between comparator, number and unit
 *   is allowed (`≥ 9 个`). The empty value gives op null, text ''.
 */

export const QUALIFIERS = ['符合', '满足', '完成', '保障', '达到'] as const;
type Comparator = '≥' | '≤' | '>' | '<' | '=';

/** Printed comparator spellings, longest first, and what they normalize to. */
const COMPARATORS: ReadonlyArray<readonly [string, Comparator]> = [
  ['>=', '≥'],
  ['<=', '≤'],
  ['＞＝', '≥'],
  ['＜＝', '≤'],
  ['≥=', '≥'],
  ['≤=', '≤'],
  ['≥', '≥'],
  ['≧', '≥'],
  ['≤', '≤'],
  ['≦', '≤'],
  ['>', '>'],
  ['＞', '>'],
  ['<', '<'],
  ['＜', '<'],
  ['=', '='],
  ['＝', '='],
];

/** A number: thousands groups (strictly 3 digits each) or plain digits, optional decimals. */
const NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/;

/** Characters a unit may be made of (before the NOT_UNIT check). */
const UNIT_SIDE = /^[\p{Script=Han}A-Za-z%‰℃·²³㎡㎞㎏]{1,4}$/u;

/**
 * Characters that never occur in a unit but do in phrases after a number: position words,
 * verbs, conjunctions, comparatives (`12个月内完成`, `90%以上`, `3个及以上`, `2天前`).
 */
const NOT_UNIT = new Set([...'内以上下前后左右完成达到至及或和与并且的为是不未按需要保障满足符合提升高低少多超过确实现有效显著约等之']);

const EMPTY: ParsedValue = { op: null, number: null, unit: null, text: '' };

function toHalfWidthDigits(s: string): string {
  return s.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** Is `rest` (already trimmed, non-empty) a unit? */
export function looksLikeUnit(rest: string): boolean {
  const sides = rest.split('/');
  if (sides.length > 2) return false;
  return sides.every((side) => UNIT_SIDE.test(side) && ![...side].some((c) => NOT_UNIT.has(c)));
}

function parseQuantitative(value: string): ParsedValue | null {
  let rest = value;
  let op: Comparator = '=';
  for (const [spelling, normalized] of COMPARATORS) {
    if (rest.startsWith(spelling)) {
      op = normalized;
      rest = rest.slice(spelling.length).trimStart();
      break;
    }
  }
  const digits = toHalfWidthDigits(rest);
  const m = NUMBER.exec(digits);
  if (!m) return null;
  // A number running on into more digits/separators (`1,5`, `1.2.3`) is not a number we read.
  const after = digits.slice(m[0].length);
  if (/^[.,]\d/.test(after)) return null;
  const number = Number(m[0].replace(/,/g, ''));
  if (!Number.isFinite(number)) return null;
  const unitText = rest
    .slice(m[0].length)
    .trim()
    .replace(/％/g, '%')
    .replace(/\s*[/／]\s*/g, '/');
  if (unitText === '') return { op, number, unit: null, text: null };
  if (!looksLikeUnit(unitText)) return null;
  return { op, number, unit: unitText, text: null };
}

/** Parses an indicator value as printed; never throws. */
export function parseIndicatorValue(value: string): ParsedValue {
  const v = value.trim();
  if (v === '') return { ...EMPTY };
  const quantitative = parseQuantitative(v);
  if (quantitative) return quantitative;
  const qualifier = QUALIFIERS.find((q) => v.startsWith(q) && v.length > q.length);
  if (qualifier) return { op: qualifier, number: null, unit: null, text: v.slice(qualifier.length).trim() };
  return { op: null, number: null, unit: null, text: v };
}
