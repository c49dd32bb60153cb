import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import { gunzip } from 'node:zlib';
import type Tesseract from 'tesseract.js';
import { ExtractError } from '../errors.ts';
import type { GrayImage, PixelRect } from './gray-image.ts';
import { grayToPgm } from './gray-image.ts';
import { lstmOnly } from './traineddata.ts';

/**
 * The OCR engine: tesseract.js with the `chi_sim` model shipped by @tesseract.js-data/chi_sim,
 * read from the package folder (no download, no cache written anywhere). A small pool of
 * Tesseract workers for each model is created on first use and reused for every page and file
 * after; one worker per thread when this runs inside a batch worker thread (the batch runs one
 * thread a core), one per core on the main thread. `shutdownOcr()` ends them; an idle pool also ends
 * itself after IDLE_SHUTDOWN_MS so that a library user who never calls it is not kept waiting.
 */

const LANG = 'chi_sim';
const PACKAGE_DIR = dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/chi_sim/package.json'));
/**
 * The package's two models, both read LSTM only. `best`: tessdata_best, integerized (the package's
 * 4.0.0_best_int folder), which reads everything first. `second`: tessdata's own LSTM (4.0.0), a
 * network trained apart from it that misreads other glyphs: a second opinion on doubtful ones.
 */
export type OcrModel = 'best' | 'second';
const BEST_PATH = join(PACKAGE_DIR, '4.0.0_best_int');
const SECOND_FILE = join(PACKAGE_DIR, '4.0.0', `${LANG}.traineddata.gz`);
const SECOND_NAME = `${LANG}_second`;
/** An idle pool ends itself after this long. */
export const IDLE_SHUTDOWN_MS = 15_000;

export interface OcrSymbol {
  text: string;
  /** 0..1 */
  confidence: number;
  bbox: PixelRect;
}
export interface OcrWord {
  text: string;
  /** 0..1 */
  confidence: number;
  bbox: PixelRect;
  symbols: OcrSymbol[];
}
export interface OcrLine {
  text: string;
  confidence: number;
  bbox: PixelRect;
  words: OcrWord[];
}

export interface RecognizeOptions {
  /** Tesseract page segmentation: '6' a block of text (a cell), '7' one line, '13' one raw line (no layout analysis at all). */
  psm: '6' | '7' | '13';
  /** Only these characters may be read (e.g. `0123456789,.` for amounts). */
  whitelist?: string;
  /** Resolution of the image, for Tesseract's size heuristics. */
  dpi?: number;
  /** The model to read with (default `best`). */
  model?: OcrModel;
}

type Worker = Tesseract.Worker;
interface Slot {
  model: OcrModel;
  worker: Worker;
  busy: boolean;
  /** The per-image parameters the worker holds now (see recognize). */
  params: Record<string, string>;
}

let poolSize = isMainThread ? Math.max(1, availableParallelism()) : 1;
let slots: Array<{ model: OcrModel; slot: Promise<Slot> }> = [];
let waiting: Array<{ model: OcrModel; take: (slot: Slot) => void }> = [];
let idleTimer: NodeJS.Timeout | null = null;
let lastError: unknown = null;

/** Set how many Tesseract workers this thread may run (default: 1 in a worker thread, the core count on the main thread). */
export function configureOcr(opts: { workers?: number }): void {
  if (opts.workers !== undefined) poolSize = Math.max(1, Math.floor(opts.workers));
}

const gunzipAsync = promisify(gunzip);
/**
 * The second model's file, read once a thread, without the entries only the legacy engine reads:
 * it is 44 MB, of which the LSTM needs 2.5, and Tesseract holds the whole file in each worker's memory.
 */
let secondModel: Promise<Uint8Array> | null = null;
function loadSecondModel(): Promise<Uint8Array> {
  if (!secondModel) {
    const loading = readFile(SECOND_FILE)
      .then((gz) => gunzipAsync(gz))
      .then((bytes) => lstmOnly(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
    // a failed read is not kept: the next worker tries again
    loading.catch(() => {
      if (secondModel === loading) secondModel = null;
    });
    secondModel = loading;
  }
  return secondModel;
}

async function createSlot(model: OcrModel): Promise<Slot> {
  let worker: Worker | undefined;
  try {
    // loaded on first use: a batch of digital files never pays for it in any of its threads
    const { default: tesseract } = await import('tesseract.js');
    // tesseract.js keeps this array as the list of languages its worker has loaded (see below)
    const langs = [LANG];
    worker = await tesseract.createWorker(langs, tesseract.OEM.LSTM_ONLY, {
      langPath: BEST_PATH,
      gzip: true,
      cacheMethod: 'none',
      // tesseract.js reports a worker's uncaught errors here; without a handler it throws them
      errorHandler: (e: unknown) => {
        lastError = e;
      },
    });
    if (model === 'second') {
      // tesseract.js 7 cannot start a worker on bytes it is handed (it passes them to Tesseract as
      // the language's name), so the worker starts on the first model, the second is written into
      // its files, and it starts again on that. Under a name of its own: Tesseract keeps each
      // dictionary it loaded, by file name, for the worker's life, and a second model loaded as
      // chi_sim would be given the first one's. Its name goes into the list tesseract.js keeps of
      // what it has loaded, or it would try to load it again from langPath (and fail, loudly).
      await worker.FS('writeFile', [`${SECOND_NAME}.traineddata`, await loadSecondModel()]);
      langs.push(SECOND_NAME);
      await worker.reinitialize(SECOND_NAME, tesseract.OEM.LSTM_ONLY);
    }
    // Tesseract's own debug output goes nowhere: the library never prints. Its second reading
    // of every doubtful line as white on black (invert_threshold) is switched off: forms print
    // black on white, so it never won and cost ~12% of the CPU on scans (records unchanged).
    await worker.setParameters({ debug_file: '/dev/null', invert_threshold: '0' } as Partial<Tesseract.WorkerParams>);
    stats.workers++;
    return { model, worker, busy: false, params: {} };
  } catch (e) {
    // a worker that started but could not take the second model is not left running
    await worker?.terminate().catch(() => undefined);
    const from = model === 'best' ? BEST_PATH : SECOND_FILE;
    throw new ExtractError('OCR_FAILED', `the OCR engine (tesseract.js, ${LANG} from ${from}) could not start: ${String((e as Error)?.message ?? e)}`, { cause: e });
  }
}

async function acquire(model: OcrModel): Promise<Slot> {
  if (idleTimer) {
    clearTimeout(idleTimer);
    idleTimer = null;
  }
  const own = () => slots.filter((s) => s.model === model);
  for (const { slot: p } of own()) {
    const s = await p;
    if (!s.busy) {
      s.busy = true;
      return s;
    }
  }
  // counted now, not before the awaits above: other calls may have added workers meanwhile
  if (own().length < poolSize) {
    const entry = { model, slot: createSlot(model) };
    slots.push(entry);
    try {
      const s = await entry.slot;
      s.busy = true;
      return s;
    } catch (e) {
      slots = slots.filter((q) => q !== entry);
      throw e;
    }
  }
  return new Promise<Slot>((take) => waiting.push({ model, take }));
}

function release(slot: Slot): void {
  const i = waiting.findIndex((w) => w.model === slot.model);
  if (i >= 0) {
    waiting.splice(i, 1)[0]!.take(slot);
    return;
  }
  slot.busy = false;
  void armIdleTimer();
}

/** Start the idle countdown once every worker is free (never while one is still reading). */
async function armIdleTimer(): Promise<void> {
  const current = slots;
  const all = await Promise.allSettled(current.map((s) => s.slot));
  if (current !== slots || waiting.length > 0 || idleTimer) return;
  if (all.some((r) => r.status === 'fulfilled' && r.value.busy)) return;
  idleTimer = setTimeout(() => {
    idleTimer = null;
    void (async () => {
      const settled = await Promise.allSettled(slots.map((s) => s.slot));
      // only an idle pool ends itself: work that came in meanwhile keeps it
      if (waiting.length === 0 && settled.every((r) => r.status !== 'fulfilled' || !r.value.busy)) await shutdownOcr();
    })();
  }, IDLE_SHUTDOWN_MS);
  idleTimer.unref();
}

/** Work done by this thread's OCR engine since it was loaded (for benchmarks and tests): recognize calls, milliseconds inside them, pixels read, Tesseract workers started. */
export interface OcrStats {
  calls: number;
  workers: number;
  ms: number;
  pixels: number;
}
const stats: OcrStats = { calls: 0, workers: 0, ms: 0, pixels: 0 };
/** A copy of the counters: take one before and after a piece of work and subtract. */
export const ocrStats = (): OcrStats => ({ ...stats });

const box = (b: { x0: number; y0: number; x1: number; y1: number }): PixelRect => [b.x0, b.y0, b.x1, b.y1];

/** Tesseract's blocks → lines of words of symbols, confidences in 0..1. */
function toLines(page: Tesseract.Page): OcrLine[] {
  const lines: OcrLine[] = [];
  for (const block of page.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        const words = line.words
          .filter((w) => w.text.trim() !== '')
          .map((w) => ({
            text: w.text,
            confidence: w.confidence / 100,
            bbox: box(w.bbox),
            symbols: w.symbols.filter((s) => s.text.trim() !== '').map((s) => ({ text: s.text, confidence: s.confidence / 100, bbox: box(s.bbox) })),
          }));
        if (words.length > 0) lines.push({ text: line.text, confidence: line.confidence / 100, bbox: box(line.bbox), words });
      }
    }
  }
  return lines;
}

/** Read the text of an image (a cell, a line): lines of words with boxes in the image's pixels. Throws ExtractError OCR_FAILED. */
export async function recognize(img: GrayImage, opts: RecognizeOptions): Promise<OcrLine[]> {
  const slot = await acquire(opts.model ?? 'best');
  const t0 = performance.now();
  try {
    // Parameters passed with an image are saved and restored around it by tesseract.js, which
    // costs more than reading a short cell; the worker keeps them instead, set when they change.
    const params: Record<string, string> = {
      tessedit_pageseg_mode: opts.psm,
      user_defined_dpi: String(Math.round(opts.dpi ?? 300)),
      tessedit_char_whitelist: opts.whitelist ?? '',
    };
    const changed = Object.fromEntries(Object.entries(params).filter(([k, v]) => slot.params[k] !== v));
    if (Object.keys(changed).length > 0) {
      slot.params = {};
      await slot.worker.setParameters(changed as Partial<Tesseract.WorkerParams>);
      slot.params = params;
    }
    const result = await slot.worker.recognize(Buffer.from(grayToPgm(img)), {}, { blocks: true, text: false });
    return toLines(result.data);
  } catch (e) {
    const reason = String((e as Error)?.message ?? e) + (lastError ? ` (${String(lastError)})` : '');
    throw new ExtractError('OCR_FAILED', `OCR of a ${img.width}×${img.height} image failed: ${reason}`, { cause: e });
  } finally {
    stats.calls++;
    stats.ms += performance.now() - t0;
    stats.pixels += img.width * img.height;
    release(slot);
  }
}

/**
 * End every OCR worker of this thread. Call it when no extraction is running (the batch: at the
 * end, or when a worker thread is told to shut down); safe to call more than once; a later
 * recognize starts a new pool.
 */
export async function shutdownOcr(): Promise<void> {
  if (idleTimer) {
    clearTimeout(idleTimer);
    idleTimer = null;
  }
  const ending = slots;
  slots = [];
  waiting = [];
  await Promise.all(
    ending.map(async ({ slot }) => {
      try {
        await (await slot).worker.terminate();
      } catch {
        // a worker that failed to start or is already gone has nothing to end
      }
    }),
  );
}
