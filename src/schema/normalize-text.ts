import { RADICAL_MAP } from './radical-map.ts';

/**
 * Text normalization for every string read from a page (FORM.md "The record"):
 * - radical code points (Kangxi Radicals, CJK Radicals Supplement) become the ideograph a reader
 *   of a Simplified Chinese document sees (`⽬`→`目`, `⻔`→`门`, `⼾`→`户`), per the generated
 *   table in radical-map.ts (see scripts/make-radical-map.ts for how it was made);
 * - CJK Compatibility Ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F) become their canonical (NFC)
 *   unified ideographs, character by character;
 * - nothing else changes: no whole-string NFKC, so full-width punctuation `（）：，、`, half-width
 *   `()`, full-width digits and everything else stay as printed.
 */

export interface CodePointRange {
  readonly name: string;
  readonly first: number;
  readonly last: number;
  /** Code points inside [first, last] that Unicode has not assigned (left untouched). */
  readonly unassigned: readonly number[];
}

/** The assigned extent of the two radical blocks, all of which RADICAL_MAP covers. */
export const RADICAL_RANGES: readonly CodePointRange[] = [
  { name: 'CJK Radicals Supplement', first: 0x2e80, last: 0x2ef3, unassigned: [0x2e9a] },
  { name: 'Kangxi Radicals', first: 0x2f00, last: 0x2fd5, unassigned: [] },
];

/** The CJK Compatibility Ideographs blocks (some of their code points are unassigned or unified). */
export const COMPATIBILITY_IDEOGRAPH_RANGES: readonly CodePointRange[] = [
  { name: 'CJK Compatibility Ideographs', first: 0xf900, last: 0xfaff, unassigned: [] },
  { name: 'CJK Compatibility Ideographs Supplement', first: 0x2f800, last: 0x2fa1f, unassigned: [] },
];

/** Every assigned radical code point, in order (329 of them). */
export function radicalCodePoints(): number[] {
  const out: number[] = [];
  for (const r of RADICAL_RANGES) {
    for (let cp = r.first; cp <= r.last; cp++) if (!r.unassigned.includes(cp)) out.push(cp);
  }
  return out;
}

// Whole blocks (U+2E80–U+2EFF, U+2F00–U+2FDF): unassigned code points in them match, find no
// table entry and stay as they are.
const CANDIDATE = /[\u2E80-\u2FDF\uF900-\uFAFF\u{2F800}-\u{2FA1F}]/u;
const CANDIDATES = /[\u2E80-\u2FDF\uF900-\uFAFF\u{2F800}-\u{2FA1F}]/gu;

/** The normalized form of one character (a whole code point). */
export function normalizeChar(ch: string): string {
  const mapped = RADICAL_MAP.get(ch);
  if (mapped !== undefined) return mapped;
  const cp = ch.codePointAt(0)!;
  if ((cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x2f800 && cp <= 0x2fa1f)) {
    // Canonical decomposition of a compatibility ideograph is a single unified ideograph; the
    // twelve unified ideographs inside U+FA0E–U+FA29 and unassigned code points stay unchanged.
    return ch.normalize('NFC');
  }
  return ch;
}

/** Maps radical code points and compatibility ideographs; leaves everything else as it is. */
export function normalizeText(s: string): string {
  if (!CANDIDATE.test(s)) return s;
  return s.replace(CANDIDATES, normalizeChar);
}
