import test from 'ava';
import { amountReading, fixAmountSeparators, fixConfusables, fixDotAsFullStop, fixStrayCloser, fixQuotePairs, fixDocumentSerial, fixDocumentYear, fixKnownMisreads, fixPercentEcho, fixValueGrammar, snapToClosedSet } from '../../src/ocr/correct-text.ts';

test('bracket confusables become the round brackets the form prints', (t) => {
  t.is(fixConfusables('经常性项目〈长期开展)')?.text, '经常性项目（长期开展)');
  t.is(fixConfusables('经常性项目《长期开展)')?.text, '经常性项目(长期开展)');
  t.is(fixConfusables('经常性项目《长期开展）')?.text, '经常性项目（长期开展）');
  t.is(fixConfusables('依据《防范和处置非法集资条例》第七条'), null, 'a real book-title bracket stays');
  t.is(fixConfusables('经常性项目（长期开展）'), null);
  // a thin bracket read as ! on a 1-bit scan: closed by a round bracket, it opened one
  t.is(fixConfusables('资产配置标准!晋财资【2014】38号)')?.text, '资产配置标准(晋财资【2014】38号)');
  t.is(fixConfusables('会议!培训)时间')?.text, '会议(培训)时间');
  t.is(fixConfusables('注意!按时完成'), null, 'an exclamation with no bracket closed after it stays');
  t.is(fixConfusables('完成!(含市县)'), null, 'nor one before an opening bracket');
});

test('a label or level name one character off the closed set is snapped to it', (t) => {
  t.deepEqual(snapToClosedSet('数是指标'), { text: '数量指标', rule: 'closed-set' });
  t.is(snapToClosedSet('产出指标'), null, 'exact: nothing to do');
  t.is(snapToClosedSet('其中：中央财攻资金')?.text, '其中：中央财政资金', 'punctuation kept in place');
  t.is(snapToClosedSet('服务对象满意度指示')?.text, '服务对象满意度指标');
});

test('clipped labels, short readings and free text are left alone', (t) => {
  t.is(snapToClosedSet('服务对象满意度'), null, 'a strict prefix is a clipped label, printed so');
  t.is(snapToClosedSet('课题研究'), null);
  t.is(snapToClosedSet('效益'), null);
  t.is(snapToClosedSet('以政府购买服务方式对本部门公益二类事业单位购买服务支出。'), null);
});

test('two equally near words: no guess', (t) => {
  t.is(snapToClosedSet('X量指标', ['数量指标', '质量指标']), null);
});

test('comparator and percent misreads follow the value grammar', (t) => {
  t.deepEqual(fixValueGrammar('之80%'), { text: '≥80%', rule: 'comparator' });
  t.is(fixValueGrammar('过9个')?.text, '≥9个');
  t.deepEqual(fixValueGrammar('三9.19吨'), { text: '=9.19吨', rule: 'comparator' });
  t.is(fixValueGrammar('二100%')?.text, '=100%');
  t.is(fixValueGrammar('二0二四年度完成'), null, 'a year in Han numerals read with a 0');
  t.is(fixValueGrammar('三5个部门联合检查'), null, 'more than a unit follows');
  t.deepEqual(fixValueGrammar('≥8096'), { text: '≥80%', rule: 'percent' });
  t.is(fixValueGrammar('之10096')?.text, '≥100%');
  t.is(fixValueGrammar('≥9个'), null);
  t.is(fixValueGrammar('过程管理规范'), null, 'a word, not a comparator');
  t.is(fixValueGrammar('≥50096'), null, 'over 100: not a percentage');
  t.is(fixValueGrammar('1996'), null, 'no comparator: a number as printed');
  t.is(fixValueGrammar('10090')?.text, '100%', 'a bare 100 and two digits: no count is printed so');
  t.is(fixValueGrammar('10096')?.text, '100%');
  t.is(fixValueGrammar('≥8090')?.text, '≥80%');
  for (const kept of ['1009', '1000', '10090人', '9096', '100']) t.is(fixValueGrammar(kept), null, kept);
});

test('a 1 read as a bar or bracket between a comparator and the unit is a 1', (t) => {
  t.deepEqual(fixValueGrammar('≥]次/月'), { text: '≥1次/月', rule: 'one' });
  t.is(fixValueGrammar('≤|个')?.text, '≤1个');
  t.is(fixValueGrammar(']次/月'), null, 'no comparator: nothing to go by');
  t.is(fixValueGrammar('≥]2个'), null, 'a digit follows: not a lone 1');
});

test('an amount reading is digits and separators only', (t) => {
  t.is(amountReading('1,700,000'), '1,700,000');
  t.is(amountReading(' 569 500 '), '569500');
  t.is(amountReading('0'), '0');
  t.is(amountReading(''), null);
  t.is(amountReading('1,7OO'), null);
});

test('a stray 9 before % that would take a percentage past 100 is the sign misread', (t) => {
  t.is(fixValueGrammar('≥909%')?.text, '≥90%');
  t.is(fixValueGrammar('≥1009%')?.text, '≥100%');
  t.is(fixValueGrammar('≥99%'), null);
  t.is(fixValueGrammar('≥19%'), null);
});

test('a % read as 9, or with a 9 after it, is put back', (t) => {
  t.is(fixValueGrammar('≥809')?.text, '≥80%');
  t.is(fixValueGrammar('≥959')?.text, '≥95%');
  t.is(fixValueGrammar('≥90%9')?.text, '≥90%');
  t.is(fixValueGrammar('≥59'), null, '59 is a number');
});

test('a percent sign read with its rings echoed, or as other marks, is put back', (t) => {
  // readings of a round-ringed % (DejaVu-like fonts) by chi_sim
  const cases: Array<[string, string]> = [
    ['≥90%6', '≥90%'],
    ['≥909%6', '≥90%'],
    ['≥900%5', '≥90%'],
    ['≥0.5%0', '≥0.5%'],
    ['≥98.50p', '≥98.5%'],
    ['≥99.99o', '≥99.9%'],
    ['≥1009o', '≥100%'],
    ['≥100?%o', '≥100%'],
    ['≥90"o', '≥90%'],
    ['≥8094', '≥80%'],
    ['90%4以上', '90%以上'],
    ['909%9以上', '90%以上'],
    ['90%p', '90%'],
  ];
  for (const [read, meant] of cases) t.is(fixValueGrammar(read)?.text, meant, read);
  for (const kept of ['≥59%', '≥90%', '≥4.589份', '≥93,579天', '=9.19吨', '609日', '≥1000', '≥12人次', '90%以上']) t.is(fixValueGrammar(kept), null, kept);
});

test('thousands separators read as points are separators', (t) => {
  t.is(fixAmountSeparators('1.700,000')?.text, '1,700,000');
  t.is(fixAmountSeparators('2455.600')?.text, '2455,600');
  t.is(fixAmountSeparators('0。')?.text, '0');
  t.is(fixAmountSeparators('1,700,000'), null);
  t.is(fixAmountSeparators('5.5'), null, 'a decimal stays');
  t.is(fixAmountSeparators('200.000.00')?.text, '200,000.00', 'groups of three, then the fen');
  t.is(fixAmountSeparators('1,700,000,00')?.text, '1,700,000.00');
  t.is(fixAmountSeparators('200,000.00'), null);
  t.is(fixAmountSeparators('20.00.00'), null, 'no groups of three: not an amount to guess at');
  t.is(fixAmountSeparators('12.50'), null);
});

test('a separator read twice is one', (t) => {
  t.is(fixAmountSeparators('1,.700,000')?.text, '1,700,000');
  t.is(fixAmountSeparators('1,700,.000')?.text, '1,700,000');
});

test('non-words the model makes of look-alike characters are the words', (t) => {
  t.deepEqual(fixKnownMisreads('聘请三名劳务派遗人员'), { text: '聘请三名劳务派遣人员', rule: 'known-misread' });
  t.is(fixKnownMisreads('聘用人员履盖处室量')?.text, '聘用人员覆盖处室量');
  t.is(fixKnownMisreads('聘用人员帮盖处室量')?.text, '聘用人员覆盖处室量');
  t.is(fixKnownMisreads('能够满足目常办公需要，评价获盖率')?.text, '能够满足日常办公需要，评价覆盖率');
  t.is(fixKnownMisreads('遗留问题，覆盖全省'), null);
  t.is(fixKnownMisreads('项目涉及ISO09001质量管理体系认证')?.text, '项目涉及ISO9001质量管理体系认证');
  t.is(fixKnownMisreads('ISO9001、ISO14001'), null);
  t.is(fixKnownMisreads('通过IS09001认证')?.text, '通过ISO9001认证');
  t.is(fixKnownMisreads('实现0A系统全覆盖')?.text, '实现OA系统全覆盖');
  t.is(fixKnownMisreads('采用0CR')?.text, '采用OCR');
  t.is(fixKnownMisreads('额定电流10A以上'), null, 'a number with its unit');
  t.is(fixKnownMisreads('型号0A1'), null, 'capitals then a digit: a model number');
  t.is(fixKnownMisreads('省级1Pv6规模部署专项')?.text, '省级IPv6规模部署专项');
  t.is(fixKnownMisreads('全省CP1价格调查')?.text, '全省CPI价格调查');
  for (const kept of ['通过ISO14001认证', 'A1纸张', '第1Pa', '5G基站1个', 'PM2.5']) t.is(fixKnownMisreads(kept), null, kept);
});

test('a percent sign read as 多 right after a percentage ends the value; 多 before a unit is "more than"', (t) => {
  t.deepEqual(fixValueGrammar('≥95多'), { text: '≥95%', rule: 'percent' });
  t.is(fixValueGrammar('≥99.9多')?.text, '≥99.9%');
  t.is(fixValueGrammar('=98.5为')?.text, '=98.5%');
  t.is(fixValueGrammar('100多人'), null);
  t.is(fixValueGrammar('≥300多'), null, 'over 100: not a percentage');
  t.deepEqual(fixValueGrammar('=98,5多'), { text: '=98.5%', rule: 'separator+percent' });
});

test('a value\'s decimal point read as a comma is put right; a 7 read 了 too', (t) => {
  t.deepEqual(fixValueGrammar('≥98,5%'), { text: '≥98.5%', rule: 'separator' });
  t.is(fixValueGrammar('≥46,214人次'), null);
  t.is(fixValueGrammar('≥1,500个'), null);
  t.is(fixValueGrammar('2,3号文件已下发执行到位'), null, 'a text, not a value');
  t.is(fixValueGrammar('1,70,000'), null, 'an amount (its digits are voted on)');
  t.deepEqual(fixValueGrammar('>了'), { text: '>7', rule: 'seven' });
  t.is(fixValueGrammar('≥了天')?.text, '≥7天');
  t.is(fixValueGrammar('完成了'), null);
});

test('a percentage with its sign\'s ring echoed as a digit, a 9 before it (the nineties) or a lone digit after it, is put right in a text', (t) => {
  // measured on a noisy 300 dpi scan
  t.deepEqual(fixPercentEcho('群众满意度达到909%以上。'), { text: '群众满意度达到90%以上。', rule: 'percent-echo' });
  t.is(fixPercentEcho('数据有效率达到959%以上，满意度不低于909%。')?.text, '数据有效率达到95%以上，满意度不低于90%。');
  t.is(fixPercentEcho('满意度达到90%6以上，不低于95%o。')?.text, '满意度达到90%以上，不低于95%。');
  for (const kept of ['达到90%以上', '增长159%', '1909%', '99.99%', '达到99%', '共计909人', '由5%提高到6%', '占比10%,6个部门']) t.is(fixPercentEcho(kept), null, kept);
  // the sign read 96 before a mark
  t.is(fixPercentEcho('合格率达到9096。完成')?.text, '合格率达到90%。完成');
  t.is(fixPercentEcho('覆盖率95.596，满意度10096)')?.text, '覆盖率95.5%，满意度100%)');
  for (const kept of ['共计596。', '编号20249696。', '1,29696。', '预计9096人', '共9096']) t.is(fixPercentEcho(kept), null, kept);
});

test('a closing bracket read right after an opening one it does not pair with goes when the opening one is closed later', (t) => {
  t.deepEqual(fixStrayCloser('档案数字化加工（]11万卷)'), { text: '档案数字化加工（11万卷)', rule: 'stray-bracket' });
  t.is(fixStrayCloser('会议(】培训)次数')?.text, '会议(培训)次数');
  for (const kept of ['档案（]11万卷', '档案（]11万卷】', '加工（）', '见[]内', '会议(培训)次数', '档案（11万卷)']) t.is(fixStrayCloser(kept), null, kept);
});

test('the year of a document number read in square brackets is in the 〔〕 official documents print', (t) => {
  t.deepEqual(fixDocumentYear('指导意见（国发[2022]14号)精神'), { text: '指导意见（国发〔2022〕14号)精神', rule: 'document-year' });
  t.is(fixDocumentYear('晋财行[2014]5号、晋财行［2018］49号')?.text, '晋财行〔2014〕5号、晋财行〔2018〕49号');
  // brackets that do not pair: the engine's readings of 〔〕
  t.is(fixDocumentYear('国发(2022]14号、国发〔2022]14号、国发[2022〕14号')?.text, '国发〔2022〕14号、国发〔2022〕14号、国发〔2022〕14号');
  // round brackets of one kind are printed so; a pair with 【 or 】 only the ink could tell
  for (const kept of ['晋财资【2014】38号', '国发〔2022〕14号', '[2022]年度', '见附件[1]', '[20221]14号', '晋财行(2019)12号', '晋财行（2019）12号', '国发【2022]14号', '国发[2022】14号']) {
    t.is(fixDocumentYear(kept), null, kept);
  }
});

test('a mark read between a document number\'s bracketed year and its serial goes', (t) => {
  t.deepEqual(fixDocumentSerial('晋财行【2014】50号、晋财行【2018】:49号'), { text: '晋财行【2014】50号、晋财行【2018】49号', rule: 'document-serial' });
  t.is(fixDocumentSerial('晋财资〔2017〕，43号及')?.text, '晋财资〔2017〕43号及');
  for (const kept of ['晋财行【2018】49号', '见附件【2】:49号', '【2018】:49元', '晋财行【2018】49号:下达']) t.is(fixDocumentSerial(kept), null, kept);
});

test('double quotes in Chinese text are set in turn, opening then closing', (t) => {
  // read on scans of `省编办审定“三定”方案` and `第七条“应当…预算。”规定`
  t.deepEqual(fixQuotePairs('省编办审定"三定"方案'), { text: '省编办审定“三定”方案', rule: 'quote-pair' });
  t.is(fixQuotePairs('审定“三定“方案')?.text, '审定“三定”方案');
  t.is(fixQuotePairs('第七条“应当列入预算。“规定，又称”两个“')?.text, '第七条“应当列入预算。”规定，又称“两个”');
  for (const kept of ['审定“三定”方案', '审定“三定', '审定“三定”方案“', 'say "hi"', '无引号']) t.is(fixQuotePairs(kept), null, kept);
});

test('a dot between ideographs or ending a text is a full stop; in numbers and Latin it stays', (t) => {
  t.deepEqual(fixDotAsFullStop('加强管理工作.采购办公设备.'), { text: '加强管理工作。采购办公设备。', rule: 'dot-full-stop' });
  t.is(fixDotAsFullStop('增长1.5个百分点')?.text, undefined);
  t.is(fixDotAsFullStop('采用B/S.架构'), null);
  t.is(fixDotAsFullStop('完成。'), null);
});
