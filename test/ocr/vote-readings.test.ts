import test from 'ava';
import { readingChanges, spellingGain, voteReadings } from '../../src/ocr/vote-readings.ts';

const vote = (a: string, b: string, c: string) => voteReadings([...a], [...b], [...c]).map((v) => v.text).join('');

test('the changes between two readings, runs of edits grouped', (t) => {
  t.deepEqual(readingChanges([...'训、和干部'], [...'训、干部']), [{ start: 2, end: 3, text: [] }]);
  t.deepEqual(readingChanges([...'稳定暨防范'], [...'稳定茎防范']), [{ start: 2, end: 3, text: ['茎'] }]);
  t.deepEqual(readingChanges([...'等90余'], [...'等900余']), [{ start: 2, end: 2, text: ['0'] }]);
  t.deepEqual(readingChanges([...'同'], [...'同']), []);
});

test('a change two of three readings agree on is taken; one only one makes is not', (t) => {
  // measured on one scanned line read at three scales
  t.is(vote('训、和干部综合能力', '训、干部综合能力', '训、王部综合能力'), '训、干部综合能力');
  t.is(vote('稳定暨防范处置', '稳定茎防范处置', '稳定暨防范处置'), '稳定暨防范处置');
  t.is(vote('服务,全省', '服务;全省', '服务;全省'), '服务;全省');
  t.is(vote('等90余家', '等900余家', '等900余家'), '等900余家');
  t.is(vote('全部正确', '全部正确', '全部正碗'), '全部正确');
});

test('readings of something else do not vote', (t) => {
  t.is(vote('会议培训', '一二三四五六七', '会议培训'), '会议培训');
  t.is(vote('会议培训', '', '会'), '会议培训');
});

test('each voted character points at the character of the first reading it stands in for', (t) => {
  t.deepEqual(voteReadings([...'a和b'], [...'ab'], [...'ab']), [{ text: 'a', from: 0 }, { text: 'b', from: 2 }]);
  t.deepEqual(voteReadings([...'ab'], [...'axb'], [...'axb']), [{ text: 'a', from: 0 }, { text: 'x', from: 1 }, { text: 'b', from: 1 }]);
});

test('a change outside the voted range is not taken: those characters were read only as context', (t) => {
  // a cut through a neighbour's ink read as a mark at the end of both other readings
  const first = [...'评融资担保'];
  t.is(voteReadings(first, [...'评融资担保;'], [...'评融资担保;']).map((v) => v.text).join(''), '评融资担保;');
  t.is(voteReadings(first, [...'评融资担保;'], [...'评融资担保;'], [1, 4]).map((v) => v.text).join(''), '评融资担保');
  t.is(voteReadings([...'ab1cd'], [...'ab2cd;'], [...'ab2cd;'], [1, 4]).map((v) => v.text).join(''), 'ab2cd');
});

test('a change one reading makes alone is taken when it spells words the first reading does not', (t) => {
  // read on scans: the first model's reading, then the second model's at two scales
  t.is(vote('名劳务派四人员协助', '名劳务派遣人员协助', '名劳务派造人员协助'), '名劳务派遣人员协助');
  t.is(vote('培训、王部综合能力', '培训、干部综合能力', '培训、千部综合能力'), '培训、干部综合能力');
  // the third reading is of something else (read at a scale the model fails at): the second alone still corrects spelling
  t.is(vote('训、千部综合能', '训、干部综合能', '训、干部绰司能'), '训、干部综合能');
  t.is(vote('工作，每名吐用支出标准', '工作，每名费用支出标准', '作,每名琨用支出标淮'), '工作，每名费用支出标准');
  // a change that spells no better stays a minority of one
  t.is(vote('名劳务派遗人员协助', '名劳务派造人员协助', '名劳务派遥人员协助'), '名劳务派遗人员协助');
});

test('a change two readings agree on is not taken when it spells much worse', (t) => {
  t.is(vote('依据省委全覆盖、穿透式', '依据省委全覆盖、宏透式', '依据省委全覆盖、宏透式'), '依据省委全覆盖、穿透式');
  t.is(vote('评融资担保', '评融贷担保', '评融贷担保'), '评融资担保');
});

test('the spelling gain of a change: ideographs for as many ideographs only', (t) => {
  const first = [...'聘请三名劳务派算人员协助'];
  t.true(spellingGain(first, { start: 7, end: 8, text: ['遣'] })! > 4);
  t.true(spellingGain([...'依据穿透式监管'], { start: 2, end: 3, text: ['宏'] })! < -4);
  t.is(spellingGain(first, { start: 7, end: 8, text: [] }), null);
  t.is(spellingGain(first, { start: 7, end: 8, text: ['遣', '人'] }), null);
  t.is(spellingGain([...'等90余家'], { start: 2, end: 3, text: ['6'] }), null);
});

test('a short stretch is judged by spelling only, never by majority', (t) => {
  const short = (a: string, b: string, c: string) => voteReadings([...a], [...b], [...c], undefined, { majority: false }).map((v) => v.text).join('');
  t.is(short('受训信员', '受训人员', '受训信员'), '受训人员');
  t.is(short('≥1次/月', ']次/月', ']次/月'), '≥1次/月');
  t.is(vote('≥1次/月', ']次/月', ']次/月'), ']次/月');
});

test('a change of spelling must put its ideographs into a word, not a rare one: a commoner glyph alone, or a rare compound, is no evidence', (t) => {
  const spelled = (a: string, b: string) => voteReadings([...a], [...b], [...a], undefined, { majority: false }).map((v) => v.text).join('');
  // into words: 支出, 贷款 (a rare 小额贷款 holding the common 贷款)
  t.is(spelled('购买服务文出。', '购买服务支出。'), '购买服务支出。');
  t.is(spelled('化解处置;小额货款公', '化解处置;小额贷款公'), '化解处置;小额贷款公');
  // nothing but a commoner glyph standing alone, or a compound jieba counts three times (显财)
  t.true((spellingGain([...'号、晋财资'], { start: 2, end: 3, text: ['显'] }) ?? 0) >= 4);
  t.is(spelled('号、晋财资【', '号、显财资【'), '号、晋财资【');
});

test('at the edge of its line a change of spelling is not taken when the caller says the words may run on past it', (t) => {
  // `网络租|赁费`: the line read alone has `赁费`, which `资费` spells better
  const edge = (lineEdges: [boolean, boolean]) => voteReadings([...'赁费14.2'], [...'资费14.2'], [...'赁费14.2'], undefined, { majority: false, lineEdges }).map((v) => v.text).join('');
  t.is(edge([false, false]), '资费14.2');
  t.is(edge([true, false]), '赁费14.2');
  t.is(edge([false, true]), '资费14.2');
});

test('two readings of the second model do not outvote the first on which clause mark it is', (t) => {
  // measured: `教育活动，防范` read `育活动、防范` by the second model at both scales
  t.is(vote('教育活动，防范非法集资', '教育活动、防范非法集资', '教育活动、防范非法集资'), '教育活动，防范非法集资');
  t.is(vote('服务,全省', '服务;全省', '服务;全省'), '服务;全省', 'half-width marks, as in amounts, still do');
  t.is(vote('工作、每名费用支出', '工作、征名费用支', '工作，每名费用支出'), '工作、每名费用支出');
});
