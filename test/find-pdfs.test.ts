import test from 'ava';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { findPdfs } from '../src/find-pdfs.ts';
import { tempDir } from './helpers/temp-dir.ts';

test('folders are walked in name order; only PDFs are taken, whatever the case of their extension', async (t) => {
  const dir = await tempDir(t, 'shenbao-find-');
  await mkdir(path.join(dir, 'b'));
  for (const f of ['b/2.pdf', 'a.PDF', 'notes.txt', 'c.pdf']) await writeFile(path.join(dir, f), '%PDF-1.4');
  t.deepEqual(await findPdfs([dir]), ['a.PDF', 'b/2.pdf', 'c.pdf'].map((f) => path.join(dir, f)));
});

test('links are followed: to a PDF, to a folder, and a folder reached twice (a link back up the tree) is walked once', async (t) => {
  const dir = await tempDir(t, 'shenbao-find-');
  const store = path.join(dir, 'store');
  const work = path.join(dir, 'work');
  await mkdir(store);
  await mkdir(work);
  await writeFile(path.join(store, 'x.pdf'), '%PDF-1.4');
  await symlink(path.join(store, 'x.pdf'), path.join(work, 'linked.pdf'));
  await symlink(store, path.join(work, 'store-link'));
  await symlink(work, path.join(work, 'loop'));
  t.deepEqual(await findPdfs([work]), [path.join(work, 'linked.pdf'), path.join(work, 'store-link', 'x.pdf')]);
});

test('a link to a PDF that points nowhere is kept, to fail with its reason; a path that does not exist too', async (t) => {
  const dir = await tempDir(t, 'shenbao-find-');
  await symlink(path.join(dir, 'gone.pdf'), path.join(dir, 'dangling.pdf'));
  t.deepEqual(await findPdfs([dir, path.join(dir, 'missing.pdf')]), [path.join(dir, 'dangling.pdf'), path.join(dir, 'missing.pdf')]);
});
