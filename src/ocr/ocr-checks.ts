import type { FormDraft } from '../form/draft.ts';
import type { RecordWarning } from '../schema/record.ts';
import { editDistance } from '../edit-distance.ts';
import { PROVINCE_SUFFIX, PROVINCES, provincesOneOff } from './provinces.ts';

/**
 * Checks of OCR readings that need no confidence: what a form's text cannot hold, and two
 * readings of one printed text that disagree. Each becomes an `ocr-suspect` warning, so that a
 * misreading the model was sure of is still put before a reviewer.
 */

/** ASCII marks a Chinese form's text does not print but OCR makes of specks and strokes. */
const NOISE_MARKS = /[?!`'"|_~^\\{}[\]@#$&*]/;
const HAN = '\\p{Script=Han}';
/** A hyphen or slash between ideographs, or ending the text after one: a stroke read as a mark. */
const STRAY_MARK = new RegExp(`${HAN}(?=[-:/]*[-:])[-:/]+(?:${HAN}|$)`, 'u');

const OPEN = '(（〈《[［【';
const CLOSE = ')）〉》]］】';

/** Whether the brackets of a text pair up (any shape with any shape: width and shape are OCR's guess). */
export function bracketsBalanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c) && --depth < 0) return false;
  }
  return depth === 0;
}

/** Why a reading of a Chinese text looks misread, or null when nothing does. */
export function suspectReading(text: string): string | null {
  if (!/\p{Script=Han}/u.test(text)) return null;
  const noise = NOISE_MARKS.exec(text);
  if (noise) return `it holds "${noise[0]}", which the form does not print but OCR makes of specks`;
  const stray = STRAY_MARK.exec(text);
  if (stray) return `"${stray[0]}" looks like a stroke read as a mark`;
  if (!bracketsBalanced(text)) return 'its brackets do not pair up';
  return null;
}

/** A department's name beginning with no province but one ideograph off one (`出西省…`), or null. */
export function misreadProvince(name: string): { read: string; near: string[] } | null {
  const chars = [...name.replace(/\s+/g, '')];
  for (const n of [2, 3]) {
    if (chars[n] !== PROVINCE_SUFFIX) continue;
    if (PROVINCES.includes(chars.slice(0, n).join(''))) return null;
    const near = provincesOneOff(chars.slice(0, n));
    if (near.length > 0) return { read: chars.slice(0, n + 1).join(''), near: near.map((p) => p + PROVINCE_SUFFIX) };
  }
  return null;
}

/** Full-width ASCII-range characters as their half-width forms (a scan cannot tell （ from ( reliably). */
export const foldWidth = (s: string): string => s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
const squash = (s: string) => foldWidth(s.replace(/\s+/g, ''));

/**
 * Two texts that are one printed text read twice (the same goal or indicator in both periods)
 * but differ in a few characters: one of them is misread. A text that is a prefix of the other
 * is a clipped print (truncated-text says so), and texts far apart are simply different.
 */
export function nearMiss(a: string, b: string): boolean {
  const [x, y] = [squash(a), squash(b)];
  if (x === y || x.length === 0 || y.length === 0 || x.startsWith(y) || y.startsWith(x)) return false;
  const n = Math.max([...x].length, [...y].length);
  // a short name: a character or two; a long text: a few in a hundred (more is a rewording)
  return editDistance(x, y) <= (n <= 20 ? Math.ceil(0.15 * n) : Math.max(2, Math.ceil(0.03 * n)));
}

/** Texts longer than this are not quoted in a message. */
const MAX_QUOTED = 30;
/** Shorter indicator names are too often different words one character apart. */
const MIN_PAIRED_NAME = 4;

const isOcr = (draft: FormDraft, field: string) => draft.provenance[field]?.method === 'ocr';

/** The ocr-suspect warnings of one form's fields read by OCR. */
export function suspectWarnings(draft: FormDraft): RecordWarning[] {
  const out: RecordWarning[] = [];
  const texts: Array<[string, unknown]> = [
    ['projectName', draft.projectName],
    ['department.name', draft.department?.name],
    ['implementingUnit', draft.implementingUnit],
    ['attribute', draft.attribute],
    ['period', draft.period],
    ...(['overview', 'basis', 'necessity', 'safeguards', 'plan'] as const).map((k): [string, unknown] => [k, draft[k]]),
    ['goals.implementation', draft.goals?.implementation],
    ['goals.annual', draft.goals?.annual],
    ...draft.indicators.flatMap((ind, i) => (['level1', 'level2', 'name', 'value'] as const).map((k): [string, unknown] => [`indicators[${i}].${k}`, ind[k]])),
  ];
  for (const [field, value] of texts) {
    if (typeof value !== 'string' || !isOcr(draft, field)) continue;
    const why = suspectReading(value);
    if (why) out.push({ code: 'ocr-suspect', field, message: `The OCR reading looks wrong: ${why}; check it against the page.`, raw: value });
  }
  const department = draft.department?.name;
  const province = typeof department === 'string' && isOcr(draft, 'department.name') ? misreadProvince(department) : null;
  if (province) out.push({ code: 'ocr-suspect', field: 'department.name', message: `The name begins with "${province.read}", which is no province (${province.near.join(' or ')}?); check it against the page.`, raw: department! });
  const pair = (fa: string, a: unknown, fb: string, b: unknown) => {
    if (typeof a !== 'string' || typeof b !== 'string' || !(isOcr(draft, fa) || isOcr(draft, fb)) || !nearMiss(a, b)) return;
    for (const [field, other] of [[fa, b], [fb, a]] as const) {
      const short = Math.max([...a].length, [...b].length) <= MAX_QUOTED;
      const read = short ? `Read "${field === fa ? a : b}" here and "${other}" in the other period` : `This text and its other period's (${fb === field ? fa : fb}) differ in a few characters`;
      out.push({ code: 'ocr-suspect', field, message: `${read}: one of them is likely misread; check both against the page.` });
    }
  };
  pair('goals.implementation', draft.goals?.implementation, 'goals.annual', draft.goals?.annual);
  // the same indicator in both periods: the rows with the same level 2 at the same place in it
  const byPeriod = (p: string) => draft.indicators.map((ind, i) => ({ ind, i })).filter(({ ind }) => ind.period === p);
  const impl = byPeriod('implementation');
  const annual = byPeriod('annual');
  for (const a of impl) {
    const rank = impl.filter((x) => x.ind.level2 === a.ind.level2 && x.i < a.i).length;
    const b = annual.filter((x) => x.ind.level2 === a.ind.level2)[rank];
    if (!b) continue;
    // names only: the two periods' values differ by design (≥9个 against ≥36个)
    if ([...a.ind.name].length >= MIN_PAIRED_NAME) pair(`indicators[${a.i}].name`, a.ind.name, `indicators[${b.i}].name`, b.ind.name);
  }
  return out;
}
