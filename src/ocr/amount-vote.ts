import { amountReading, fixAmountSeparators } from './correct-text.ts';

/**
 * An amount cell is read again with digits only, at more than one glyph size. The chi_sim model
 * reads digits best small: on 800 amount cells of scans from two toolchains (200 and 300 dpi,
 * several faces), readings with the digits scaled to 14 px were right 799 times, readings at the
 * cell's own size 785. A thin face's `5` (a hairline down its left) is read `3` or `2` at 20 px
 * and more, `5` at 14. One reading alone can still drop a digit (`1700,000` read `700.000` at
 * 14 px), so a third size settles any disagreement.
 */

/** Glyph heights (px) of the digit-only readings: the first two always, the third when they disagree. */
export const AMOUNT_GLYPH_PX = { small: 14, middle: 20 } as const;

/** An OCR reading as an amount (`1.700.000` → `1,700,000`), or null when it is none. */
export function readAmountText(text: string): string | null {
  return amountReading(fixAmountSeparators(text)?.text ?? text);
}

/** The digits of an amount, separators out (`1,700,000.50` → `1700000.50`). */
const digitsOf = (amount: string) => amount.replace(/,/g, '');

export interface AmountVote {
  /** The agreed amount: the text of a reading that gives it, or the voted digits. */
  text: string;
  /** How it was agreed: two readings give it whole, or each digit has two readings for it. */
  by: 'readings' | 'digits';
}

/**
 * The amount at least two readings agree on, or null. Agreement is on the whole value first;
 * failing that, with three readings of one length, place by place (`569500` / `369500` /
 * `569300` → `569500`), so that a dropped or doubled digit is never voted in.
 */
export function voteAmount(readings: readonly string[]): AmountVote | null {
  const amounts = readings.map(readAmountText);
  const digits = amounts.map((a) => (a === null ? null : digitsOf(a)));
  for (let i = 0; i < digits.length; i++) {
    const d = digits[i];
    if (d != null && digits.some((e, j) => j !== i && e === d)) return { text: amounts[i]!, by: 'readings' };
  }
  if (digits.length !== 3 || digits.some((d) => d === null)) return null;
  const [a, b, c] = digits as [string, string, string];
  if (a.length !== b.length || a.length !== c.length) return null;
  let voted = '';
  for (let i = 0; i < a.length; i++) {
    const ch = a[i] === b[i] || a[i] === c[i] ? a[i] : b[i] === c[i] ? b[i] : null;
    // a place each reading reads otherwise has no majority: no agreement
    if (ch === null) return null;
    voted += ch;
  }
  return { text: voted, by: 'digits' };
}
