import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../output/atomic-write.ts';
import type { DeclarationRecord } from '../schema/record.ts';
import { APP_JS } from './assets/app-js.ts';
import { indexHtml } from './assets/index-html.ts';
import { STYLE_CSS } from './assets/style-css.ts';
import { ReviewError } from './errors.ts';
import { renderPageImages } from './page-images.ts';
import { readOutputErrors, readOutputRecords } from './read-output.ts';
import { newSeed, sampleRecords } from './sample.ts';
import { buildSiteData, pagesOfRecord, siteWarnings, type PageImages, type SiteData, type SiteSelection } from './site-data.ts';
import { DEFAULT_DPI } from './defaults.ts';

/**
 * `shenbao review`: a static site (index.html, data.js, assets/, pages/) that shows an output
 * folder's records beside the page regions they were read from. It opens from disk: no server,
 * no network; the data is a script, not fetched JSON.
 */

export interface ReviewOptions {
  /** Where to write the site (default: <outDir>/review). */
  siteDir?: string;
  /** Show a random sample of this many records. */
  sample?: number;
  /** The sample's seed (default: a new one, returned in the result). */
  seed?: string;
  /** Show only records with warnings (before sampling). */
  warningsOnly?: boolean;
  /** Page image resolution (default 120). */
  dpi?: number;
  /** What relative `source.file` paths are relative to (default: the current folder). */
  pdfRoot?: string;
  /** The time to stamp the review with (default: now). */
  now?: Date;
}

export interface ReviewResult {
  siteDir: string;
  indexHtml: string;
  records: number;
  total: number;
  selection: SiteSelection;
  pagesRendered: number;
  pagesReused: number;
  /** PDFs that gave no page images, and why. */
  notes: string[];
}

export { DEFAULT_DPI };

/** Marks a folder as a review site, so a later review may replace its files. */
const MARKER = '.shenbao-review';

/** A site folder may be written when it is new, empty, or an earlier review. */
async function claimSiteDir(siteDir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(siteDir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') throw new ReviewError('SITE_DIR_NOT_OURS', `${siteDir} is a file; choose another --site folder.`);
    throw e;
  }
  if (names.length > 0 && !names.includes(MARKER)) {
    throw new ReviewError('SITE_DIR_NOT_OURS', `${siteDir} already holds files that are not a shenbao review; choose another --site folder.`);
  }
}

/** Which records to show, and how they were chosen. */
export function selectRecords(all: readonly DeclarationRecord[], options: Pick<ReviewOptions, 'sample' | 'seed' | 'warningsOnly'>): { selected: DeclarationRecord[]; selection: SiteSelection } {
  let pool = [...all];
  if (options.warningsOnly) pool = pool.filter((r) => siteWarnings(r).length > 0);
  if (options.sample === undefined) {
    return { selected: pool, selection: { kind: options.warningsOnly ? 'warnings-only' : 'all', total: all.length } };
  }
  if (!Number.isInteger(options.sample) || options.sample < 1) throw new ReviewError('SAMPLE_INVALID', `the sample size must be a whole number ≥ 1, not ${options.sample}`);
  const seed = options.seed ?? newSeed();
  return {
    selected: sampleRecords(pool, options.sample, seed),
    selection: { kind: options.warningsOnly ? 'sample-of-warnings' : 'sample', total: all.length, sample: { size: options.sample, seed } },
  };
}

/** data.js: the site data as a script (a page opened from disk may not fetch JSON). */
export const dataScript = (data: SiteData): string =>
  `window.SHENBAO_REVIEW = ${JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')};\n`;

export async function buildReviewSite(outDir: string, options: ReviewOptions = {}): Promise<ReviewResult> {
  const siteDir = path.resolve(options.siteDir ?? path.join(outDir, 'review'));
  const all = await readOutputRecords(outDir);
  const failedFiles = await readOutputErrors(outDir);
  const { selected, selection } = selectRecords(all, options);
  await claimSiteDir(siteDir);
  await writeFileAtomic(path.join(siteDir, MARKER), 'This folder is a review site written by `shenbao review`; a new review replaces its files.\n');

  const dpi = options.dpi ?? DEFAULT_DPI;
  const images = await renderPageImages(
    selected.map((r) => ({ file: r.source.file, sha256: r.source.sha256, pages: pagesOfRecord(r) })),
    { siteDir, dpi, pdfRoot: path.resolve(options.pdfRoot ?? '.') },
  );
  const imagesOf = (r: DeclarationRecord): PageImages => {
    const forPdf = images.images.get(r.source.sha256);
    const wanted = pagesOfRecord(r);
    if (!forPdf) return { pages: wanted.map((page) => ({ page, image: null, width: null, height: null })), note: 'No page image.' };
    return { pages: forPdf.pages.filter((p) => wanted.includes(p.page)), note: forPdf.note };
  };
  const data = buildSiteData({
    all,
    selected,
    selection,
    outDir: path.resolve(outDir),
    generatedAt: (options.now ?? new Date()).toISOString(),
    failedFiles,
    imagesOf,
  });
  await writeFileAtomic(path.join(siteDir, 'assets', 'app.js'), APP_JS);
  await writeFileAtomic(path.join(siteDir, 'assets', 'style.css'), STYLE_CSS);
  await writeFileAtomic(path.join(siteDir, 'data.js'), dataScript(data));
  const index = path.join(siteDir, 'index.html');
  await writeFileAtomic(index, indexHtml(`shenbao review · ${path.basename(path.resolve(outDir))}`));
  return {
    siteDir,
    indexHtml: index,
    records: selected.length,
    total: all.length,
    selection,
    pagesRendered: images.rendered,
    pagesReused: images.reused,
    notes: images.notes,
  };
}
