import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ExecutionContext } from 'ava';

/** Remove a temporary folder and everything in it; a folder already gone is fine. */
export const removeDir = (dir: string): Promise<void> => rm(dir, { recursive: true, force: true });

/**
 * A fresh temporary folder named `prefix` + random letters, removed when the test ends, passed or
 * failed (each run would otherwise leave its folders in /tmp).
 */
export async function tempDir(t: ExecutionContext, prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  t.teardown(() => removeDir(dir));
  return dir;
}
