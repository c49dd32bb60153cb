/**
 * pdf.js reports what it had to repair or skip (a broken cross-reference table, an unreadable
 * stream, an unknown operator) as console warnings. A thread that reads one document at a time
 * can collect them, so a file pdf.js only partly repaired gives records that say so.
 */

let collecting = false;

/** The pdf.js verbosity for getDocument: warnings while collecting, otherwise errors only (it must not print). */
export const pdfVerbosity = (): number => (collecting ? 1 : 0);

/** Run `fn` with pdf.js warnings collected (deduplicated, in order) instead of printed. */
export async function collectPdfWarnings<T>(fn: () => Promise<T>): Promise<{ value: T; warnings: string[] }> {
  const original = console.warn;
  const warnings = new Set<string>();
  collecting = true;
  console.warn = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (text.startsWith('Warning: ')) warnings.add(text.slice('Warning: '.length));
    else original(...args);
  };
  try {
    return { value: await fn(), warnings: [...warnings] };
  } finally {
    console.warn = original;
    collecting = false;
  }
}
