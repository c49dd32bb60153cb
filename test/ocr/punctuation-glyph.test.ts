import test from 'ava';
import { NOTO_BOLD, NOTO_REGULAR } from '../helpers/noto-fonts.ts';
import { checkPunctuation } from '../../src/ocr/punctuation-glyph.ts';
import { cellOf, draw } from './drawn-lines.ts';

/** Check `reading` of the printed text. */
function check(
  printed: string | string[],
  reading: string,
  opts: { dpi?: number; font?: string; align?: number[]; shift?: number; noise?: number; advance?: Record<string, number> } = {},
) {
  const lines = typeof printed === 'string' ? [printed] : printed;
  const d = draw(lines, opts.dpi ?? 150, opts.font ?? NOTO_REGULAR, opts.noise, opts.advance);
  return checkPunctuation(cellOf(d, lines, reading, opts.align, opts.shift), d.scan);
}

const SIZES = [150, 300];
const FONTS = [NOTO_REGULAR, NOTO_BOLD];
function each(sizes: number[] | ((dpi: number, font: string, label: string) => void), f?: (dpi: number, font: string, label: string) => void): void {
  const [dpis, run] = typeof sizes === 'function' ? [SIZES, sizes] : [sizes, f!];
  for (const dpi of dpis) for (const font of FONTS) run(dpi, font, `${dpi} dpi ${font}`);
}

test('a semicolon read as a comma is a semicolon, in the comma\'s width', (t) => {
  each((dpi, font, label) => {
    t.deepEqual(
      check('评价30万元；全省银行业', '评价30万元，全省银行业', { dpi, font }),
      { text: '评价30万元；全省银行业', rule: 'punctuation-glyph: by the ink\'s shape "万元，全省" → "万元；全省"' },
      label,
    );
    t.is(check('协调服务；全省上市', '协调服务,全省上市', { dpi, font })?.text, '协调服务;全省上市', label);
  });
});

test('a colon read as a semicolon is a colon', (t) => {
  each((dpi, font, label) => {
    t.is(check('具体包括：保险机构', '具体包括；保险机构', { dpi, font })?.text, '具体包括：保险机构', label);
  });
});

test('a comma read as a dot is a comma, at the width it is printed', (t) => {
  each((dpi, font, label) => {
    t.is(check('三定方案，在实施期', '三定方案.在实施期', { dpi, font })?.text, '三定方案，在实施期', label);
  });
});

test('a full stop read as a dash, a dot or a comma is a full stop', (t) => {
  // (at 150 dpi the thin ring of the regular weight binarizes open: no ring, and it is left as read)
  each([200, 300], (dpi, font, label) => {
    t.is(check('专题课题研究。资本市场', '专题课题研究-资本市场', { dpi, font })?.text, '专题课题研究。资本市场', label);
    t.is(check('专题课题研究。资本市场', '专题课题研究.资本市场', { dpi, font })?.text, '专题课题研究。资本市场', label);
    t.is(check('专题课题研究。资本市场', '专题课题研究，资本市场', { dpi, font })?.text, '专题课题研究。资本市场', label);
  });
});

test('a semicolon read as two marks is one, at the width it is printed', (t) => {
  each((dpi, font, label) => {
    const fix = check('的通知》；局机关管', '的通知》;,局机关管', { dpi, font, align: [0, 1, 2, 3, 4, 4, 5, 6, 7, 8] });
    t.deepEqual(fix, { text: '的通知》；局机关管', rule: 'punctuation-glyph: by the ink\'s shape "知》;,局机" → "知》；局机"' }, label);
  });
});

test('the mark\'s ink is found when its box is off by a glyph', (t) => {
  for (const shift of [-1, 1]) {
    each((dpi, font, label) => {
      t.is(check('评价30万元；全省银行业', '评价30万元，全省银行业', { dpi, font, shift })?.text, '评价30万元；全省银行业', `${label} shift ${shift}`);
    });
  }
});

test('when every box of a line is off by a glyph, each mark still finds its own ink, not its neighbour\'s', (t) => {
  for (const shift of [-1, 1]) {
    each([200, 300], (dpi, font, label) => {
      const printed = '工理汇。对，尚与元年办；党元';
      t.is(check(printed, printed, { dpi, font, shift }), null, `${label} shift ${shift}`);
      t.is(check(printed, '工理汇。对；尚与元年办，党元', { dpi, font, shift })?.text, '工理汇。对，尚与元年办；党元', `${label} shift ${shift}`);
    });
  }
});

test('noisy ink at low resolution still tells a semicolon', (t) => {
  t.is(check('评价30万元；全省银行业', '评价30万元，全省银行业', { dpi: 150, noise: 60 })?.text, '评价30万元；全省银行业');
});

test('marks read right are left as read', (t) => {
  each((dpi, font, label) => {
    t.is(check('具体包括：保险机构；全省银行，每年、按计划。', '具体包括：保险机构；全省银行，每年、按计划。', { dpi, font }), null, label);
  });
});

test('in a cell of two lines each line\'s marks are checked against their own ink', (t) => {
  each((dpi, font, label) => {
    const printed = ['保险机构；全省银行', '按计划；每年，共计'];
    t.is(check(printed, '保险机构，全省银行按计划，每年，共计', { dpi, font })?.text, '保险机构；全省银行按计划；每年，共计', label);
    t.is(check(printed, '保险机构；全省银行按计划；每年.共计', { dpi, font })?.text, '保险机构；全省银行按计划；每年，共计', label);
  });
});

test('a bar, a dot and a slant read as themselves are left: their ink says no other mark', (t) => {
  each((dpi, font, label) => {
    t.is(check('管理-服务', '管理-服务', { dpi, font }), null, label);
    t.is(check('管理.服务', '管理.服务', { dpi, font }), null, label);
    t.is(check('管理、服务', '管理、服务', { dpi, font }), null, label);
    // a dot read as a comma stays a comma: a dot is no ring, no semicolon
    t.is(check('管理.服务', '管理，服务', { dpi, font }), null, label);
  });
});

test('a comma printed is not changed into a semicolon', (t) => {
  each((dpi, font, label) => {
    t.is(check('处置工作，防范非法', '处置工作，防范非法', { dpi, font }), null, label);
    t.is(check('处置工作、防范非法', '处置工作，防范非法', { dpi, font }), null, label);
  });
});

test('ideographs are never taken for marks: the strokes of 冫, 小, 心 and 氵 stand too close', (t) => {
  each((dpi, font, label) => {
    // the engine read 小 as a comma and 冫 as a semicolon: their strokes are no marks to overrule it by
    t.is(check('冲次小心江河', '冲次，心江河', { dpi, font }), null, label);
    t.is(check('冲次小心江河', '；次小心江河', { dpi, font }), null, label);
    t.is(check('冲次小心江河', '，次小心江河', { dpi, font }), null, label);
    t.is(check('冲次小心江河', '冲，小心江河', { dpi, font }), null, label);
    t.is(check('以及冰冷的心', '以及冰冷的，', { dpi, font }), null, label);
  });
});

test('ink shaped as a mark but set tight between its neighbours, as the strokes of an ideograph are, is not taken for one', (t) => {
  each((dpi, font, label) => {
    // the semicolon's advance cut to a third of an em: the glyph after it nearly touches its ink
    t.is(check('评价30万元；全省银行业', '评价30万元，全省银行业', { dpi, font, advance: { '；': 0.3 } }), null, label);
  });
});

test('a glyph misread as a mark beside a mark does not take that mark\'s ink', (t) => {
  each((dpi, font, label) => {
    // 贷 read as a comma after a semicolon: the semicolon's ink is the semicolon's
    t.is(check('万元；贷款', '万元；，款', { dpi, font }), null, label);
    // read twice over, both marks find the one ink: neither is changed
    t.is(check('万元；贷款', '万元，，款', { dpi, font }), null, label);
  });
});

test('marks between digits stay as read: decimal points and thousands separators', (t) => {
  each((dpi, font, label) => {
    t.is(check('约4,2万元', '约4.2万元', { dpi, font }), null, label);
    t.is(check('共1；200元', '共1,200元', { dpi, font }), null, label);
    t.is(check('达到4.2万元', '达到4.2万元', { dpi, font }), null, label);
  });
});

test('a cell read from a text layer is not checked', (t) => {
  const d = draw(['评价30万元；全省'], 150, NOTO_REGULAR);
  const cell = cellOf(d, ['评价30万元；全省'], '评价30万元，全省');
  cell.chars = cell.chars.map(({ confidence: _, ...c }) => c);
  t.is(checkPunctuation(cell, d.scan), null);
});

/** The identity alignment of a reading with one printed glyph left out (at `dropped`) or one glyph read twice (sharing its box, at `extra`). */
const skip = (n: number, dropped: number) => Array.from({ length: n - 1 }, (_, i) => (i < dropped ? i : i + 1));
const twice = (n: number, extra: number) => Array.from({ length: n + 1 }, (_, i) => (i <= extra ? i : i - 1));

test('a mark the engine read where the ink holds none is deleted', (t) => {
  each((dpi, font, label) => {
    t.deepEqual(
      check('晋财行【2017】43号', '晋财行【2017】:43号', { dpi, font, align: twice(13, 8) }),
      { text: '晋财行【2017】43号', rule: 'punctuation-glyph: no mark in the ink "7】:43" → "7】43"' },
      label,
    );
    t.is(check('资金（共计20万元）', '资金（共计20万元）-', { dpi, font, align: twice(10, 9) })?.text, '资金（共计20万元）', label);
    t.is(check('工作每名人员', '工作，每名人员', { dpi, font, align: twice(6, 1) })?.text, '工作每名人员', label);
    // a speck far past the line's last glyph read as a mark
    t.is(check('资金（共计20万元）　　　.', '资金（共计20万元）-', { dpi, font, align: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 13] })?.text, '资金（共计20万元）', label);
    t.is(check('资金（共计20万元）.', '资金（共计20万元）-', { dpi, font }), null, label);
    // a backtick (never printed) read beside a mark
    t.is(check('认可、监督检查', '认可、`监督检查', { dpi, font, align: twice(7, 2) })?.text, '认可、监督检查', label);
    // a decimal point read with a stray comma beside it
    t.deepEqual(
      check('达到4.2万元', '达到4.,2万元', { dpi, font, align: twice(7, 3) }),
      { text: '达到4.2万元', rule: 'punctuation-glyph: by the ink\'s shape "到4.,2万" → "到4.2万"' },
      label,
    );
  });
});

test('a mark the engine did not read, printed between two glyphs, is inserted full-width', (t) => {
  each((dpi, font, label) => {
    t.deepEqual(
      check('开展工作，每名人员', '开展工作每名人员', { dpi, font, align: skip(9, 4) }),
      { text: '开展工作，每名人员', rule: 'punctuation-glyph: a mark in the ink not read "工作每名" → "工作，每名"' },
      label,
    );
    t.is(check('实施三年，每年支出', '实施三年每年支出', { dpi, font, align: skip(9, 4) })?.text, '实施三年，每年支出', label);
    t.is(check('满足工作需要，', '满足工作需要', { dpi, font, align: skip(7, 6) })?.text, '满足工作需要，', label);
  });
  // (at 150 dpi the thin ring of the regular weight binarizes open: no ring, and it is left as read)
  each([200, 300], (dpi, font, label) => {
    t.is(check('满足工作需要。', '满足工作需要', { dpi, font, align: skip(7, 6) })?.text, '满足工作需要。', label);
    t.is(check('专题课题研究。资本市场', '专题课题研究资本市场', { dpi, font, align: skip(11, 6) })?.text, '专题课题研究。资本市场', label);
  });
});

test('a dropped mark is found when the boxes are off by a glyph', (t) => {
  for (const shift of [-1, 1]) {
    each((dpi, font, label) => {
      t.is(check('开展工作，每名人员', '开展工作每名人员', { dpi, font, align: skip(9, 4), shift })?.text, '开展工作，每名人员', `${label} shift ${shift}`);
      t.is(check('晋财行【2017】43号', '晋财行【2017】:43号', { dpi, font, align: twice(13, 8), shift })?.text, '晋财行【2017】43号', `${label} shift ${shift}`);
    });
  }
});

test('marks printed are neither deleted nor doubled, and no mark is made of an ideograph\'s strokes, a slant, a dot or a number', (t) => {
  each((dpi, font, label) => {
    // read right: left alone
    t.is(check('晋财行【2017】43号', '晋财行【2017】43号', { dpi, font }), null, label);
    t.is(check('资金（共计20万元）', '资金（共计20万元）', { dpi, font }), null, label);
    t.is(check('达到4.2万元，共计2023-2025年', '达到4.2万元，共计2023-2025年', { dpi, font }), null, label);
    t.is(check('冲次小心江河以及冰冷的心', '冲次小心江河以及冰冷的心', { dpi, font }), null, label);
    t.is(check('办公室，小组、心理', '办公室，小组、心理', { dpi, font }), null, label);
    // a 、 or a dot dropped: no comma, no ring
    t.is(check('管理、服务', '管理服务', { dpi, font, align: skip(5, 2) }), null, label);
    t.is(check('管理.服务', '管理服务', { dpi, font, align: skip(5, 2) }), null, label);
    // marks in numbers dropped: not inserted
    t.is(check('共1,200元', '共1200元', { dpi, font, align: skip(7, 2) }), null, label);
    // a glyph the engine dropped beside a mark's place: no mark inserted for it
    t.is(check('开展工作小组', '开展工作组', { dpi, font, align: skip(6, 4) }), null, label);
  });
});

test('a mark whose box the engine put a glyph or more past its ink, the boxes before it off too, is kept', (t) => {
  // measured on a 200 dpi scan: 培训 boxed a glyph late, the comma's box on the white after it (printed with a wide space)
  each([200, 300], (dpi, font, label) => {
    t.is(check('及其他培训，保障局机关', '及其他培训，保障局机关', { dpi, font, advance: { '，': 1.5 }, align: [1, 1, 2, 4, 5, 6, 6, 7, 8, 9, 10] }), null, label);
  });
});

test('noisy ink at low resolution still tells a dropped mark and a stray one, and makes none up', (t) => {
  t.is(check('开展工作，每名人员', '开展工作每名人员', { dpi: 150, noise: 60, align: skip(9, 4) })?.text, '开展工作，每名人员');
  t.is(check('晋财行【2017】43号', '晋财行【2017】:43号', { dpi: 150, noise: 60, align: twice(13, 8) })?.text, '晋财行【2017】43号');
  t.is(check('具体包括：保险机构；全省银行，每年、按计划。', '具体包括：保险机构；全省银行，每年、按计划。', { dpi: 150, noise: 60 }), null);
  t.is(check('冲次小心江河以及冰冷的心', '冲次小心江河以及冰冷的心', { dpi: 150, noise: 60 }), null);
});

test('a dropped mark whose ink is a dot (a comma printed small) is a comma when the cell\'s commas read have ink of that size', (t) => {
  // (the dots set full-width, as a small comma binarized to a dot is)
  const advance = { '.': 1.0 };
  each((dpi, font, label) => {
    t.is(check('开展工作.每名人员.共计', '开展工作每名人员，共计', { dpi, font, advance, align: [0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11] })?.text, '开展工作，每名人员，共计', label);
    // a decimal point read with ink of that size tells nothing (the cell's commas do)
    t.is(
      check('开展工作.每名人员.共计6.7万', '开展工作每名人员，共计6.7万', { dpi, font, advance, align: [0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15] })?.text,
      '开展工作，每名人员，共计6.7万',
      label,
    );
    // no comma read: no telling a comma from a point
    t.is(check('开展工作.每名人员', '开展工作每名人员', { dpi, font, advance, align: skip(9, 4) }), null, label);
    // a full stop read with ink of that size too: no telling
    t.is(check('开展.工作.每名人员.共计', '开展。工作每名人员，共计', { dpi, font, advance, align: [0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12] }), null, label);
  });
});

test('a small dot read as a point between ideographs is a comma whose tail binarizing lost', (t) => {
  const printed = ['开展工作　每名人员'];
  /** The line drawn with a solid square dot `size` em wide on the baseline where the mark is printed. */
  const withDot = (dpi: number, size: number) => {
    const d = draw(printed, dpi, NOTO_REGULAR);
    const [x0] = d.boxes[4]!;
    const [top, bottom] = d.rows[0]!;
    const em = bottom - top;
    const baseline = Math.round(bottom - 0.12 * em);
    const side = Math.max(2, Math.round(size * em));
    const left = Math.round(x0 + 0.15 * em);
    for (let y = baseline - side; y < baseline; y++) for (let x = left; x < left + side; x++) d.scan.ink.data[y * d.scan.ink.width + x] = 1;
    return d;
  };
  for (const dpi of [200, 300]) {
    // measured on 1-bit scans of a thin Ming face: a comma kept as a 4×4 px head at 300 dpi
    const small = withDot(dpi, 0.1);
    t.is(checkPunctuation(cellOf(small, printed, '开展工作.每名人员'), small.scan)?.text, '开展工作，每名人员', `${dpi} dpi`);
    // a dot of a full stop's size (a ring filled in) is no comma's head
    const large = withDot(dpi, 0.3);
    t.is(checkPunctuation(cellOf(large, printed, '开展工作.每名人员'), large.scan), null, `${dpi} dpi`);
  }
  // a point beside a digit or a letter stays
  const d = withDot(300, 0.1);
  t.is(checkPunctuation(cellOf(d, printed, '开展工作.1名人员'), d.scan), null);
});
