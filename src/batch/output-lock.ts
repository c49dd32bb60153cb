import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export class OutputLockedError extends Error {
  override readonly name = 'OutputLockedError';
  readonly code = 'OUTPUT_LOCKED';
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Claim an output folder for one run at a time: two runs writing the same records.jsonl would
 * each replace the other's. A lock left by a run that was killed (its process is gone) is taken over.
 * Resolves with the function that releases the lock.
 */
export async function lockOutput(outDir: string): Promise<() => Promise<void>> {
  const dir = path.join(outDir, '.shenbao');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'lock');
  for (;;) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      return () => rm(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new OutputLockedError(`${outDir} is being written by another shenbao run (process ${holder}); wait for it or choose another --out.`);
      }
      await rm(file, { force: true }); // stale: its run is gone
    }
  }
}
