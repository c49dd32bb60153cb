/**
 * Prints truth records to one PDF through the HTML family (scripts/html-samples/) and headless
 * Chromium, with a drawn stylesheet. Each form gets its year's indicator skeleton, or only the
 * categories it uses.
 */
import { writeFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { documentHtml, formToHtml } from '../html-samples/form-html.ts';
import type { TruthRecord } from '../samples/truth.ts';
import type { Variant } from '../html-samples/variants.ts';
import { skeletonOf } from './skeleton.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

export async function writeHtmlFile(
  browser: Browser,
  path: string,
  v: Variant,
  records: readonly TruthRecord[],
  emptyCategories: boolean,
  htmlPath?: string,
): Promise<void> {
  const forms = records.map((r) => formToHtml(r, { ...v.form, skeleton: skeletonOf(r, emptyCategories) }));
  const html = documentHtml(forms, v.css);
  if (htmlPath) await writeFile(htmlPath, html);
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready');
    const pdf = await page.pdf({
      format: v.pdf.format,
      landscape: v.pdf.landscape,
      margin: v.pdf.margin,
      printBackground: true,
      displayHeaderFooter: v.pdf.footerTemplate !== undefined,
      headerTemplate: '<span></span>',
      footerTemplate: v.pdf.footerTemplate ?? '<span></span>',
    });
    await writeFile(path, pdf);
  } finally {
    await page.close();
  }
}
