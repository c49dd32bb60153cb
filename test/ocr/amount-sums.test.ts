import test from 'ava';
import { fixTotalBySum, formatAmount } from '../../src/ocr/amount-sums.ts';

const a = (text: string, confidence = 0.95) => ({ text, confidence });
const parts = (...texts: string[]) => texts.map((t) => a(t));

test('an unsure total one character off its parts sum is the sum', (t) => {
  t.is(fixTotalBySum({ total: a('1635,000', 0.5), parts: parts('0', '165,000', '0', '0') }, 0.8)?.text, '165,000');
  t.is(fixTotalBySum({ total: a('20,000', 0.6), parts: parts('0', '200,000', '0', '0') }, 0.8)?.text, '200,000');
});

test('a sure total, a total far from the sum, and unreadable parts are left as read', (t) => {
  t.is(fixTotalBySum({ total: a('1635,000', 0.9), parts: parts('0', '165,000') }, 0.8), null);
  t.is(fixTotalBySum({ total: a('165,000', 0.5), parts: [a('0'), a('163,000', 0.6)] }, 0.8), null);
  // one digit off and unsure: taken for a misreading (and reported as a correction)
  t.is(fixTotalBySum({ total: a('1,700,000', 0.5), parts: parts('0', '1,600,000') }, 0.8)?.text, '1,600,000');
  t.is(fixTotalBySum({ total: a('2,455,600', 0.5), parts: parts('0', '1,600,000') }, 0.8), null);
  t.is(fixTotalBySum({ total: a('165,000', 0.5), parts: parts('0', '16S,000') }, 0.8), null);
  t.is(fixTotalBySum({ total: a('165,000', 0.5), parts: parts('0', '165,000') }, 0.8), null);
});

test('amounts are printed with thousands separators', (t) => {
  t.is(formatAmount(2455600), '2,455,600');
  t.is(formatAmount(0), '0');
  t.is(formatAmount(1234.5), '1,234.5');
});

test('unsure parts are firm ground when the other period comes to the same sum', (t) => {
  const column = { total: a('435,000', 0.5), parts: [a('0'), a('45,000', 0.6)] };
  t.is(fixTotalBySum(column, 0.8), null);
  t.is(fixTotalBySum(column, 0.8, { total: a('435,000', 0.5), parts: [a('0'), a('45,000', 0.7)] })?.text, '45,000');
  t.is(fixTotalBySum(column, 0.8, { total: a('45,000', 0.9), parts: [a('0'), a('4,500', 0.7)] })?.text, '45,000');
  t.is(fixTotalBySum(column, 0.8, { total: a('435,000', 0.5), parts: [a('0'), a('435,000', 0.7)] }), null);
});
