import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | null;

const cells = (rows: readonly (readonly CsvValue[])[]) => rows.map((r) => r.map((v) => (v === null ? '' : v)));

/** CSV rows to append to a document: CRLF line ends, fields quoted only when they must be, null empty. */
export const csvRows = (rows: readonly (readonly CsvValue[])[]): string =>
  rows.length === 0 ? '' : stringify(cells(rows), { record_delimiter: 'windows' });

/**
 * A CSV document: UTF-8 with a byte-order mark (so spreadsheet programs read the Chinese right),
 * then the header and the rows.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return stringify([header, ...cells(rows)], { bom: true, record_delimiter: 'windows' });
}
