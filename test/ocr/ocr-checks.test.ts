import test from 'ava';
import { bracketsBalanced, misreadProvince, nearMiss, suspectReading } from '../../src/ocr/ocr-checks.ts';

test('marks OCR makes of specks in a Chinese text are suspect', (t) => {
  t.truthy(suspectReading('金融机构?!网络宣传'));
  t.truthy(suspectReading('山西省地方金融监督管理局机关-'));
  t.truthy(suspectReading('开展业:/宣传'));
  t.truthy(suspectReading('会议培训)次数'));
  t.truthy(suspectReading('会议(培训费'));
});

test('what a form prints is not suspect', (t) => {
  for (const s of ['会议(培训)费', '≥5.5万元/人', '1次/月', '经常性项目（长期开展）', '《关于印发的通知》；局机关规定等。', '2024-2025年度', 'ABC']) t.is(suspectReading(s), null, s);
  t.true(bracketsBalanced('会议（培训)费'));
  t.false(bracketsBalanced('a)b('));
});

test('one text read twice a few characters apart is a near miss; a clipped or different text is not', (t) => {
  t.true(nearMiss('聘用人员覆盖处室量', '聘用人员履盖处室量'));
  t.true(nearMiss('会议(培)训次数', '会议（培训）次数'));
  t.false(nearMiss('聘用人员覆盖处', '聘用人员覆盖处室量'));
  t.false(nearMiss('会议(培训)次数', '会议（培训）次数'));
  t.false(nearMiss('人均费用', '单位聘用人员成本'));
});

test("a department's name beginning one ideograph off a province is a misread province", (t) => {
  t.deepEqual(misreadProvince('出西省地方金融监督管理局'), { read: '出西省', near: ['山西省', '江西省', '陕西省'] });
  t.deepEqual(misreadProvince('黑龙汪省财政厅'), { read: '黑龙汪省', near: ['黑龙江省'] });
  for (const name of ['山西省地方金融监督管理局', '太原市财政局', '省财政厅', '中共山西省委', '北京市财政局']) t.is(misreadProvince(name), null, name);
});
