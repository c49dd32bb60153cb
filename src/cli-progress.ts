import type { BatchEvent, BatchSummary } from './batch/run-batch.ts';

/** How the CLI shows a batch: a redrawn bar on a terminal, plain lines elsewhere, JSON for machines. */
export type ProgressMode = 'bar' | 'lines' | 'quiet' | 'json';

const BAR_WIDTH = 24;
const REDRAW_MS = 100;

const duration = (seconds: number): string => {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
};

const byCode = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, n]) => `${code} ${n}`)
    .join(', ') || 'none';

/** The end-of-run report. */
export function formatSummary(s: BatchSummary, outDir: string): string {
  const lines = [
    `shenbao: ${s.files} file(s): ${s.read} read, ${s.reused} reused from an earlier run, ${s.duplicates} duplicate(s); ` +
      `${s.pages} page(s), ${s.records} record(s), ${s.failed} failed; ${duration(s.seconds)}, peak memory ${s.peakMemoryMb} MB` +
      (s.complete ? ` → ${outDir}` : ' (interrupted: outputs left as they were; run again to resume)'),
    `  warnings: ${byCode(s.warningsByCode)}`,
    `  failures: ${byCode(s.failuresByCode)}`,
  ];
  return lines.join('\n') + '\n';
}

/** A listener for runBatch's events that writes progress to `stream` (stderr). */
export function progressReporter(mode: ProgressMode, stream: NodeJS.WriteStream): (event: BatchEvent) => void {
  let started = Date.now();
  let total = 0;
  let done = 0;
  let pages = 0;
  let records = 0;
  let failed = 0;
  let lastDraw = 0;
  let barShown = false;

  const bar = () => {
    const fraction = total === 0 ? 1 : done / total;
    const filled = Math.round(fraction * BAR_WIDTH);
    const elapsed = (Date.now() - started) / 1000;
    const eta = done === 0 ? Infinity : (elapsed / done) * (total - done);
    return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total} files · ${pages} pages · ${records} records · ${failed} failed · ETA ${duration(eta)}`;
  };
  const draw = (force = false) => {
    if (!force && Date.now() - lastDraw < REDRAW_MS) return;
    lastDraw = Date.now();
    stream.write(`\r\x1b[2K${bar()}`);
    barShown = true;
  };
  /** A line above the bar (a failure), or a plain line. */
  const line = (text: string) => {
    if (mode === 'bar' && barShown) stream.write('\r\x1b[2K');
    stream.write(text + '\n');
    if (mode === 'bar') draw(true);
  };

  return (event) => {
    if (mode === 'json') {
      const { type } = event;
      const payload =
        event.type === 'file'
          ? { type, file: event.file, status: event.status, done: event.done, total: event.total, ms: event.ms,
              ...(event.result.ok
                ? { pages: event.result.pageCount, records: event.result.records.length, ids: event.result.records.map((r) => r.id) }
                : { error: event.result.error }) }
          : event;
      stream.write(JSON.stringify({ time: new Date().toISOString(), ...payload }) + '\n');
      return;
    }
    switch (event.type) {
      case 'start':
        started = Date.now();
        total = event.files;
        if (mode === 'bar') draw(true);
        return;
      case 'duplicate':
        done = event.done;
        if (mode !== 'quiet') line(`[${event.done}/${event.total}] ${event.file}: same content as ${event.of}; written once`);
        return;
      case 'file': {
        done = event.done;
        const r = event.result;
        if (r.ok) {
          pages += r.pageCount;
          records += r.records.length;
        } else failed++;
        const what = r.ok ? `${r.records.length} record(s)${event.status === 'reused' ? ' (reused)' : ''}` : `failed ${r.error.code}: ${r.error.message}`;
        if (mode === 'lines' || !r.ok) line(`[${event.done}/${event.total}] ${event.file}: ${what}`);
        else if (mode === 'bar') draw();
        return;
      }
      case 'end':
        if (mode === 'bar' && barShown) stream.write('\r\x1b[2K');
        return;
    }
  };
}
