import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The PDFs named by the user: files as given, folders walked recursively (sorted, so every run
 * sees the same order). A path that does not exist is returned as is, to fail with its reason.
 */
export async function findPdfs(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && /\.pdf$/i.test(e.name)) out.push(p);
    }
  };
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (info?.isDirectory()) await walk(input);
    else out.push(input);
  }
  return [...new Set(out)];
}
