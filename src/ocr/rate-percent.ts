import type { FormDraft } from '../form/draft.ts';
import type { RecordWarning } from '../schema/record.ts';

/**
 * Names of indicators whose value is a percentage: rates (…率, 覆盖率, 完成率) and satisfaction
 * (…满意度), a bracketed note after the name allowed (`受益人群覆盖率（不含第2批）`).
 */
const RATE_NAME = /(?:率|满意度|百分比|占比)(?:\s*[（(][^（()）]*[)）])?$/u;

/** A percentage as printed in a value: up to 100, one decimal at most. */
const PERCENTAGE = /^\d{1,3}(?:\.\d)?$/;
/**
 * What OCR makes of a percent sign after such a number: one to three glyphs of its rings and
 * slash (`0`, `u`, `9,`, `9，`, `%b`, `0o`), not three digits; its lower ring is read as a mark
 * of either width.
 */
const MISREAD_SIGN = /^(?!\d{3})[%"'?,.:;，。．：；oubp0-9]{1,3}$/u;
/**
 * …or one letter or ideograph for the whole sign (a Kai face's `%` reads `久`, `狼`, `S`), when it
 * is no unit or word a rate's value may end with (`≥90分`, `九成`, `以上`).
 */
const SIGN_AS_GLYPH = /^[A-Za-z\p{Script=Han}]$/u;
const NOT_A_SIGN = new Set([...'分成倍个人次天日月年元项件台家户名场份篇期批所座处辆吨亩米度级类条本套张册卷点只株头千万亿以上下内外前后约余左右']);
const misreadSign = (s: string) => MISREAD_SIGN.test(s) || (SIGN_AS_GLYPH.test(s) && !NOT_A_SIGN.has(s));

/**
 * The value of a rate's indicator (see RATE_NAME) read by OCR with its percent sign misread, put
 * right with an `ocr-corrected` warning: a rate is a percentage, so in `≥800` the `0` after 80 is
 * the sign, not a digit. Without the name this is undecidable (`≥800` 人次 is a count), which is
 * why the layout's value grammar (fixValueGrammar) leaves it. A value that is a number up to 100
 * as read (`≥95`, `99.95`) stays as it is.
 */
export function fixRatePercents(draft: FormDraft): RecordWarning[] {
  const out: RecordWarning[] = [];
  draft.indicators.forEach((indicator, i) => {
    const field = `indicators[${i}].value`;
    const value = indicator.value;
    if (!value || draft.provenance[field]?.method !== 'ocr' || !RATE_NAME.test(indicator.name ?? '')) return;
    const fixed = ratePercent(value);
    if (fixed === null) return;
    indicator.value = fixed;
    out.push({ code: 'ocr-corrected', field, message: `OCR read "${value}"; the value of a rate is a percentage, so it is "${fixed}".`, raw: value });
  });
  return out;
}

/**
 * A rate's value with its misread percent sign put right (`≥800` → `≥80%`, `≥809,` → `≥80%`,
 * `≥98.50o` → `≥98.5%`), or null: the longest percentage the reading starts with, after an
 * optional comparator, followed by a misread sign and nothing else. A value that is a
 * well-formed percentage already (`≥0.59%`), or a plain number up to 100, is left.
 */
export function ratePercent(value: string): string | null {
  const m = /^([≥≤><=]?)(\d.*)$/u.exec(value.replace(/\s+/g, ''));
  if (!m) return null;
  const [, comparator, rest] = m as unknown as [string, string, string];
  if ((/^[\d.]+$/.test(rest) && Number(rest) <= 100) || /^\d+(?:\.\d+)?%$/.test(rest)) return null;
  for (let cut = Math.min(rest.length - 1, 5); cut >= 1; cut--) {
    const [number, sign] = [rest.slice(0, cut), rest.slice(cut)];
    if (!PERCENTAGE.test(number) || Number(number) > 100 || !misreadSign(sign)) continue;
    const fixed = `${comparator}${number}%`;
    return fixed === value ? null : fixed;
  }
  return null;
}
