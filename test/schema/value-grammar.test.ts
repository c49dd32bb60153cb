import test from 'ava';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ParsedValueSchema, type ParsedValue } from '../../src/schema/record.ts';
import { looksLikeUnit, parseIndicatorValue } from '../../src/schema/value-grammar.ts';

const q = (op: ParsedValue['op'], number: number, unit: string | null): ParsedValue => ({ op, number, unit, text: null });
const t_ = (op: ParsedValue['op'], text: string): ParsedValue => ({ op, number: null, unit: null, text });

/** value → expected parse; the first block is every example of the brief and FORM.md. */
const EXPECTED: Array<[string, ParsedValue]> = [
  // FORM.md / brief examples
  ['≥9个', q('≥', 9, '个')],
  ['3人', q('=', 3, '人')],
  ['≤5.5万元/人', q('≤', 5.5, '万元/人')],
  ['≥1次/月', q('≥', 1, '次/月')],
  ['100%', q('=', 100, '%')],
  ['符合符合政府购买服务标准', t_('符合', '符合政府购买服务标准')],
  ['完成', t_(null, '完成')],
  ['按需支出', t_(null, '按需支出')],
  ['年内完成', t_(null, '年内完成')],
  ['12个月内完成', t_(null, '12个月内完成')],
  ['90%-95%', t_(null, '90%-95%')],
  ['', t_(null, '')],
  // truth-2024.json values
  ['≥80%', q('≥', 80, '%')],
  ['≥200天', q('≥', 200, '天')],
  ['≥4场', q('≥', 4, '场')],
  ['≥9份', q('≥', 9, '份')],
  ['≥600人次', q('≥', 600, '人次')],
  ['≥52周', q('≥', 52, '周')],
  ['≥60台', q('≥', 60, '台')],
  ['≥3人', q('≥', 3, '人')],
  ['符合符合市场价格', t_('符合', '符合市场价格')],
  ['符合支出标准', t_('符合', '支出标准')],
  ['符合不高于市场价格', t_('符合', '不高于市场价格')],
  ['保障能够保障全年网络正常需要', t_('保障', '能够保障全年网络正常需要')],
  ['满足满足需要', t_('满足', '满足需要')],
  ['完成年内完成', t_('完成', '年内完成')],
  ['能够保障全年网络正常需要', t_(null, '能够保障全年网络正常需要')],
  ['能够满足日常办公需要', t_(null, '能够满足日常办公需要')],
  ['显著提升', t_(null, '显著提升')],
  ['提升', t_(null, '提升')],
  ['按需维修', t_(null, '按需维修')],
  ['不高于市场价格', t_(null, '不高于市场价格')],
  ['按照全年计划，按时组织', t_(null, '按照全年计划，按时组织')],
  // comparators, in every printed spelling
  ['＞5个', q('>', 5, '个')],
  ['＜5个', q('<', 5, '个')],
  ['＝5个', q('=', 5, '个')],
  ['=5个', q('=', 5, '个')],
  ['>5个', q('>', 5, '个')],
  ['<5个', q('<', 5, '个')],
  ['≧95%', q('≥', 95, '%')],
  ['≦3天', q('≤', 3, '天')],
  ['>=95%', q('≥', 95, '%')],
  ['<=3天', q('≤', 3, '天')],
  // numbers
  ['≥1,000人次', q('≥', 1000, '人次')],
  ['1,700,000元', q('=', 1700000, '元')],
  ['12,345.67万元', q('=', 12345.67, '万元')],
  ['0.5', q('=', 0.5, null)],
  ['3', q('=', 3, null)],
  ['≥ 9 个', q('≥', 9, '个')],
  ['１００％', q('=', 100, '%')],
  ['≥12个月', q('≥', 12, '个月')],
  ['≤2万元 / 人', q('≤', 2, '万元/人')],
  ['≥10个工作日', q('≥', 10, '个工作日')],
  ['≥95分', q('≥', 95, '分')],
  ['≤30km', q('≤', 30, 'km')],
  // qualifiers followed by a number are still qualitative (the qualifier rule)
  ['达到100%', t_('达到', '100%')],
  ['达到预期目标', t_('达到', '预期目标')],
  ['保障', t_(null, '保障')],
  // numbers followed by something that is not a unit
  ['90%以上', t_(null, '90%以上')],
  ['3个及以上', t_(null, '3个及以上')],
  ['2024年底前完成', t_(null, '2024年底前完成')],
  ['90-95%', t_(null, '90-95%')],
  ['3~5个', t_(null, '3~5个')],
  ['1,5个', t_(null, '1,5个')],
  ['≥良好', t_(null, '≥良好')],
  ['不低于90%', t_(null, '不低于90%')],
  ['≥5个（含）', t_(null, '≥5个（含）')],
  ['  ≥9个  ', q('≥', 9, '个')],
  ['   ', t_(null, '')],
];

for (const [value, expected] of EXPECTED) {
  test(`parse ${JSON.stringify(value)}`, (t) => {
    const parsed = parseIndicatorValue(value);
    t.deepEqual(parsed, expected);
    t.true(ParsedValueSchema.safeParse(parsed).success);
  });
}

test('looksLikeUnit: short unit words, not phrases', (t) => {
  for (const u of ['个', '%', '万元/人', '次/月', '人次', '个月', '元/人·天', 'm²']) t.true(looksLikeUnit(u), u);
  for (const u of ['个月内完成', '个以上', '%以上', '天内', '-95%', '个/月/人', '（含）', '次 每月', '五个工作日内']) {
    t.false(looksLikeUnit(u), u);
  }
});

/** Every indicator value of the reference truth: parses, validates, and is classified sanely. */
interface TruthRecord {
  indicators: Array<{ value: string }>;
}
const truthPath = fileURLToPath(new URL('../../samples/truth-2024.json', import.meta.url));

test('every indicator value of truth-2024.json parses into a sane ParsedValue', (t) => {
  if (!existsSync(truthPath)) return t.fail(`reference truth not found at ${truthPath}`);
  const records = JSON.parse(readFileSync(truthPath, 'utf8')) as TruthRecord[];
  const values = [...new Set(records.flatMap((r) => r.indicators.map((i) => i.value)))];
  t.true(values.length >= 40);
  const explicit = new Map(EXPECTED);
  let quantitative = 0;
  for (const value of values) {
    const parsed = parseIndicatorValue(value);
    t.true(ParsedValueSchema.safeParse(parsed).success, value);
    const startsWithNumber = /^(?:[≥≤><=＞＜＝≧≦]|>=|<=)?\d/.test(value);
    if (parsed.number !== null) {
      quantitative++;
      t.true(startsWithNumber, `${value}: quantitative only when a number leads`);
      t.is(parsed.text, null, value);
      t.true(['≥', '≤', '>', '<', '='].includes(parsed.op ?? ''), value);
      // The parse reproduces the printed value (comparator, number, unit).
      const printedOp = parsed.op === '=' && !value.startsWith('=') ? '' : parsed.op;
      t.is(`${printedOp}${parsed.number}${parsed.unit ?? ''}`, value);
    } else {
      t.is(parsed.unit, null, value);
      t.truthy(parsed.text, value);
      if (parsed.op === null) t.is(parsed.text, value);
      else t.is(`${parsed.op}${parsed.text}`, value);
      t.false(startsWithNumber, `${value}: leads with a number yet not quantitative`);
    }
    const e = explicit.get(value);
    if (e) t.deepEqual(parsed, e, value);
  }
  t.true(quantitative >= 20);
  // At least 15 distinct truth values carry an explicit expectation above.
  t.true(values.filter((v) => explicit.has(v)).length >= 15);
});
