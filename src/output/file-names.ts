import { createHash } from 'node:crypto';
import path from 'node:path';

const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;
const MAX_NAME_CHARS = 80;

/** A string made safe as one path segment on every common file system, kept readable. */
export function sanitizeName(name: string, fallback = 'untitled'): string {
  const cleaned = name.replace(UNSAFE, '_').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  const short = [...cleaned].slice(0, MAX_NAME_CHARS).join('').trim();
  return short.length > 0 ? short : fallback;
}

/**
 * The output folder of each input PDF: its base name without extension. Inputs that share a base
 * name (a/x.pdf and b/x.pdf) each get a short hash of their resolved path, so neither overwrites
 * the other.
 */
export function pdfFolderNames(files: readonly string[]): Map<string, string> {
  const base = (f: string) => sanitizeName(path.basename(f).replace(/\.pdf$/i, ''), 'document');
  const counts = new Map<string, number>();
  for (const f of files) counts.set(base(f), (counts.get(base(f)) ?? 0) + 1);
  const names = new Map<string, string>();
  for (const f of files) {
    const b = base(f);
    const clash = (counts.get(b) ?? 0) > 1;
    names.set(f, clash ? `${b}-${createHash('sha256').update(path.resolve(f)).digest('hex').slice(0, 8)}` : b);
  }
  return names;
}

/** `<NN>-<project name>` for the form at 1-based index in its file. */
export function recordFileStem(formIndex: number, projectName: string | null): string {
  return `${String(formIndex).padStart(2, '0')}-${sanitizeName(projectName ?? '', 'untitled')}`;
}
