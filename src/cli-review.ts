import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { OutputLockedError } from './batch/output-lock.ts';
import { applyCorrections, appliedLogPath } from './review/apply-corrections.ts';
import { DEFAULT_DPI } from './review/defaults.ts';
import { parseCorrectionsText, type CorrectionProblem } from './review/corrections-format.ts';
import { ReviewError } from './review/errors.ts';
import { newSeed } from './review/sample.ts';

/** The command-line side of `shenbao review` and `shenbao apply`: arguments, messages, exit codes. */

export const REVIEW_HELP = `  shenbao review <output dir> [--sample N [--seed S]] [--warnings-only] [--site DIR] [--dpi N] [--pdf-root DIR]
      Write a static review site (default: <output dir>/review/index.html; open it from disk) that
      shows every record's values beside the page regions they were read from, with its warnings.
      --sample N           a random sample of N records for QA; --seed S draws the same sample again
      --warnings-only      only records with warnings
      --site DIR           where to write the site
      --dpi N              page image resolution (default: ${DEFAULT_DPI})
      --pdf-root DIR       what the records' relative PDF paths are relative to (default: .)
  shenbao apply <output dir> <corrections.json>
      Merge the corrections exported by the review page into the records (keeping each field's
      original reading, who decided and when) and rewrite the output folder. Applying the same
      file again changes nothing. Exit status: 0 applied, 1 refused (nothing written), 2 usage.
`;

const usage = (message: string): number => {
  process.stderr.write(`shenbao: ${message}\n\nUsage:\n${REVIEW_HELP}`);
  return 2;
};

const failure = (e: unknown): number => {
  if (e instanceof ReviewError || e instanceof OutputLockedError) {
    process.stderr.write(`shenbao: ${e.code}: ${e.message}\n`);
    return 1;
  }
  throw e;
};

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options });
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** A path as short as it can be said: relative to the current folder when inside it. */
const shortPath = (p: string) => {
  const rel = path.relative('.', p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
};

export async function reviewCommand(args: string[]): Promise<number> {
  const parsed = parse(args, {
    sample: { type: 'string' },
    seed: { type: 'string' },
    'warnings-only': { type: 'boolean', default: false },
    site: { type: 'string' },
    dpi: { type: 'string' },
    'pdf-root': { type: 'string' },
  });
  if ('error' in parsed) return usage(parsed.error);
  const { values, positionals } = parsed as { values: Record<string, string | boolean | undefined>; positionals: string[] };
  if (positionals.length !== 1) return usage('review takes exactly one output folder');
  let sample: number | undefined;
  if (values.sample !== undefined) {
    sample = Number(values.sample);
    if (!Number.isInteger(sample) || sample < 1) return usage('--sample takes a whole number ≥ 1');
  } else if (values.seed !== undefined) return usage('--seed goes with --sample');
  let dpi: number | undefined;
  if (values.dpi !== undefined) {
    dpi = Number(values.dpi);
    if (!Number.isInteger(dpi) || dpi < 36 || dpi > 600) return usage('--dpi takes a whole number from 36 to 600');
  }
  const seed = sample !== undefined ? ((values.seed as string | undefined) ?? newSeed()) : undefined;
  try {
    const { buildReviewSite } = await import('./review/build-site.ts'); // pdf.js, only when a site is built
    const result = await buildReviewSite(positionals[0]!, {
      ...(values.site !== undefined ? { siteDir: values.site as string } : {}),
      ...(sample !== undefined ? { sample, seed: seed! } : {}),
      warningsOnly: values['warnings-only'] === true,
      ...(dpi !== undefined ? { dpi } : {}),
      ...(values['pdf-root'] !== undefined ? { pdfRoot: values['pdf-root'] as string } : {}),
    });
    for (const note of result.notes) process.stderr.write(`shenbao: ${note}\n`);
    const which = result.selection.sample
      ? `a sample of ${result.records} of ${result.total} records${values['warnings-only'] ? ' with warnings' : ''} (--seed ${result.selection.sample.seed} draws it again)`
      : `${result.records} of ${result.total} records`;
    process.stdout.write(
      `shenbao: review of ${which}; ${result.pagesRendered} page image(s) drawn, ${result.pagesReused} reused → ${shortPath(result.indexHtml)}\n`,
    );
    return 0;
  } catch (e) {
    return failure(e);
  }
}

const describe = (p: CorrectionProblem) => `  ${p.code}${p.recordId ? ` ${p.recordId}` : ''}${p.field ? ` ${p.field}` : ''}: ${p.message}`;

export async function applyCommand(args: string[]): Promise<number> {
  const parsed = parse(args, {});
  if ('error' in parsed) return usage(parsed.error);
  const { positionals } = parsed;
  if (positionals.length !== 2) return usage('apply takes an output folder and a corrections.json');
  const [outDir, correctionsPath] = positionals as [string, string];
  let text: string;
  try {
    text = await readFile(correctionsPath, 'utf8');
  } catch (e) {
    process.stderr.write(`shenbao: CORRECTIONS_UNREADABLE: cannot read ${correctionsPath} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
    return 1;
  }
  const file = parseCorrectionsText(text);
  if (!file.ok) {
    process.stderr.write(`shenbao: ${correctionsPath} is not a corrections file; nothing was applied:\n${file.problems.map(describe).join('\n')}\n`);
    return 1;
  }
  try {
    const result = await applyCorrections(outDir, file.file);
    if (!result.ok) {
      process.stderr.write(`shenbao: ${result.problems.length} correction(s) cannot be applied; nothing was written:\n${result.problems.map(describe).join('\n')}\n`);
      return 1;
    }
    const extra = [
      result.alreadyApplied ? `${result.alreadyApplied} already applied` : '',
      result.superseded ? `${result.superseded} superseded by later decisions` : '',
    ].filter(Boolean).join(', ');
    process.stdout.write(
      `shenbao: applied ${result.applied} of ${file.file.corrections.length} decision(s)${extra ? ` (${extra})` : ''}; ` +
        `${result.changedRecords} record(s) changed${result.changedRecords ? ` → ${outDir}` : ''}\n`,
    );
    if (result.applied > 0) process.stdout.write(`shenbao: kept in ${appliedLogPath(outDir)} (apply it again after a new extract)\n`);
    return 0;
  } catch (e) {
    return failure(e);
  }
}
