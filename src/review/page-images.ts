import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../output/atomic-write.ts';
import { withDocument } from '../pdf/open-document.ts';
import { renderPage } from '../pdf/render-page.ts';
import type { PageImages, SitePage } from './site-data.ts';

/**
 * The page images of a review: each page that a reviewed record's boxes are on, rendered once
 * per PDF content (sha256) into <site>/pages/, as PNG. A PDF that is gone or has changed since
 * extraction gives no images and a note saying so; the record view then draws boxes on a blank page.
 */

export const PAGES_DIR = 'pages';

export interface PageRequest {
  /** The PDF path as the record gives it (source.file). */
  file: string;
  sha256: string;
  pages: readonly number[];
}

export interface PageImageOptions {
  siteDir: string;
  /** Pixels per inch of the images. */
  dpi: number;
  /** What relative `source.file` paths are relative to (the folder extract ran in). */
  pdfRoot: string;
}

export interface PageImageResult {
  /** By sha256 of the PDF. */
  images: Map<string, PageImages>;
  rendered: number;
  reused: number;
  /** One line per PDF that gave no images. */
  notes: string[];
}

const imageName = (sha256: string, page: number, dpi: number) => `${PAGES_DIR}/${sha256.slice(0, 16)}-p${page}-${dpi}dpi.png`;

const exists = async (file: string) => (await stat(file).catch(() => null))?.isFile() ?? false;

/** The bytes of the first of `files` (resolved against pdfRoot) that holds this content, or why none does. */
async function findPdf(files: readonly string[], sha256: string, pdfRoot: string): Promise<{ data: Uint8Array } | { note: string }> {
  const reasons: string[] = [];
  for (const file of files) {
    const full = path.resolve(pdfRoot, file);
    let data: Uint8Array;
    try {
      data = new Uint8Array(await readFile(full));
    } catch (e) {
      reasons.push(`${file} cannot be read at ${full} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      continue;
    }
    if (createHash('sha256').update(data).digest('hex') === sha256) return { data };
    reasons.push(`${file} at ${full} has changed since it was extracted (its sha256 differs)`);
  }
  return { note: `No page image: ${reasons.join('; ')}. The boxes are drawn on a blank page.` };
}

export async function renderPageImages(requests: readonly PageRequest[], options: PageImageOptions): Promise<PageImageResult> {
  const bySha = new Map<string, { files: string[]; pages: Set<number> }>();
  for (const r of requests) {
    const entry = bySha.get(r.sha256) ?? { files: [], pages: new Set<number>() };
    if (!entry.files.includes(r.file)) entry.files.push(r.file);
    for (const p of r.pages) entry.pages.add(p);
    bySha.set(r.sha256, entry);
  }
  const pagesDir = path.join(options.siteDir, PAGES_DIR);
  await mkdir(pagesDir, { recursive: true });
  const result: PageImageResult = { images: new Map(), rendered: 0, reused: 0, notes: [] };
  const keep = new Set<string>();
  for (const [sha256, { files, pages }] of bySha) {
    const wanted = [...pages].sort((a, b) => a - b);
    const blank = (note: string): PageImages => ({ pages: wanted.map((page) => ({ page, image: null, width: null, height: null })), note });
    const found = await findPdf(files, sha256, options.pdfRoot);
    if ('note' in found) {
      result.images.set(sha256, blank(found.note));
      result.notes.push(found.note);
      continue;
    }
    try {
      const sitePages = await withDocument(found.data, async (doc) => {
        const out: SitePage[] = [];
        for (const n of wanted) {
          if (n > doc.numPages) {
            out.push({ page: n, image: null, width: null, height: null });
            continue;
          }
          const page = await doc.getPage(n);
          try {
            const { width, height } = page.getViewport({ scale: 1 });
            const name = imageName(sha256, n, options.dpi);
            const target = path.join(options.siteDir, name);
            keep.add(path.basename(name));
            if (await exists(target)) result.reused++;
            else {
              const rendered = await renderPage(page, options.dpi);
              await writeFileAtomic(target, await rendered.canvas.encode('png'));
              result.rendered++;
            }
            out.push({ page: n, image: name, width, height });
          } finally {
            page.cleanup();
          }
        }
        return out;
      });
      result.images.set(sha256, { pages: sitePages, note: sitePages.some((p) => !p.image) ? 'Some pages of the form are not in the PDF.' : null });
    } catch (e) {
      const note = `No page image: ${files[0]} could not be drawn (${(e as Error).message}). The boxes are drawn on a blank page.`;
      result.images.set(sha256, blank(note));
      result.notes.push(note);
    }
  }
  // Images of an earlier review that this one does not show.
  for (const name of await readdir(pagesDir)) {
    if (name.endsWith('.png') && !keep.has(name)) await rm(path.join(pagesDir, name), { force: true });
  }
  return result;
}
