import test from 'ava';
import { readAmountText, voteAmount } from '../../src/ocr/amount-vote.ts';

// the readings below are digit-only readings of amount cells of a bilevel scan in a thin face,
// at the cell's own glyph size, at 14 px and at 20 px

test('two readings that give one value agree, whatever their separators', (t) => {
  t.deepEqual(voteAmount(['1.700.000', '1,700,000']), { text: '1,700,000', by: 'readings' });
  t.deepEqual(voteAmount(['162.000', '165.000', '165.000']), { text: '165,000', by: 'readings' });
  t.deepEqual(voteAmount(['1700.000', '700.000', '1.700.000']), { text: '1700,000', by: 'readings' });
});

test('two readings that differ do not agree', (t) => {
  t.is(voteAmount(['369.500', '569.500']), null);
  t.is(voteAmount(['0', '']), null);
});

test('three readings of one length that differ whole agree digit by digit', (t) => {
  t.deepEqual(voteAmount(['369.500', '569.500', '569.300']), { text: '569500', by: 'digits' });
  t.deepEqual(voteAmount(['2,453.600', '2.455.600', '2.435.600']), { text: '2455600', by: 'digits' });
});

test('no digit vote when a place has no majority, or a reading dropped or doubled a digit', (t) => {
  t.is(voteAmount(['162.000', '165.000', '163.000']), null);
  t.is(voteAmount(['5269.500', '569.500', '369.300']), null);
  t.is(voteAmount(['569.500', 'J69.500', '369.500']), null);
});

test('an OCR reading as an amount', (t) => {
  t.is(readAmountText('1.700.000'), '1,700,000');
  t.is(readAmountText('200.000.00'), '200,000.00');
  t.is(readAmountText('J43.000'), null);
  t.is(readAmountText(''), null);
});
