/** A printed amount in yuan: `1,700,000` → 1700000, blank → null; anything else is unreadable. */
export function readAmount(text: string): { value: number | null; readable: boolean } {
  const s = text.replace(/[\s,，]/g, '').replace(/元$/, '');
  if (s === '') return { value: null, readable: true };
  if (/^-?\d+(\.\d+)?$/.test(s)) return { value: Number(s), readable: true };
  return { value: null, readable: false };
}

/** `231-山西省地方金融监督管理局` (or `231 …`, `…(231)`, `231山西省…`) → code and name; other text is the name whole. */
export function readDepartment(text: string): { code: string | null; name: string | null } {
  if (!text) return { code: null, name: null };
  const dashed = /^\s*([0-9A-Za-z]+)\s*[-－—–_]\s*(.+?)\s*$/.exec(text);
  if (dashed) return { code: dashed[1]!, name: dashed[2]! };
  const bracketed = /^\s*(.+?)\s*[（(]\s*([0-9A-Za-z]+)\s*[)）]\s*$/.exec(text);
  if (bracketed) return { code: bracketed[2]!, name: bracketed[1]! };
  const spaced = /^\s*(\d+)\s+(.+?)\s*$/.exec(text);
  if (spaced) return { code: spaced[1]!, name: spaced[2]! };
  // no name starts with digits: a code run into it (its dash lost to a scan, or read as 一) is still a code
  const joined = /^\s*(\d{2,})一?(\p{Script=Han}.*?)\s*$/u.exec(text);
  if (joined) return { code: joined[1]!, name: joined[2]! };
  return { code: null, name: text };
}
