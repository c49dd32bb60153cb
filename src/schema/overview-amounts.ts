import type { DeclarationRecord, RecordWarning } from './record.ts';

/**
 * The check "amounts named in 项目概况 do not match the totals". It belongs with the other record
 * checks (src/schema/checks.ts); it lives here until it is moved there.
 */

export const OVERVIEW_AMOUNT_CODE = 'overview-amount-mismatch';

export interface OverviewAmount {
  /** As printed, e.g. `30万元`. */
  text: string;
  /** In yuan. */
  yuan: number;
  /** Inside brackets: a breakdown of the amount before it (`14.2万元（专用宽带13万元、…）`). */
  nested: boolean;
  /** 0 at the top level; the same number for the amounts of one bracket. */
  group: number;
}

const UNIT_YUAN: Record<string, number> = { 亿元: 1e8, 万元: 1e4, 千元: 1e3, 元: 1 };
const AMOUNT = /(\d+(?:,\d{3})*(?:\.\d+)?)\s*(亿元|万元|千元|元)/g;
const OPEN = new Set(['(', '（', '[', '【']);
const CLOSE = new Set([')', '）', ']', '】']);

/** Full-width digits and point as ASCII, one character for one, so offsets stay those of the text. */
const halfWidth = (s: string) => s.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));

/**
 * The money amounts a text names, in order. Rates (`5.5万元/年`, `…元/人`) are left out: they are
 * not parts of a total.
 */
export function overviewAmounts(text: string): OverviewAmount[] {
  const t = halfWidth(text);
  const out: OverviewAmount[] = [];
  let depth = 0;
  let bracket = 0;
  let scanned = 0;
  for (const m of t.matchAll(AMOUNT)) {
    for (; scanned < m.index; scanned++) {
      if (OPEN.has(t[scanned]!)) {
        if (depth === 0) bracket++;
        depth++;
      }
      else if (CLOSE.has(t[scanned]!)) depth = Math.max(0, depth - 1);
    }
    const after = t.slice(m.index + m[0].length, m.index + m[0].length + 1);
    if (after === '/' || after === '／') continue;
    const yuan = Math.round(Number(m[1]!.replace(/,/g, '')) * UNIT_YUAN[m[2]!]! * 100) / 100;
    out.push({ text: text.slice(m.index, m.index + m[0].length), yuan, nested: depth > 0, group: depth > 0 ? bracket : 0 });
  }
  return out;
}

const close = (a: number, b: number) => Math.abs(a - b) < 0.5;

/** Sum of every run of consecutive amounts: is one of them `total`? */
function someRunIs(amounts: readonly OverviewAmount[], total: number): boolean {
  for (let i = 0; i < amounts.length; i++) {
    let s = 0;
    for (let j = i; j < amounts.length; j++) {
      s += amounts[j]!.yuan;
      if (close(s, total)) return true;
    }
  }
  return false;
}

/**
 * Do the amounts account for `total`? Yes when one of them is the total, or a run of consecutive
 * top-level amounts (not in brackets) adds up to it: all of them, or a headline figure's parts
 * (`每年270万元。一是…240万元…二是…30万元`). A bracket's amounts break down the one before it, so
 * they only count among themselves.
 */
export function amountsExplain(amounts: readonly OverviewAmount[], total: number): boolean {
  if (amounts.some((a) => close(a.yuan, total))) return true;
  if (someRunIs(amounts.filter((a) => a.group === 0), total)) return true;
  const groups = new Set(amounts.map((a) => a.group).filter((g) => g > 0));
  return [...groups].some((g) => someRunIs(amounts.filter((a) => a.group === g), total));
}

const yuan = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/**
 * A warning when 项目概况 names amounts and none of the ways they can add up gives the
 * implementation-period or the annual total. Nothing when it names none, or there is no total.
 */
export function overviewAmountWarnings(record: Pick<DeclarationRecord, 'overview' | 'funding'>): RecordWarning[] {
  if (!record.overview) return [];
  const amounts = overviewAmounts(record.overview);
  const totals = [record.funding.implementation.total, record.funding.annual.total].filter((t): t is number => t !== null);
  if (amounts.length === 0 || totals.length === 0) return [];
  if (totals.some((t) => amountsExplain(amounts, t))) return [];
  const all = amounts.reduce((s, a) => s + a.yuan, 0);
  const { implementation, annual } = record.funding;
  const totalsText = [
    implementation.total !== null ? `the implementation total ${yuan(implementation.total)}` : null,
    annual.total !== null ? `the annual total ${yuan(annual.total)}` : null,
  ].filter(Boolean).join(' or ');
  return [{
    code: OVERVIEW_AMOUNT_CODE,
    field: 'overview',
    message:
      `The amounts the overview names (${amounts.map((a) => a.text).join('、')}) do not account for the totals: ` +
      `no single amount, their sum (${yuan(all)} yuan) nor a run of consecutive amounts equals ${totalsText} yuan.`,
    raw: amounts.map((a) => a.text).join('、'),
  }];
}
