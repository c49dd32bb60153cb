import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | null;

/**
 * A CSV document: UTF-8 with a byte-order mark (so spreadsheet programs read the Chinese right),
 * CRLF line ends, every field quoted only when it must be. null is an empty field.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return stringify([header, ...rows.map((r) => r.map((v) => (v === null ? '' : v)))], {
    bom: true,
    record_delimiter: 'windows',
  });
}
