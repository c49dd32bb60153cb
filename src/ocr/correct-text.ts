import { LABELS, LEVEL1_NAMES, LEVEL2_NAMES, squashLabel } from '../form/labels.ts';

/**
 * Form-aware corrections of OCR readings, as pure functions of text: each returns the corrected
 * text and the rule that fired, or null when the reading stands. The caller records every
 * correction as a warning with the raw reading.
 */
export interface TextFix {
  text: string;
  rule: string;
}

/** Characters the model reads for brackets a Chinese form prints: 〈长期开展) for （长期开展）. */
const CONFUSABLES: ReadonlyMap<string, string> = new Map([
  ['〈', '（'],
  ['〉', '）'],
]);

/** Opening brackets the model mixes up, and the closing ones that tell which was printed. */
const OPENERS = new Set(['〈', '《', '(', '（']);
const ROUND_CLOSERS = new Set([')', '）']);
const CLOSERS = new Set([...ROUND_CLOSERS, '〉', '》']);
const BANGS = new Set(['!', '！']);

export function fixConfusables(text: string): TextFix | null {
  const chars = [...text].map((c) => CONFUSABLES.get(c) ?? c);
  // `《长期开展)`, `标准!晋财资…43号)`: an opening 《, or a ! before an ideograph (a thin bracket's
  // ink, as 1-bit scans keep it), closed by a round bracket was a round one, of the closing one's width.
  chars.forEach((c, i) => {
    if (c !== '《' && !(BANGS.has(c) && /^\p{Script=Han}$/u.test(chars[i + 1] ?? ''))) return;
    const close = chars.slice(i + 1).find((d) => CLOSERS.has(d) || OPENERS.has(d));
    if (close && ROUND_CLOSERS.has(close)) chars[i] = close === ')' ? '(' : '（';
  });
  const out = chars.join('');
  return out === text ? null : { text: out, rule: 'confusable-bracket' };
}

/**
 * A point after an ideograph, before another or at the text's end (`工作.采购`), is a full stop
 * read as a dot (a Kai face's 。 is a thick ring, filled in a bilevel scan): Chinese text
 * prints no half-width point there. Numbers (`1.5`) and Latin (`B/S.`) are left.
 */
export function fixDotAsFullStop(text: string): TextFix | null {
  const out = text.replace(/(?<=\p{Script=Han})[.．](?=\p{Script=Han}|$)/gu, '。');
  return out === text ? null : { text: out, rule: 'dot-full-stop' };
}

/** Brackets by the closing ones that pair with them; round ones of either width pair. */
const PAIRS: ReadonlyMap<string, readonly string[]> = new Map([
  ['(', [')', '）']],
  ['（', [')', '）']],
  ['[', [']']],
  ['［', ['］']],
  ['【', ['】']],
  ['〔', ['〕']],
  ['《', ['》']],
]);
const ANY_CLOSER = new Set([...PAIRS.values()].flat());

/**
 * `档案数字化加工（]11万卷)`: a closing bracket read right after an opening one it does not pair
 * with, the opening one closed further on, is the opening one's ink read a second time: it goes.
 */
export function fixStrayCloser(text: string): TextFix | null {
  const chars = [...text];
  const out = chars.filter((c, i) => {
    const pairs = PAIRS.get(chars[i - 1] ?? '');
    if (!pairs || !ANY_CLOSER.has(c) || pairs.includes(c)) return true;
    const next = chars.slice(i + 1).find((d) => ANY_CLOSER.has(d) || PAIRS.has(d));
    return !(next && pairs.includes(next));
  });
  return out.length === chars.length ? null : { text: out.join(''), rule: 'stray-bracket' };
}

/** What the engine reads for the double quotes of Chinese text: either curly one, or a straight one. */
const DOUBLE_QUOTES = new Set(['"', '＂', '“', '”']);

/**
 * Double quotes in Chinese text open and close in turn (`审定“三定”方案`); the engine reads the
 * two curly ones as each other and as a straight one (`审定"三定“方案`). When a text with
 * ideographs holds an even number of them they are set in turn, “ then ”. An odd number (a quote
 * opened in one cell and closed in another, or a mark read as one) is left as read.
 */
export function fixQuotePairs(text: string): TextFix | null {
  if (!/\p{Script=Han}/u.test(text)) return null;
  const chars = [...text];
  const at = chars.flatMap((c, i) => (DOUBLE_QUOTES.has(c) ? [i] : []));
  if (at.length === 0 || at.length % 2 === 1) return null;
  at.forEach((i, k) => (chars[i] = k % 2 === 0 ? '“' : '”'));
  const out = chars.join('');
  return out === text ? null : { text: out, rule: 'quote-pair' };
}

/** The closed vocabulary of the form: every label wording and the level 1 / level 2 indicator names. */
export const CLOSED_SET: readonly string[] = [...new Set([...Object.values(LABELS).flat(), ...LEVEL1_NAMES, ...LEVEL2_NAMES])];

const hamming = (a: string[], b: string[]) => a.reduce((n, c, i) => n + (c === b[i] ? 0 : 1), 0);

/**
 * A reading one character off a word of the closed set (two for words of seven or more) is that
 * word: `数是指标` → `数量指标`. Only substitutions: a reading that is a strict prefix of a word
 * is a clipped label, printed so, and stays. Punctuation in the reading is kept where it stood.
 * Nothing is changed when two words are equally near.
 */
export function snapToClosedSet(text: string, vocabulary: readonly string[] = CLOSED_SET): TextFix | null {
  const squashed = [...squashLabel(text)];
  if (squashed.length < 3) return null;
  const word = squashed.join('');
  if (vocabulary.includes(word)) return null;
  const allowed = squashed.length >= 7 ? 2 : 1;
  let best: string[] | null = null;
  let bestDistance = Infinity;
  let tie = false;
  for (const v of vocabulary) {
    const chars = [...v];
    if (chars.length !== squashed.length) continue;
    const d = hamming(squashed, chars);
    if (d > allowed) continue;
    if (d < bestDistance) [best, bestDistance, tie] = [chars, d, false];
    else if (d === bestDistance) tie = true;
  }
  if (!best || tie) return null;
  // put the word's characters back in place of the squashed ones, punctuation untouched
  let k = 0;
  const noise = /[\s（）()：:，,、。.．·\[\]［］【】「」*＊]/;
  const out = [...text].map((c) => (noise.test(c) ? c : (best![k++] ?? c))).join('');
  return { text: out, rule: 'closed-set' };
}

/** Readings of `≥` by a model that has seen few: `之80%`, `过9个`, `辶10个`. */
const GE_MISREADS = /^[之过辶达这乏]\s*(?=\d)/;
/**
 * Readings of `=` before a value (`二9.19吨`, and `三` with a streak of noise read as a third
 * bar): only where a number and a short unit follow, no Han numeral in it (`二0二四年` is a year).
 */
const EQ_MISREADS = /^[二三]\s*(?=\d[\d.,]*\s*[^\d\s〇零一二三四五六七八九十]{0,4}$)/u;

/**
 * What OCR makes of a `%` after a number: the sign with a ring echoed as a digit or letter on
 * either side (`9%6`, `0%5`, `%o`, `%p`, `?%o`), `"` for it, or the whole sign as `9o`/`0p`.
 */
const PERCENT_TAIL = /^(?:[90?]?[%"][\dop]?|9o|0p)$/;
/** The same read as digits alone (`96`, `06`, `94`, `90`, `9`): only taken after a comparator, with nothing after it. */
const PERCENT_DIGITS = /^(?:[90]6|94|90|9)$/;
/**
 * ...or after a bare 100 read as two digits (`10096`, `10090`): the whole of a value, five digits
 * and no unit, is no count a form prints, while `100%` is its most common value.
 */
const FULL_PERCENT_DIGITS = /^(?:[90]6|94|90)$/;
const PERCENTAGE = /^\d{1,3}(?:\.\d{1,2})?$/;

/**
 * A percentage (up to 100) whose sign OCR misread, put right (`≥909%6` → `≥90%`, `90%4以上` →
 * `90%以上`), or null. The number is the longest one the reading starts with that is a
 * percentage followed by a misread sign; a reading that is a plain number up to 100 is left.
 */
function fixPercentSign(text: string): string | null {
  const m = /^([≥≤><=]?)([\d.%"?op]+)([^\d]*)$/u.exec(text);
  if (!m) return null;
  const [, comparator, body, rest] = m as unknown as [string, string, string, string];
  if (/^\d[\d,]*(\.\d+)?$/.test(body) && Number(body) <= 100) return null;
  for (let i = body.length - 1; i >= 1; i--) {
    const [number, tail] = [body.slice(0, i), body.slice(i)];
    if (!PERCENTAGE.test(number) || Number(number) > 100) continue;
    const sign = PERCENT_TAIL.test(tail) || (rest === '' && (comparator !== '' ? PERCENT_DIGITS.test(tail) : number === '100' && FULL_PERCENT_DIGITS.test(tail)));
    if (!sign) continue;
    const fixed = `${comparator}${number}%${rest}`;
    return fixed === text ? null : fixed;
  }
  return null;
}

/**
 * A value's decimal point read as a comma (`=98,5%`): a thousands separator has three digits
 * after it, not one or two. (A point read for a thousands comma cannot be told: forms print
 * decimals of counts too, `≥4.589份`.)
 */
function fixNumberSeparators(text: string): string {
  // a value: a number with a comparator or a short unit, not a text that starts with one, nor an amount
  if (!/^[≥≤><=]{0,2}\d[\d.,]*[^\d]{0,6}$/u.test(text) || !/[^\d.,\s]/u.test(text)) return text;
  return text.replace(/(?<=^[≥≤><=]{0,2}\d{1,3}),(?=\d{1,2}(?!\d))/u, '.');
}

/**
 * A `%` read as `多` or `为` (a Kai face's sign, its rings drawn as brush strokes): a value that
 * ends in one straight after a percentage (`≥95多`); `多` after a number says "more than" only
 * before a unit (`100多人`), and `为` ends no value.
 */
function percentAsDuo(text: string): string | null {
  const m = /^([≥≤><=]{0,2})(\d{1,3}(?:\.\d{1,2})?)[多为]$/u.exec(text);
  return m && Number(m[2]) <= 100 ? `${m[1]}${m[2]}%` : null;
}

/**
 * The indicator value grammar fixes what OCR does to comparators, ones and percent signs: a
 * leading `之`/`过` before a number is `≥`, a `二`/`三` before a number and its unit `=`; a `]`
 * or `|` between a comparator and a unit is `1` (`≥]次/月` → `≥1次/月`); a misread percent sign
 * is put right (fixPercentSign: `≥8096` → `≥80%`, `≥909%` → `≥90%`, `≥90%6` → `≥90%`; and
 * percentAsDuo: `≥95多` → `≥95%`); a decimal comma is a point (`=98,5%`), a `了` after a
 * comparator `7`.
 */
export function fixValueGrammar(text: string): TextFix | null {
  let out = text;
  const rules: string[] = [];
  if (GE_MISREADS.test(out) || EQ_MISREADS.test(out)) {
    out = out.replace(GE_MISREADS, '≥').replace(EQ_MISREADS, '=');
    rules.push('comparator');
  }
  const separators = fixNumberSeparators(out);
  if (separators !== out) {
    out = separators;
    rules.push('separator');
  }
  // `≥了`: a 7 in a Kai face, read as 了 (which never follows a comparator)
  if (/^[≥≤><=]{1,2}了/u.test(out)) {
    out = out.replace('了', '7');
    rules.push('seven');
  }
  // `≥]次/月`: a 1 read as a bar or bracket between the comparator and the unit
  const one = /^([≥≤><=])[\]|lI丨](?=[^\d.%]{1,5}$)/u.exec(out);
  if (one) {
    out = `${one[1]}1${out.slice(one[0].length)}`;
    rules.push('one');
  }
  const percent = fixPercentSign(out) ?? percentAsDuo(out);
  if (percent !== null) {
    out = percent;
    rules.push('percent');
  }
  return rules.length > 0 ? { text: out, rule: rules.join('+') } : null;
}

/**
 * The year of a document number read in square brackets (`国发[2022]14号`), or in brackets that
 * do not pair (`国发(2022]14号`, `国发〔2022]14号`): official documents bracket it with 〔〕
 * (GB/T 9704), which the engine has barely learnt and reads as `[]`, `(]` or `〔]`. A pair it reads
 * as round brackets of one kind is left (some offices print them), and so is any pair with 【 or
 * 】, which some offices print and the engine reads as itself: whether a `【2022]` was 【】 or 〔〕
 * only the ink could tell.
 */
const DOCUMENT_YEAR = /([[［〔(（])(\d{4})([\]］〕)）])(?=\d+号)/gu;
const ROUND = new Set(['(', '（', ')', '）']);

export function fixDocumentYear(text: string): TextFix | null {
  const out = text.replace(DOCUMENT_YEAR, (all, open: string, year: string, close: string) => (ROUND.has(open) && ROUND.has(close) ? all : `〔${year}〕`));
  return out === text ? null : { text: out, rule: 'document-year' };
}

/**
 * A mark read between a document number's bracketed year and its serial (`晋财行【2018】:49号`):
 * the serial follows the bracket directly (GB/T 9704), so the mark is a speck or the bracket's
 * own ink read twice.
 */
const DOCUMENT_SERIAL_MARK = /(\d{4}[\]］〕)）】])[:：;；.,，、·'"](?=\d+号)/gu;

export function fixDocumentSerial(text: string): TextFix | null {
  const out = text.replace(DOCUMENT_SERIAL_MARK, '$1');
  return out === text ? null : { text: out, rule: 'document-serial' };
}

/**
 * A percentage in a text read with a ring of its sign echoed as a digit: a 9 before it for 90
 * to 99 (`达到909%以上`, `959%`: 900–999% is never printed in these forms), or a lone 6, 0, 9 or
 * o after it (`不低于90%6。`: a text never has a digit right after a percentage); or the sign
 * itself read `96` after a rate and before a mark (`达到9096。`: a number of four or more
 * digits with no unit does not end a clause in these texts). The value grammar
 * (fixPercentSign) only sees whole values.
 */
const PERCENT_ECHO = /(?<![\d.])(9\d)9(?=%)/gu;
const PERCENT_TRAIL = /(?<=\d%)[069o](?![\d.])/gu;
const PERCENT_AS_96 = /(?<![\d.,])(100|[1-9]\d(?:\.\d+)?)96(?=[。，,；;、）)])/gu;

export function fixPercentEcho(text: string): TextFix | null {
  const out = text.replace(PERCENT_ECHO, '$1').replace(PERCENT_TRAIL, '').replace(PERCENT_AS_96, '$1%');
  return out === text ? null : { text: out, rule: 'percent-echo' };
}

/**
 * Amounts are printed with thousands separators, which OCR reads as `.` as often as `,`: digits
 * in groups of three after the first group are an integer (`1.700,000` → `1,700,000`, which
 * readAmount would otherwise take for 1.7), and so are they before two last digits, which are
 * the fen (`200.000.00` → `200,000.00`); a separator read twice (`1,.700,000`) is one; a
 * trailing `。` or `.` is dropped.
 */
export function fixAmountSeparators(text: string): TextFix | null {
  // a separator read twice (`1,.700,000`) is one
  const s = text.replace(/\s+/g, '').replace(/[。.．]$/, '').replace(/[.,，．]{2,}/g, ',');
  const cents = /^(\d{1,3}(?:[.,，．]\d{3})+)[.,，．](\d{2})$/.exec(s);
  const grouped = /^\d{1,4}(?:[.,，．]\d{3})+$/.test(s)
    ? s.replace(/[.,，．]/g, ',')
    : cents
      ? `${cents[1]!.replace(/[.,，．]/g, ',')}.${cents[2]}`
      : s;
  return grouped === text ? null : { text: grouped, rule: 'amount-separators' };
}

/** An amount as the digit-whitelisted reading gives it, or null when it is not one. */
export function amountReading(text: string): string | null {
  const s = text.replace(/\s+/g, '');
  return /^\d[\d,]*(\.\d+)?$/.test(s) ? s : null;
}

/**
 * Non-words the chi_sim model makes of real words by reading one character as a look-alike
 * (遣→遗, 覆→履/获/帮, 诉→拆, 抖→拌, 日→目/旦) or by echoing one (ISO0). Each reading on the left
 * is never printed, so taking it for the word on the right cannot change a correct reading.
 * Collected from misreadings seen on scans; add a pair only when its left side is never printed.
 */
const KNOWN_MISREADS: ReadonlyArray<readonly [string, string]> = [
  ['派遗', '派遣'],
  ['履盖', '覆盖'],
  ['获盖', '覆盖'],
  ['帮盖', '覆盖'],
  ['目常', '日常'],
  ['旦常', '日常'],
  ['投拆', '投诉'],
  ['拌音', '抖音'],
  // the ring of an O echoed as a 0 (`ISO09001`): no ISO standard's number starts with 0
  ['ISO0', 'ISO'],
  // or read as a 0 (`IS09001`, a Kai face's O is narrow)
  ['IS0', 'ISO'],
];

/**
 * A letter O read as a zero between ideographs and capitals (`实现0A系统`): an abbreviation
 * (OA, OCR) follows text; a number with a unit in capitals (`10A`) starts with another digit.
 */
const O_AS_ZERO = /(?<=\p{Script=Han})0(?=[A-Z]+(?:\p{Script=Han}|$))/gu;
/**
 * A capital I read as a one in an abbreviation: before a capital, a small letter and a digit
 * (`1Pv6`; a unit after a 1 has no digit: `1Pa`), or after two capitals and before text
 * (`CP1价格`); a number is never written so (`ISO14001`, `A1`).
 */
const I_AS_ONE = /(?<![\dA-Za-z])1(?=[A-Z][a-z]\d)|(?<=[A-Z]{2})1(?=\p{Script=Han}|$)/gu;

export function fixKnownMisreads(text: string): TextFix | null {
  let out = text;
  for (const [misread, word] of KNOWN_MISREADS) out = out.split(misread).join(word);
  out = out.replace(O_AS_ZERO, 'O').replace(I_AS_ONE, 'I');
  return out === text ? null : { text: out, rule: 'known-misread' };
}
