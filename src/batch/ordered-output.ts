import { ExtractError } from '../errors.ts';
import { OutputWriter } from '../output/write-outputs.ts';
import type { FileResult } from '../pipeline.ts';
import { KeptCorrections } from './reapply-corrections.ts';
import type { ResultStore } from './result-store.ts';

/** Finished files held in memory while an earlier one is still being read; beyond that, re-read from the store. */
const MAX_HELD = 32;

/**
 * The batch's outputs, written while the batch runs, in input order whatever order files finish
 * in: each file goes to the OutputWriter (temporary files) as soon as every file before it is
 * done, so that only the final rename is left when the last one finishes. What finished early
 * waits in memory (a few files) or in the result store (the rest).
 */
export class OrderedOutput {
  /** Per input index: a result, the sha256 of one the store keeps, or null for a repeat of an earlier input. */
  private readonly ready = new Map<number, FileResult | string | null>();
  private held = 0;
  private next = 0;
  private writing: Promise<void> = Promise.resolve();
  private failure: unknown = null;

  private constructor(
    private readonly outDir: string,
    private readonly files: readonly string[],
    private readonly store: ResultStore,
    private readonly writer: OutputWriter,
    private readonly corrections: KeptCorrections,
  ) {}

  static async open(outDir: string, files: readonly string[], store: ResultStore): Promise<OrderedOutput> {
    const corrections = await KeptCorrections.load(outDir);
    return new OrderedOutput(outDir, files, store, await OutputWriter.open(outDir, files), corrections);
  }

  /** File `index` is done: its result (kept in the store when `kept`), or null for a repeat of an earlier input. */
  add(index: number, result: FileResult | null, kept: boolean): void {
    const keepInMemory = result && (!kept || !result.sha256 || this.held < MAX_HELD || index === this.next);
    if (keepInMemory) this.held++;
    this.ready.set(index, result === null ? null : keepInMemory ? result : result.sha256!);
    this.writing = this.writing.then(() => this.drain()).catch((e) => {
      this.failure ??= e;
    });
  }

  private async drain(): Promise<void> {
    if (this.failure) return;
    while (this.ready.has(this.next)) {
      const index = this.next;
      const outcome = this.ready.get(index)!;
      this.ready.delete(index);
      if (outcome !== null && typeof outcome !== 'string') this.held--;
      const file = this.files[index]!;
      const result = typeof outcome === 'string' ? await this.store.get(outcome, file) : outcome;
      if (typeof outcome === 'string' && !result) throw new ExtractError('INTERNAL', `the finished result of ${file} went missing from ${this.outDir}/.shenbao`);
      if (result?.ok) await this.writer.addRecords(file, result.records.map((r) => this.corrections.apply(r)));
      else if (result) await this.writer.addError({ file, code: result.error.code, message: result.error.message });
      this.next++;
    }
  }

  /** Put the outputs in place once every file was added; throws what went wrong while writing them. */
  async commit(): Promise<void> {
    await this.writing;
    if (this.failure) throw this.failure;
    if (this.next !== this.files.length) throw new ExtractError('INTERNAL', `only ${this.next} of ${this.files.length} files reached the outputs`);
    await this.writer.commit();
  }

  /** Leave the previous outputs as they were. */
  async discard(): Promise<void> {
    await this.writing;
    await this.writer.discard();
  }
}
