import type { TextFix } from './correct-text.ts';

/** One amount of a funding column as read: its cell's text and how sure the reading was. */
export interface ReadAmount {
  text: string;
  confidence: number;
}

/** Funding parts of one period (central, provincial, municipal, self-raised, other) and their total. */
export interface FundingColumn<T> {
  total: T | null;
  parts: T[];
}

const digitsOf = (text: string) => text.replace(/[,\s]/g, '');
const valueOf = (text: string): number | null => (/^\d+(\.\d+)?$/.test(digitsOf(text)) ? Number(digitsOf(text)) : text.trim() === '' ? 0 : null);

/** The sum of readable amounts, or null when one is not an amount. */
function sumOf(parts: readonly ReadAmount[]): number | null {
  const values = parts.map((p) => valueOf(p.text));
  if (parts.length === 0 || values.some((v) => v === null)) return null;
  return Math.round((values as number[]).reduce((a, b) => a + b, 0) * 100) / 100;
}

/** Whether `a` becomes `b` by inserting, deleting or changing one character. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  return s.length === l.length ? s.slice(i + 1) === l.slice(i + 1) : s.slice(i) === l.slice(i + 1);
}

/** An amount as printed: thousands separators every three digits. */
export const formatAmount = (n: number): string => {
  const [int, frac] = String(n).split('.');
  return int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
};

/**
 * A funding column's total that one misread digit keeps from equalling its parts' sum
 * (`1635,000` printed `165,000` over parts of 165,000, 0, 0, 0): a total read with low
 * confidence, one character away from the sum of parts all read with confidence (or coming to
 * what the other period's figures, read apart, come to), is the sum.
 * Only the total is changed, and only when every part is a readable amount: a form whose printed figures do not add up is left as
 * printed (funding-sum-mismatch says so) unless the reading itself was unsure.
 */
export function fixTotalBySum(column: FundingColumn<ReadAmount>, minConfidence: number, other?: FundingColumn<ReadAmount>): TextFix | null {
  const { total, parts } = column;
  if (!total || parts.length === 0 || total.confidence >= minConfidence) return null;
  const sum = sumOf(parts);
  if (sum === null) return null;
  // the parts are firm ground when read surely, or when the other period's figures, read apart, come to the same sum
  const corroborated = other !== undefined && ((other.total && valueOf(other.total.text) === sum) || sumOf(other.parts) === sum);
  if (!corroborated && parts.some((p) => p.confidence < minConfidence)) return null;
  const read = valueOf(total.text);
  if (read === sum || sum === 0) return null;
  if (!oneEditApart(digitsOf(total.text), digitsOf(formatAmount(sum)))) return null;
  return { text: formatAmount(sum), rule: `amount-sum: one character off the sum of its parts (${formatAmount(sum)})` };
}
