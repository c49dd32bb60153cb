/**
 * Small PDFs for the reader's tests, built with pdf-lib from raw content streams so that every
 * operator (and so every expected coordinate) is known exactly.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import PDFKitDocument from 'pdfkit';
import { PDFDocument, PDFName, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

const require = createRequire(import.meta.url);
export const CJK_FONT_FILE = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
let cjkBytes: Uint8Array | undefined;
const cjkFontBytes = () => (cjkBytes ??= new Uint8Array(readFileSync(CJK_FONT_FILE)));

/** Helvetica advance widths (1/1000 em) of the characters the tests use. */
export const HELVETICA_WIDTHS: Record<string, number> = { A: 667, B: 667, ' ': 278, '1': 556, '2': 556 };

export interface Fonts {
  /** Resource name of Noto Sans SC (Identity-H, full-width ideographs are 1000 units wide). */
  cjk: string;
  /** Resource name of Helvetica (WinAnsi, one byte per character). */
  helv: string;
  /** A text string operand ("<…>") for the given font. */
  str(text: string, font?: 'cjk' | 'helv'): string;
}

export interface PageSpec {
  /** [width, height] of the media box; default A4 portrait. */
  size?: [number, number];
  /** Media box origin (x, y) when it is not (0, 0). */
  origin?: [number, number];
  rotate?: number;
  /** The raw content stream. */
  content?: (f: Fonts) => string;
  /** Drawing with pdf-lib's API after the raw content (form fields, embedded pages…). */
  draw?: (page: PDFPage, doc: PDFDocument, f: Fonts) => Promise<void> | void;
}

export interface MakeOptions {
  /** Write the CJK font with /Encoding /Identity-V: the same glyphs, set vertically. */
  verticalCjk?: boolean;
}

export async function makePdf(specs: PageSpec[], options: MakeOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  let cjkFont: PDFFont | undefined;
  let helvFont: PDFFont | undefined;
  for (const spec of specs) {
    const [w, h] = spec.size ?? [595, 842];
    const page = doc.addPage([w, h]);
    if (spec.origin) page.setMediaBox(spec.origin[0], spec.origin[1], w, h);
    if (spec.rotate) page.node.set(PDFName.of('Rotate'), doc.context.obj(spec.rotate));
    cjkFont ??= await doc.embedFont(cjkFontBytes(), { subset: true });
    helvFont ??= await doc.embedFont(StandardFonts.Helvetica);
    const fonts: Fonts = {
      cjk: page.node.newFontDictionary('CJK', cjkFont.ref).asString(),
      helv: page.node.newFontDictionary('Helv', helvFont.ref).asString(),
      str: (text, font = 'cjk') => (font === 'cjk' ? cjkFont! : helvFont!).encodeText(text).toString(),
    };
    if (spec.content) {
      const stream = doc.context.stream(spec.content(fonts));
      page.node.addContentStream(doc.context.register(stream));
    }
    await spec.draw?.(page, doc, fonts);
  }
  if (!options.verticalCjk) return doc.save();
  // Without object streams the font dictionary is plain text; the replacement keeps every offset.
  const text = Buffer.from(await doc.save({ useObjectStreams: false })).toString('latin1');
  return new Uint8Array(Buffer.from(text.replaceAll('/Identity-H', '/Identity-V'), 'latin1'));
}

/** A pdfkit PDF (used where pdf-lib cannot: encryption). */
export function makePdfkit(options: ConstructorParameters<typeof PDFKitDocument>[0], draw: (doc: PDFKit.PDFDocument) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFKitDocument(options);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

/** Append a raw content stream to a page (for drawing after pdf-lib's own operators). */
export function appendContent(page: PDFPage, doc: PDFDocument, content: string): void {
  page.node.addContentStream(doc.context.register(doc.context.stream(content)));
}
