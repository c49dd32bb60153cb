/**
 * A tiny writer of flat OpenDocument text documents (.fodt): per form, a few paragraphs (title,
 * year) and one table with merged cells, as a person builds the form in Word/WPS/Writer. The word
 * processor sizes rows to their text and, by default, lets a row break across pages.
 */
import type { CellStyle, PageSetup, SheetRow } from './fods.ts';

export interface Paragraph {
  text: string;
  style: CellStyle;
  /** Start a new page before this paragraph. */
  pageBreak?: boolean;
}

export interface TextForm {
  paragraphs: Paragraph[];
  /** Column widths in points. */
  columns: number[];
  rows: SheetRow[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

class Styles {
  private readonly names = new Map<string, string>();
  readonly xml: string[] = [];

  private add(prefix: string, key: string, make: (name: string) => string): string {
    let name = this.names.get(`${prefix}${key}`);
    if (!name) {
      name = `${prefix}${this.names.size + 1}`;
      this.names.set(`${prefix}${key}`, name);
      this.xml.push(make(name));
    }
    return name;
  }

  paragraph(style: CellStyle, pageBreak = false): string {
    return this.add('P', JSON.stringify([style, pageBreak]), (name) => {
      const weight = style.bold ? ' fo:font-weight="bold" style:font-weight-asian="bold"' : '';
      const brk = pageBreak ? ' fo:break-before="page"' : '';
      return `<style:style style:name="${name}" style:family="paragraph"><style:paragraph-properties fo:text-align="${style.align ?? 'start'}" fo:margin-top="0pt" fo:margin-bottom="0pt"${brk}/><style:text-properties style:font-name="${esc(style.font)}" fo:font-size="${style.size}pt" style:font-name-asian="${esc(style.font)}" style:font-size-asian="${style.size}pt"${weight}/></style:style>`;
    });
  }

  cell(style: CellStyle): string {
    return this.add('C', JSON.stringify([style.border, style.valign]), (name) =>
      `<style:style style:name="${name}" style:family="table-cell"><style:table-cell-properties fo:border="${style.border ?? 'none'}" fo:padding="0.05cm" style:vertical-align="${style.valign ?? 'middle'}"/></style:style>`,
    );
  }

  column(width: number): string {
    return this.add('K', width.toFixed(2), (name) => `<style:style style:name="${name}" style:family="table-column"><style:table-column-properties style:column-width="${width.toFixed(2)}pt"/></style:style>`);
  }
}

const formatAmount = (n: number, format: CellStyle['format']) =>
  n.toLocaleString('en-US', format === '#,##0' ? { maximumFractionDigits: 0 } : { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function tableXml(form: TextForm, k: number, styles: Styles): string {
  const covered = new Set<string>();
  form.rows.forEach((row, r) => {
    for (const [c, cell] of row.cells)
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) if (dr || dc) covered.add(`${r + dr}|${c + dc}`);
  });
  const width = form.columns.reduce((a, b) => a + b, 0);
  const rows = form.rows.map((row, r) => {
    const cells: string[] = [];
    for (let c = 0; c < form.columns.length; c++) {
      const cell = row.cells.get(c);
      if (!cell) {
        cells.push(covered.has(`${r}|${c}`) ? '<table:covered-table-cell/>' : '<table:table-cell/>');
        continue;
      }
      const span = [
        cell.colSpan && cell.colSpan > 1 ? ` table:number-columns-spanned="${cell.colSpan}"` : '',
        cell.rowSpan && cell.rowSpan > 1 ? ` table:number-rows-spanned="${cell.rowSpan}"` : '',
      ].join('');
      const text = cell.value === null ? '' : typeof cell.value === 'number' ? formatAmount(cell.value, cell.style.format) : cell.value;
      cells.push(
        `<table:table-cell table:style-name="${styles.cell(cell.style)}"${span} office:value-type="string"><text:p text:style-name="${styles.paragraph(cell.style)}">${esc(text)}</text:p></table:table-cell>`,
      );
    }
    return `<table:table-row>${cells.join('')}</table:table-row>`;
  });
  const cols = form.columns.map((w) => `<table:table-column table:style-name="${styles.column(w)}"/>`).join('');
  styles.xml.push(`<style:style style:name="T${k}" style:family="table"><style:table-properties style:width="${width.toFixed(2)}pt" table:align="center"/></style:style>`);
  return `<table:table table:name="Form${k}" table:style-name="T${k}">${cols}\n${rows.join('\n')}</table:table>`;
}

/** The .fodt document for these forms. */
export function fodtDocument(forms: TextForm[], page: PageSetup): string {
  const styles = new Styles();
  const body = forms
    .map((form, k) => {
      const paragraphs = form.paragraphs.map((p) => `<text:p text:style-name="${styles.paragraph(p.style, p.pageBreak)}">${esc(p.text)}</text:p>`);
      return [...paragraphs, tableXml(form, k + 1, styles)].join('\n');
    })
    .join('\n');
  const footer =
    page.footer === 'page'
      ? '<style:footer><text:p text:style-name="Footer">第 <text:page-number text:select-page="current">1</text:page-number> 页</text:p></style:footer>'
      : page.footer === 'page-of'
        ? '<style:footer><text:p text:style-name="Footer">第 <text:page-number text:select-page="current">1</text:page-number> 页 共 <text:page-count>1</text:page-count> 页</text:p></style:footer>'
        : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>${page.fonts.map((f) => `<style:font-face style:name="${esc(f)}" svg:font-family="${esc(f)}"/>`).join('')}</office:font-face-decls>
<office:styles><style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/></style:style></office:styles>
<office:automatic-styles>
${styles.xml.join('\n')}
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="${page.width}" fo:page-height="${page.height}" style:print-orientation="${page.landscape ? 'landscape' : 'portrait'}" fo:margin="${page.margins}"/><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">${footer}</style:master-page></office:master-styles>
<office:body><office:text>
${body}
</office:text></office:body></office:document>
`;
}
