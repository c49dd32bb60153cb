import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

const isPdfName = (name: string) => /\.pdf$/i.test(name);

/**
 * The PDFs named by the user: files as given, folders walked recursively (sorted, so every run
 * sees the same order). Symbolic links are followed (archives link files into working folders);
 * a folder reached twice, through a link back up the tree or another link to it, is walked once.
 * A path that does not exist, or a link to a PDF that points nowhere, is returned as is, to fail
 * with its reason.
 */
export async function findPdfs(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walked = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    const real = await realpath(dir);
    if (walked.has(real)) return;
    walked.add(real);
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      const target = e.isSymbolicLink() ? await stat(p).catch(() => null) : e;
      if (target?.isDirectory()) await walk(p);
      else if ((target === null || target.isFile()) && isPdfName(e.name)) out.push(p);
    }
  };
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (info?.isDirectory()) await walk(input);
    else out.push(input);
  }
  return [...new Set(out)];
}
