/**
 * Draws truth records into one PDF with the pdfkit renderer of scripts/samples/ and a given layout.
 * Each form gets its own title, year line and indicator skeleton (its year's categories, or only
 * the categories it uses when the producer leaves empty ones out).
 */
import { createWriteStream } from 'node:fs';
import PDFDocument from 'pdfkit';
import { recordToRows } from '../samples/form-rows.ts';
import type { Layout } from '../samples/layout.ts';
import { FormRenderer } from '../samples/render.ts';
import type { TruthRecord } from '../samples/truth.ts';
import type { FontRole } from '../samples/typeset.ts';
import { Typesetter } from '../samples/typeset.ts';
import { skeletonOf } from './skeleton.ts';

export interface PdfkitOptions {
  /** Print a year's standard level-2 categories even when a form has no indicator in them. */
  emptyCategories: boolean;
  yearLine: (year: number) => string;
}

export async function writePdfkitFile(path: string, layout: Layout, records: readonly TruthRecord[], opts: PdfkitOptions): Promise<number[][]> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    compress: true,
    info: { Producer: 'pdfkit', Creator: `shenbao scripts/make-varied-records.ts (${layout.id})`, CreationDate: new Date('2024-01-15T09:00:00Z') },
  });
  const names = new Map<string, string>();
  const fontNames = {} as Record<FontRole, string>;
  for (const role of ['title', 'label', 'value'] as const) {
    const spec = layout.fonts[role];
    if (!names.has(spec)) {
      const name = `F${names.size + 1}`;
      const [file, postscript] = spec.split('#');
      doc.registerFont(name, file!, postscript);
      names.set(spec, name);
    }
    fontNames[role] = names.get(spec)!;
  }
  const out = createWriteStream(path);
  const done = new Promise<void>((ok, fail) => {
    out.on('finish', ok);
    out.on('error', fail);
  });
  doc.pipe(out);
  const renderer = new FormRenderer(doc, new Typesetter(doc, layout, fontNames), layout);
  try {
    const forms = records.map((r) => {
      const standardCategories = Object.fromEntries(skeletonOf(r, opts.emptyCategories));
      return { rows: recordToRows(r, { ...layout, standardCategories }), title: r.title, subtitle: opts.yearLine(r.year) };
    });
    const placements = renderer.render(forms);
    return placements.map((p) => p.pages);
  } finally {
    doc.end();
    await done;
  }
}
