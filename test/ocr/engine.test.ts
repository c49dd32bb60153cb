import test from 'ava';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { configureOcr, ocrStats, recognize, shutdownOcr, type OcrModel } from '../../src/ocr/engine.ts';
import { grayToPgm, type GrayImage } from '../../src/ocr/gray-image.ts';
import { NOTO_REGULAR } from '../helpers/noto-fonts.ts';

/** A line of text drawn black on white at 40 px, as a grey image. */
function line(text: string): GrayImage {
  const canvas = createCanvas(60 + 44 * [...text].length, 80);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000';
  ctx.font = `40px ${NOTO_REGULAR}`;
  ctx.fillText(text, 30, 55);
  const rgba = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  const data = new Uint8Array(canvas.width * canvas.height);
  for (let i = 0; i < data.length; i++) data[i] = rgba[i * 4]!;
  return { width: canvas.width, height: canvas.height, data };
}

const text = (lines: Awaited<ReturnType<typeof recognize>>) => lines.map((l) => l.words.map((w) => w.text).join('')).join('');

test.after.always(() => shutdownOcr());

test.serial('both models read a clean line; calls made at once start no more workers than the pool allows', async (t) => {
  await shutdownOcr();
  configureOcr({ workers: 2 });
  const img = line('协助开展日常办公工作');
  const before = ocrStats();
  // two workers a model: these eight calls, all made at once, run on four workers in all
  const models: OcrModel[] = ['best', 'second', 'best', 'second', 'best', 'second', 'best', 'second'];
  const reads = await Promise.all(models.map((model) => recognize(img, { psm: '7', model })));
  for (const r of reads) t.is(text(r), '协助开展日常办公工作');
  t.is(ocrStats().calls - before.calls, 8);
  t.is(ocrStats().workers - before.workers, 4);
});

test.serial('the two models are different networks: each call is read by the model it names', async (t) => {
  // the first model misreads this 遣 even drawn clean (as 遗 or 息, by the line's width); the second reads it
  const img = line('劳务派遣人员');
  const [best, second] = await Promise.all([recognize(img, { psm: '7', model: 'best' }), recognize(img, { psm: '7', model: 'second' })]);
  t.not(text(best), '劳务派遣人员');
  t.is(text(second), '劳务派遣人员');
});

test.serial('the second model reads as tessdata’s own file does, though its worker first loaded the first model and only the LSTM of it was kept', async (t) => {
  // a worker of tesseract.js started straight on the package's 4.0.0 file, as the engine did before
  const { default: tesseract } = await import('tesseract.js');
  const dir = dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/chi_sim/package.json'));
  const direct = await tesseract.createWorker('chi_sim', tesseract.OEM.LSTM_ONLY, { langPath: join(dir, '4.0.0'), gzip: true, cacheMethod: 'none', errorHandler: () => undefined });
  try {
    await direct.setParameters({ debug_file: '/dev/null', invert_threshold: '0', tessedit_pageseg_mode: '7', user_defined_dpi: '300', tessedit_char_whitelist: '' } as never);
    const words = (lines: Awaited<ReturnType<typeof recognize>>) => lines.flatMap((l) => l.words.map((w) => `${w.text}@${w.confidence.toFixed(3)}`));
    for (const s of ['项目实施进度按计划完成率', '主管部门及代码231-山西省地方金融监督管理局', '业务培训覆盖率≥95%']) {
      const img = line(s);
      const ours = words(await recognize(img, { psm: '7', model: 'second' }));
      const theirs = (await direct.recognize(Buffer.from(grayToPgm(img)), {}, { blocks: true, text: false })).data.blocks!.flatMap((b) => b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words.filter((w) => w.text.trim() !== '').map((w) => `${w.text}@${(w.confidence / 100).toFixed(3)}`))));
      t.deepEqual(ours, theirs, s);
    }
  } finally {
    await direct.terminate();
  }
});
