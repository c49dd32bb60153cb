/**
 * An independent sample family: the truth records laid out as HTML tables and printed to PDF by
 * headless Chromium (a different layout engine from the pdfkit samples, and not tuned to the extractor).
 *
 *   npx tsx scripts/make-html-samples.ts [--truth path/to/truth-2024.json] [--out samples/html]
 *
 * Needs Debian's Chromium and CJK fonts on the generating machine only
 * (apt-get install -y chromium fonts-arphic-uming fonts-wqy-zenhei); the PDFs are committed.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { documentHtml, formToHtml } from './html-samples/form-html.ts';
import { groupsToIndicators, indicatorsToGroups } from './html-samples/indicator-rows.ts';
import type { TruthRecord } from './samples/truth.ts';
import { VARIANTS } from './html-samples/variants.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const { values: args } = parseArgs({
  options: {
    truth: { type: 'string', default: 'samples/truth-2024.json' },
    out: { type: 'string', default: 'samples/html' },
    html: { type: 'boolean', default: false }, // also write the .html next to each PDF, for debugging
  },
});

/** The printed indicator block must read back as exactly the record's indicators, in order. */
function checkRoundTrip(r: TruthRecord): void {
  const back = groupsToIndicators(indicatorsToGroups(r.indicators));
  const a = JSON.stringify(back);
  const b = JSON.stringify(r.indicators.map(({ period, level1, level2, name, value }) => ({ period, level1, level2, name, value })));
  if (a !== b) throw new Error(`${r.projectName}: indicator block does not read back as the record`);
}

async function main(): Promise<void> {
  const records = JSON.parse(await readFile(args.truth!, 'utf8')) as TruthRecord[];
  records.forEach(checkRoundTrip);
  const outDir = path.resolve(args.out!);
  await mkdir(outDir, { recursive: true });

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    console.log(`Chromium ${browser.version()}`);
    const manifest: Array<{ file: string; kind: 'vector'; records: TruthRecord[] }> = [];
    for (const v of VARIANTS) {
      const html = documentHtml(records.map((r) => formToHtml(r, v.form)), v.css);
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
        const file = `${v.name}.pdf`;
        await writeFile(path.join(outDir, file), pdf);
        if (args.html) await writeFile(path.join(outDir, `${v.name}.html`), html);
        manifest.push({ file, kind: 'vector', records });
        console.log(`${file}: ${(pdf.length / 1024).toFixed(0)} KB`);
      } finally {
        await page.close();
      }
    }
    await writeFile(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
