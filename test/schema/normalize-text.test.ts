import test from 'ava';
import {
  COMPATIBILITY_IDEOGRAPH_RANGES,
  RADICAL_RANGES,
  normalizeChar,
  normalizeText,
  radicalCodePoints,
} from '../../src/schema/normalize-text.ts';
import { RADICAL_MAP } from '../../src/schema/radical-map.ts';

const hex = (cp: number): string => 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');

/** URO, Ext A, Ext B: where every radical must land. */
function isUnifiedIdeograph(s: string): boolean {
  const cps = [...s].map((c) => c.codePointAt(0)!);
  if (cps.length !== 1) return false;
  const cp = cps[0]!;
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x2a6df)
  );
}

test('the radical ranges are the assigned extent of both blocks: 115 + 214 code points', (t) => {
  const cps = radicalCodePoints();
  t.is(cps.length, 329);
  t.false(cps.includes(0x2e9a));
  t.is(cps.filter((cp) => cp >= 0x2e80 && cp <= 0x2eff).length, 115);
  t.is(cps.filter((cp) => cp >= 0x2f00 && cp <= 0x2fdf).length, 214);
  t.deepEqual(
    RADICAL_RANGES.map((r) => [r.first, r.last]),
    [
      [0x2e80, 0x2ef3],
      [0x2f00, 0x2fd5],
    ],
  );
  t.is(RADICAL_MAP.size, 329, 'the table has exactly one entry per assigned radical');
});

test('every assigned radical maps to one CJK Unified Ideograph (URO, Ext A or Ext B)', (t) => {
  const bad: string[] = [];
  for (const r of RADICAL_RANGES) {
    for (let cp = r.first; cp <= r.last; cp++) {
      if (r.unassigned.includes(cp)) continue;
      const ch = String.fromCodePoint(cp);
      const out = normalizeText(ch);
      if (!isUnifiedIdeograph(out)) bad.push(`${hex(cp)} ${ch} -> ${out}`);
      if (RADICAL_MAP.get(ch) !== out) bad.push(`${hex(cp)} not from RADICAL_MAP`);
    }
  }
  t.deepEqual(bad, []);
});

test('unassigned code points of the radical blocks stay as they are', (t) => {
  for (const cp of [0x2e9a, 0x2ef4, 0x2eff, 0x2fd6, 0x2fdf]) {
    const ch = String.fromCodePoint(cp);
    t.is(normalizeText(ch), ch, hex(cp));
  }
});

test('Kangxi radicals agree with NFKC except where a Simplified Chinese reader sees another form', (t) => {
  const differ: string[] = [];
  for (let cp = 0x2f00; cp <= 0x2fd5; cp++) {
    const ch = String.fromCodePoint(cp);
    if (normalizeText(ch) !== ch.normalize('NFKC')) differ.push(`${ch}${normalizeText(ch)}`);
  }
  // Noto Sans SC draws ⼾ with the glyph of 户 (U+6237), not 戶 (U+6236, NFKC/EUI).
  t.deepEqual(differ, ['⼾户']);
});

test('spot checks: what a Simplified Chinese reader sees', (t) => {
  const cases: Array<[string, string]> = [
    ['⼾', '户'], // NOT 戶: the SC font draws ⼾ with 户's glyph
    ['⻔', '门'],
    ['⻓', '长'],
    ['⻋', '车'],
    ['⺠', '民'],
    ['⽬', '目'],
    ['⼀', '一'],
    ['⾦', '金'],
    ['⻝', '食'], // C-SIMPLIFIED EAT is drawn with 食's glyph (the standalone 食 is the same in SC)
    ['⻠', '饣'], // the left-side component of simplified characters
    ['⻅', '见'],
    ['⻉', '贝'],
    ['⻢', '马'],
    ['⻳', '龟'],
    ['⼈', '人'],
    ['⼯', '工'],
    ['⺟', '母'],
    ['⻖', '阝'],
    ['⻏', '阝'], // override: drawn as 阝, EUI says 邑
    ['⺼', '月'], // override: drawn as 月, EUI says 肉
    ['⺫', '罒'], // override: drawn as 罒 (same glyph as ⺲), EUI says 目
    ['⺀', '冫'], // override: no EUI entry; closest shape
    ['⺕', '彐'], // EUI's 𫜹 is Ext C; the SC font draws ⺕ with 彐's glyph
    ['⾨', '門'], // the Kangxi radical itself is the traditional form; the SC font draws 門
    ['⾧', '長'],
    ['⻑', '長'],
  ];
  for (const [radical, ideograph] of cases) t.is(normalizeText(radical), ideograph, radical);
});

test('radicals inside running text', (t) => {
  t.is(normalizeText('项⽬⽀出绩效⽬标申报表'), '项目支出绩效目标申报表');
  t.is(normalizeText('⼀级指标'), '一级指标');
  t.is(normalizeText('部⻔'), '部门');
  t.is(normalizeText('⻓期开展'), '长期开展');
  t.is(normalizeText('⼾籍⼈⼝'), '户籍人口');
  t.is(normalizeText('公务⽤⻋'), '公务用车');
  t.is(normalizeText('⼈⺠群众'), '人民群众');
});

test('compatibility ideographs become their canonical ideographs, one by one', (t) => {
  t.is(normalizeText('\uF900'), '\u8C48'); // 豈
  t.is(normalizeText('\uF91D'), '\u6B04'); // 欄
  t.is(normalizeText('\uFA10'), '\u585A'); // 塚
  t.is(normalizeText('\u{2F800}'), '\u4E3D'); // 丽
  t.is(normalizeText('\u{2FA1D}'), '\u{2A600}');
  t.is(normalizeText('金\uF90A额'), '金金额'); // U+F90A → 金
  // Unified ideographs inside the compatibility block, and unassigned code points, stay.
  const unifiedOrUnassigned = [
    ...'\uFA0E\uFA0F\uFA11\uFA13\uFA14\uFA1F\uFA21\uFA23\uFA24\uFA27\uFA28\uFA29',
    '\uFADA',
    '\uFAFF',
  ];
  for (const ch of unifiedOrUnassigned) {
    t.is(normalizeText(ch), ch, hex(ch.codePointAt(0)!));
  }
});

test('every assigned compatibility ideograph ends up a unified ideograph (URO, Ext A, Ext B)', (t) => {
  const bad: string[] = [];
  for (const r of COMPATIBILITY_IDEOGRAPH_RANGES) {
    for (let cp = r.first; cp <= r.last; cp++) {
      const ch = String.fromCodePoint(cp);
      const out = normalizeChar(ch);
      if (out === ch) continue; // unified already (FA0E…) or unassigned
      if (!isUnifiedIdeograph(out)) bad.push(`${hex(cp)} -> ${out}`);
    }
  }
  t.deepEqual(bad, []);
});

test('punctuation, digits, Latin and ordinary ideographs are untouched (no NFKC)', (t) => {
  for (const s of [
    '会议(培训)费',
    '（元）',
    '：',
    '项目资金（元）',
    '其中：中央财政资金',
    '实施期资金总额:',
    '市县（区）财政资金',
    '１,７００,０００', // full-width digits stay (NFKC would change them)
    '≥9个',
    '≤5.5万元/人',
    '１００％',
    '，、；。“”‘’【】《》',
    'ＡＢＣ abc',
    '㎡ ℃ ① ⅰ',
    '戶籍 長期 門診', // traditional unified ideographs are printed text: kept
    '',
  ]) {
    t.is(normalizeText(s), s, s);
  }
});

test('normalization is idempotent', (t) => {
  const all = radicalCodePoints().map((cp) => String.fromCodePoint(cp)).join('') + '\uF900\u{2F800}（元）';
  const once = normalizeText(all);
  t.is(normalizeText(once), once);
});
