/**
 * A tiny writer of flat OpenDocument spreadsheets (.fods): sheets of rows of cells with merges,
 * cell styles (font, size, weight, alignment, wrap, shrink-to-fit, borders, number format), column
 * widths, row heights, manual page breaks and a page style. Only what a person building the
 * declaration form in a spreadsheet uses. LibreOffice opens it and exports it to PDF.
 */

export interface CellStyle {
  font: string;
  size: number;
  bold?: boolean;
  align?: 'start' | 'center' | 'end';
  valign?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  shrink?: boolean;
  /** e.g. `0.5pt solid #000000`; none when absent. */
  border?: string;
  /** Number format: `#,##0` or `#,##0.00`. */
  format?: '#,##0' | '#,##0.00';
}

export interface SheetCell {
  value: string | number | null;
  style: CellStyle;
  colSpan?: number;
  rowSpan?: number;
}

export interface SheetRow {
  /** Height in points; absent: LibreOffice sizes the row to its content (optimal height). */
  height?: number;
  breakBefore?: boolean;
  /** Cells that start in this row, by column index. */
  cells: Map<number, SheetCell>;
}

export interface Sheet {
  name: string;
  /** Column widths in points. */
  columns: number[];
  rows: SheetRow[];
}

export interface PageSetup {
  width: string;
  height: string;
  landscape: boolean;
  margins: string;
  /** Fit the print to this many pages wide (0: no scaling). */
  fitWidth: number;
  /**
   * Print at this percentage instead (Excel's "adjust to N% of normal size"). LibreOffice 7.4's
   * fit-to-width leaves out the last rows of some sheets, so drawn workbooks scale this way.
   */
  scale?: number;
  header?: 'sheet-name';
  footer?: 'page' | 'page-of';
  /** Font names the styles use (declared as font faces). */
  fonts: string[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

class StyleTable {
  private readonly byKey = new Map<string, string>();
  readonly xml: string[] = [];

  name(style: CellStyle): string {
    const key = JSON.stringify(style);
    let name = this.byKey.get(key);
    if (name) return name;
    name = `ce${this.byKey.size + 1}`;
    this.byKey.set(key, name);
    const data = style.format ? ` style:data-style-name="${style.format === '#,##0' ? 'N0' : 'N2'}"` : '';
    const cell = [
      style.border ? `fo:border="${style.border}"` : 'fo:border="none"',
      `fo:wrap-option="${style.wrap ? 'wrap' : 'no-wrap'}"`,
      `style:vertical-align="${style.valign ?? 'middle'}"`,
      style.shrink ? 'style:shrink-to-fit="true"' : '',
      'fo:padding="0.035cm"',
    ].join(' ');
    const align = style.align ? `<style:paragraph-properties fo:text-align="${style.align}"/>` : '';
    const weight = style.bold ? ' fo:font-weight="bold" style:font-weight-asian="bold"' : '';
    const text = `<style:text-properties style:font-name="${esc(style.font)}" fo:font-size="${style.size}pt" style:font-name-asian="${esc(style.font)}" style:font-size-asian="${style.size}pt"${weight}/>`;
    this.xml.push(`<style:style style:name="${name}" style:family="table-cell" style:parent-style-name="Default"${data}><style:table-cell-properties ${cell}/>${align}${text}</style:style>`);
    return name;
  }
}

function rowXml(row: SheetRow, columns: number, styles: StyleTable, rowStyle: string, covered: Set<string>, r: number): string {
  const out: string[] = [`<table:table-row table:style-name="${rowStyle}">`];
  for (let c = 0; c < columns; c++) {
    const cell = row.cells.get(c);
    if (!cell) {
      out.push(covered.has(`${r}|${c}`) ? '<table:covered-table-cell/>' : '<table:table-cell/>');
      continue;
    }
    const span = [
      cell.colSpan && cell.colSpan > 1 ? ` table:number-columns-spanned="${cell.colSpan}"` : '',
      cell.rowSpan && cell.rowSpan > 1 ? ` table:number-rows-spanned="${cell.rowSpan}"` : '',
    ].join('');
    const style = ` table:style-name="${styles.name(cell.style)}"`;
    if (cell.value === null || cell.value === '') out.push(`<table:table-cell${style}${span}/>`);
    else if (typeof cell.value === 'number') out.push(`<table:table-cell${style}${span} office:value-type="float" office:value="${cell.value}"/>`);
    else out.push(`<table:table-cell${style}${span} office:value-type="string"><text:p>${esc(cell.value)}</text:p></table:table-cell>`);
  }
  out.push('</table:table-row>');
  return out.join('');
}

/** The .fods document for these sheets. */
export function fodsDocument(sheets: Sheet[], page: PageSetup): string {
  const styles = new StyleTable();
  const rowStyles = new Map<string, string>();
  const rowStyle = (row: SheetRow) => {
    const props = [
      row.height !== undefined ? `style:row-height="${row.height.toFixed(2)}pt" style:use-optimal-row-height="false"` : 'style:use-optimal-row-height="true"',
      row.breakBefore ? 'fo:break-before="page"' : '',
    ].join(' ');
    let name = rowStyles.get(props);
    if (!name) rowStyles.set(props, (name = `ro${rowStyles.size + 1}`));
    return name;
  };
  const colStyles = new Map<string, string>();
  const colStyle = (w: number) => {
    const key = w.toFixed(2);
    let name = colStyles.get(key);
    if (!name) colStyles.set(key, (name = `co${colStyles.size + 1}`));
    return name;
  };
  const body = sheets.map((sheet) => {
    const covered = new Set<string>();
    sheet.rows.forEach((row, r) => {
      for (const [c, cell] of row.cells) {
        for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++)
          for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) if (dr || dc) covered.add(`${r + dr}|${c + dc}`);
      }
    });
    const cols = sheet.columns.map((w) => `<table:table-column table:style-name="${colStyle(w)}"/>`).join('');
    const rows = sheet.rows.map((row, r) => rowXml(row, sheet.columns.length, styles, rowStyle(row), covered, r)).join('\n');
    return `<table:table table:name="${esc(sheet.name)}" table:style-name="ta1">${cols}\n${rows}</table:table>`;
  });
  const region = (inner: string) => `<style:region-center><text:p>${inner}</text:p></style:region-center>`;
  const header = page.header === 'sheet-name' ? `<style:header>${region('<text:sheet-name>???</text:sheet-name>')}</style:header>` : '<style:header style:display="false"/>';
  const footer =
    page.footer === 'page'
      ? `<style:footer>${region('第 <text:page-number>1</text:page-number> 页')}</style:footer>`
      : page.footer === 'page-of'
        ? `<style:footer>${region('第 <text:page-number>1</text:page-number> 页，共 <text:page-count>1</text:page-count> 页')}</style:footer>`
        : '<style:footer style:display="false"/>';
  const fit = page.scale ? ` style:scale-to="${page.scale}%"` : page.fitWidth > 0 ? ` style:scale-to-X="${page.fitWidth}" style:scale-to-Y="0"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:font-face-decls>${page.fonts.map((f) => `<style:font-face style:name="${esc(f)}" svg:font-family="${esc(f)}"/>`).join('')}</office:font-face-decls>
<office:automatic-styles>
<number:number-style style:name="N0"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
<number:number-style style:name="N2"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
<style:style style:name="ta1" style:family="table" style:master-page-name="Default"><style:table-properties table:display="true"/></style:style>
${[...colStyles].map(([w, n]) => `<style:style style:name="${n}" style:family="table-column"><style:table-column-properties style:column-width="${w}pt"/></style:style>`).join('\n')}
${[...rowStyles].map(([p, n]) => `<style:style style:name="${n}" style:family="table-row"><style:table-row-properties ${p}/></style:style>`).join('\n')}
${styles.xml.join('\n')}
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="${page.width}" fo:page-height="${page.height}" style:print-orientation="${page.landscape ? 'landscape' : 'portrait'}" fo:margin="${page.margins}" style:print="objects charts drawings zero-values"${fit}/><style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.25cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.25cm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Default" style:page-layout-name="pm1">${header}${footer}</style:master-page></office:master-styles>
<office:body><office:spreadsheet>
${body.join('\n')}
</office:spreadsheet></office:body></office:document>
`;
}
