#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { OutputLockedError } from './batch/output-lock.ts';
import { runBatch } from './batch/run-batch.ts';
import { formatSummary, progressReporter, type ProgressMode } from './cli-progress.ts';
import { findPdfs } from './find-pdfs.ts';
import type { OcrMode } from './ocr/page-decision.ts';
import type { PageLayout } from './table/types.ts';
import { ExtractError } from './errors.ts';
import { VERSION } from './version.ts';
import { applyCommand, reviewCommand, REVIEW_HELP } from './cli-review.ts';

const HELP = `shenbao: PDFs of 项目支出绩效目标申报表 into validated records

Usage:
  shenbao extract <pdf or folder>... [options]
      Read every PDF (folders are walked) and write DIR (default: output):
        records.jsonl                   every record, one per line
        <pdf name>/<NN>-<project>.json  each form's record; .csv the same field by field
        projects.csv, funding.csv, indicators.csv   flat tables keyed by recordId
        errors.jsonl                    each file that could not be read, with a code and reason
      Files finished by an earlier run into the same DIR (same content) are reused, so a run that
      was stopped resumes where it was; the outputs are rewritten when every file is done.
      --out DIR            output folder (default: output)
      --concurrency N      files read at once, each in a worker thread (default: the cores)
      --force              read every file again, even those an earlier run finished
      --file-timeout S     stop a file that goes S seconds without finishing a page (default: 600)
      --max-memory MB      stop a file that needs more heap than MB (default: 2048)
      --ocr MODE           auto (default): OCR pages without a usable text layer; always; never
      --quiet              no progress, only failures and the summary
      --json-log           progress as JSON lines on stderr, for machines
      Exit status: 0 all files read, 1 some file failed, 2 usage error, 130 interrupted.
  shenbao tables <pdf> [--json] [--ocr MODE]
      Print the ruled tables reconstructed on each page, with cell boxes (to debug a layout).
${REVIEW_HELP}  shenbao --help | --version
`;

class UsageError extends Error {}


function formatTables(layouts: PageLayout[]): string {
  const out: string[] = [];
  for (const page of layouts) {
    out.push(`page ${page.pageNumber} (${page.width.toFixed(0)}×${page.height.toFixed(0)} pt): ${page.tables.length} table(s)`);
    for (const line of page.freeLines) out.push(`  text [${line.box.map((v) => v.toFixed(1)).join(', ')}] ${line.text}`);
    page.tables.forEach((t, ti) => {
      out.push(`  table ${ti + 1}: ${t.ys.length - 1} rows × ${t.xs.length - 1} columns, box [${t.box.map((v) => v.toFixed(1)).join(', ')}]`);
      for (const c of t.cells) {
        const span = c.rowSpan > 1 || c.colSpan > 1 ? ` span ${c.rowSpan}×${c.colSpan}` : '';
        out.push(`    r${c.row} c${c.col}${span} [${c.box.map((v) => v.toFixed(1)).join(', ')}] ${c.text}`);
      }
    });
  }
  return out.join('\n');
}

function ocrMode(value: string): OcrMode {
  if (value !== 'auto' && value !== 'always' && value !== 'never') throw new UsageError('--ocr takes auto, always or never');
  return value;
}

async function runTables(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, ocr: { type: 'string', default: 'auto' } },
  });
  if (positionals.length !== 1) throw new UsageError('tables takes exactly one PDF');
  const ocr = ocrMode(values.ocr);
  const data = new Uint8Array(await readFile(positionals[0]!));
  // loaded here, not at start: pdf.js and the OCR engine are big, and `extract` reads PDFs in worker threads
  const [{ readLayouts }, { shutdownOcr }] = await Promise.all([import('./pipeline.ts'), import('./ocr/engine.ts')]);
  const { layouts } = await readLayouts(data, { ocr }).finally(shutdownOcr);
  if (values.json) {
    const slim = layouts.map((p) => ({ ...p, tables: p.tables.map((t) => ({ ...t, cells: t.cells.map(({ chars: _chars, ...c }) => c) })) }));
    process.stdout.write(JSON.stringify(slim, null, 2) + '\n');
  } else process.stdout.write(formatTables(layouts) + '\n');
  return 0;
}

async function runExtract(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'output' },
      concurrency: { type: 'string', default: String(availableParallelism()) },
      force: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      'json-log': { type: 'boolean', default: false },
      'file-timeout': { type: 'string', default: '600' },
      'max-memory': { type: 'string', default: '2048' },
      ocr: { type: 'string', default: 'auto' },
    },
  });
  if (positionals.length === 0) throw new UsageError('extract needs at least one PDF or folder');
  const whole = (name: string, value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} takes a whole number ≥ 1`);
    return n;
  };
  const concurrency = whole('concurrency', values.concurrency);
  const fileTimeoutMs = whole('file-timeout', values['file-timeout']) * 1000;
  const memoryMb = whole('max-memory', values['max-memory']);
  const ocr = ocrMode(values.ocr);
  if ((await findPdfs(positionals)).length === 0) throw new UsageError(`no PDF found under ${positionals.join(', ')}`);

  const mode: ProgressMode = values['json-log'] ? 'json' : values.quiet ? 'quiet' : process.stderr.isTTY ? 'bar' : 'lines';
  // First Ctrl-C: finish the files in flight and stop (a re-run resumes); second: stop now.
  const abort = new AbortController();
  const onSignal = () => {
    if (abort.signal.aborted) process.exit(130);
    process.stderr.write('\nshenbao: stopping after the files in flight (Ctrl-C again to stop now)\n');
    abort.abort();
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  try {
    const summary = await runBatch(positionals, {
      outDir: values.out,
      concurrency,
      force: values.force,
      fileTimeoutMs,
      memoryMb,
      pipeline: { ocr },
      signal: abort.signal,
      onEvent: progressReporter(mode, process.stderr),
    });
    process.stdout.write(formatSummary(summary, path.resolve(values.out)));
    if (!summary.complete) return 130;
    return summary.failed > 0 ? 1 : 0;
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '--version' || command === '-v') {
      process.stdout.write(VERSION + '\n');
      return 0;
    }
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(HELP);
      return command ? 0 : 2;
    }
    if (command === 'extract') return await runExtract(rest);
    if (command === 'tables') return await runTables(rest);
    if (command === 'review') return await reviewCommand(rest);
    if (command === 'apply') return await applyCommand(rest);
    throw new UsageError(`unknown command "${command}"`);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`shenbao: ${(e as Error).message}\n\n${HELP}`);
      return 2;
    }
    if (e instanceof ExtractError || e instanceof OutputLockedError) {
      process.stderr.write(`shenbao: ${e.code}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
