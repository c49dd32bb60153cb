import { createCanvas } from '@napi-rs/canvas';
import test from 'ava';
import { otsuThreshold, threshold } from '../../src/ocr/binarize.ts';
import { countInk, inkGray, rgbaToGray } from '../../src/ocr/gray-image.ts';
import { NOTO_REGULAR } from '../helpers/noto-fonts.ts';

test('a seal\'s red reads as paper; black, blue, gray and yellowed paper read by their luma', (t) => {
  const luma = (r: number, g: number, b: number) => Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  t.is(inkGray(215, 35, 40), 215); // the seal's ink
  t.is(inkGray(235, 150, 150), 235); // its edge, blurred into the paper
  t.is(inkGray(25, 5, 6), luma(25, 5, 6)); // black text under the seal stays dark
  t.is(inkGray(20, 20, 20), 20);
  t.is(inkGray(30, 60, 180), luma(30, 60, 180)); // blue ink
  t.is(inkGray(244, 232, 198), luma(244, 232, 198)); // yellowed paper
  t.is(inkGray(200, 160, 110), luma(200, 160, 110)); // a brownish stain is no seal
});

test('text with a red seal stamped over it binarizes as the text alone', (t) => {
  const [w, h] = [600, 160];
  const draw = (seal: boolean) => {
    const canvas = createCanvas(w, h);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, w, h);
    ctx.fillStyle = '#000';
    ctx.font = `44px "${NOTO_REGULAR}"`;
    ctx.fillText('山西省地方金融监督', 20, 95);
    if (seal) {
      // ink on ink multiplies: the seal's red over black text stays black
      ctx.globalCompositeOperation = 'multiply';
      ctx.strokeStyle = 'rgb(215, 35, 40)';
      ctx.lineWidth = 9;
      ctx.beginPath();
      ctx.arc(300, 80, 70, 0, 2 * Math.PI);
      ctx.stroke();
      ctx.fillStyle = 'rgb(215, 35, 40)';
      ctx.fillRect(270, 40, 60, 25);
    }
    const gray = rgbaToGray(ctx.getImageData(0, 0, w, h).data, w, h);
    return threshold(gray, otsuThreshold(gray));
  };
  const [plain, sealed] = [draw(false), draw(true)];
  const all: [number, number, number, number] = [0, 0, w, h];
  t.true(countInk(plain, all) > 1000);
  let differ = 0;
  for (let i = 0; i < plain.data.length; i++) differ += plain.data[i] !== sealed.data[i] ? 1 : 0;
  t.true(differ <= 0.02 * countInk(plain, all), `${differ} pixels differ`);
});
