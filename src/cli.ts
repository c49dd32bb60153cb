#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { extractMany } from './batch.ts';
import { findPdfs } from './find-pdfs.ts';
import { writeBatchOutputs } from './output/write-outputs.ts';
import { readLayouts } from './pipeline.ts';
import type { PageLayout } from './table/types.ts';
import { ExtractError } from './errors.ts';

const HELP = `shenbao: PDFs of 项目支出绩效目标申报表 into validated records

Usage:
  shenbao extract <pdf or folder>... [--out DIR] [--concurrency N] [--quiet]
      Read every PDF (folders are walked) and write DIR (default: output):
        records.jsonl                   every record, one per line
        <pdf name>/<NN>-<project>.json  each form's record; .csv its indicators
        projects.csv, funding.csv, indicators.csv   flat tables keyed by recordId
        errors.jsonl                    each file that could not be read, with a code and reason
      Exit status: 0 all files read, 1 some file failed, 2 usage error.
  shenbao tables <pdf> [--json]
      Print the ruled tables reconstructed on each page, with cell boxes (to debug a layout).
  shenbao --help | --version
`;

class UsageError extends Error {}

const version = (): string =>
  (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

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

async function runTables(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  if (positionals.length !== 1) throw new UsageError('tables takes exactly one PDF');
  const data = new Uint8Array(await readFile(positionals[0]!));
  const { layouts } = await readLayouts(data);
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
      concurrency: { type: 'string', default: '1' },
      quiet: { type: 'boolean', default: false },
    },
  });
  if (positionals.length === 0) throw new UsageError('extract needs at least one PDF or folder');
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError('--concurrency takes a whole number ≥ 1');
  const started = Date.now();
  const files = await findPdfs(positionals);
  if (files.length === 0) throw new UsageError(`no PDF found under ${positionals.join(', ')}`);
  const results = await extractMany(files, {
    concurrency,
    onFile: (r, done, total) => {
      if (values.quiet) return;
      const what = r.ok ? `${r.records.length} record(s)` : `failed: ${r.error.code}: ${r.error.message}`;
      process.stderr.write(`[${done}/${total}] ${r.file}: ${what}\n`);
    },
  });
  const ok = results.filter((r) => r.ok);
  const failed = results.filter((r) => !r.ok);
  await writeBatchOutputs(
    values.out,
    ok.map((r) => ({ path: r.file, records: r.records })),
    failed.map((r) => ({ file: r.file, code: r.error.code, message: r.error.message })),
  );
  const records = ok.flatMap((r) => r.records);
  const byCode = new Map<string, number>();
  for (const rec of records) for (const w of rec.warnings) byCode.set(w.code, (byCode.get(w.code) ?? 0) + 1);
  const warnings = [...byCode].sort().map(([c, n]) => `${c} ${n}`).join(', ');
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `shenbao: ${files.length} file(s), ${records.length} record(s), ${failed.length} failed, ` +
      `warnings: ${warnings || 'none'}; ${seconds}s → ${path.resolve(values.out)}\n`,
  );
  return failed.length > 0 ? 1 : 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '--version' || command === '-v') {
      process.stdout.write(version() + '\n');
      return 0;
    }
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(HELP);
      return command ? 0 : 2;
    }
    if (command === 'extract') return await runExtract(rest);
    if (command === 'tables') return await runTables(rest);
    throw new UsageError(`unknown command "${command}"`);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`shenbao: ${(e as Error).message}\n\n${HELP}`);
      return 2;
    }
    if (e instanceof ExtractError) {
      process.stderr.write(`shenbao: ${e.code}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
