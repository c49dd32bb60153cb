import test from 'ava';
import { decidePage, isUnusableGlyph } from '../../src/ocr/page-decision.ts';
import type { PageContent } from '../../src/pdf/types.ts';
import { charsAt, gridEdges } from '../helpers/synthetic-page.ts';

const A4 = { pageNumber: 1, width: 595, height: 842 };
const scanImage = { box: [0, 0, 595, 842] as [number, number, number, number], pixelWidth: 1654, pixelHeight: 2339 };
const table = gridEdges([50, 150, 300, 500], [100, 120, 140, 160]);
const words = (text: string, y = 115) => charsAt(text, 55, y);

test('a page without a text layer is OCRed', (t) => {
  const page: PageContent = { ...A4, chars: [], edges: [], images: [scanImage] };
  t.deepEqual(decidePage(page), { ocr: true, reason: 'no-text-layer' });
});

test('a usable text layer is read as it is', (t) => {
  const page: PageContent = { ...A4, chars: [...words('项目名称政府购买服务经费'), ...words('主管部门及代码231', 135)], edges: table };
  t.deepEqual(decidePage(page), { ocr: false, reason: 'usable-text' });
});

test('private-use code points and unmapped glyphs make the text layer unusable', (t) => {
  const pua = [...'\ue001\ue002\ue003\ue004\ue005\ue006'].join('');
  const page: PageContent = { ...A4, chars: words(`项目名称${pua}${pua}`), edges: table };
  t.deepEqual(decidePage(page), { ocr: true, reason: 'unusable-text' });
  t.true(isUnusableGlyph('\ufffd'));
  t.true(isUnusableGlyph('\u0003'));
  t.true(isUnusableGlyph(''));
});

test('Kangxi radicals and compatibility ideographs are not a reason to OCR', (t) => {
  t.false(isUnusableGlyph('⽬'));
  t.false(isUnusableGlyph('⻔'));
  t.false(isUnusableGlyph('\uf900'));
  const page: PageContent = { ...A4, chars: words('项⽬名称⻔⼀⻓⼈⼯项⽬期99年'), edges: table };
  t.false(decidePage(page).ocr);
});

test('a scan with a text layer that misses the ruled cells is OCRed', (t) => {
  // a page-size image; the text layer holds a title only, the ruled table has nine empty cells
  const page: PageContent = { ...A4, chars: charsAt('山西省省级预算部门项目支出绩效目标申报表', 60, 60), edges: table, images: [scanImage] };
  t.deepEqual(decidePage(page), { ocr: true, reason: 'text-misses-cells' });
  const noRules: PageContent = { ...page, edges: [] };
  t.deepEqual(decidePage(noRules), { ocr: true, reason: 'image-without-rules' });
});

test('--ocr always and never override the decision', (t) => {
  const text: PageContent = { ...A4, chars: words('项目名称政府购买服务经费'), edges: table };
  t.deepEqual(decidePage(text, 'always'), { ocr: true, reason: 'forced' });
  t.deepEqual(decidePage({ ...A4, chars: [], edges: [] }, 'never'), { ocr: false, reason: 'disabled' });
});

test('a few glyphs on a page without a scan image are its text, not a missing layer', (t) => {
  const tail: PageContent = { ...A4, chars: words('≥9个'), edges: table };
  t.false(decidePage(tail).ocr);
  t.true(decidePage({ ...tail, images: [scanImage] }).ocr);
  // a page footer alone (第 14 页 共 14 页): nothing else on the page to read
  t.false(decidePage({ ...tail, chars: words('第14页共14页'), edges: [] }).ocr);
  t.true(decidePage({ ...tail, chars: [], edges: [] }).ocr);
});
