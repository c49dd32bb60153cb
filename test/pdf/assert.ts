import type { ExecutionContext } from 'ava';
import type { Box } from '../../src/geometry.ts';
import type { Edge, PageChar, PageContent } from '../../src/pdf/types.ts';

/** Assert numbers agree within `tol` (pt), naming what differs. */
export function near(t: ExecutionContext, actual: number | undefined, expected: number, what: string, tol = 0.5): void {
  t.true(actual !== undefined && Math.abs(actual - expected) <= tol, `${what}: got ${actual}, expected ${expected} ± ${tol}`);
}

export function nearBox(t: ExecutionContext, actual: Box | undefined, expected: Box, what: string, tol = 0.5): void {
  t.truthy(actual, `${what}: missing`);
  if (!actual) return;
  expected.forEach((v, i) => near(t, actual[i], v, `${what} [${i}] of [${actual.map((n) => n.toFixed(2)).join(', ')}]`, tol));
}

export const textOf = (chars: readonly PageChar[]): string => chars.map((c) => c.text).join('');

/** The glyphs of a page that spell `text`, in drawing order (first occurrence of each). */
export function charsOf(page: PageContent, text: string): PageChar[] {
  const used = new Set<PageChar>();
  return [...text].map((ch) => {
    const c = page.chars.find((p) => p.text === ch && !used.has(p));
    if (c) used.add(c);
    return c as PageChar;
  });
}

const r = (n: number) => Math.round(n * 100) / 100;
/** Edges rounded to 0.01 pt and sorted, for deepEqual. */
export const normEdges = (edges: readonly Edge[]): Edge[] =>
  edges
    .map((e) => ({ orientation: e.orientation, position: r(e.position), start: r(e.start), end: r(e.end) }))
    .sort((a, b) => a.orientation.localeCompare(b.orientation) || a.position - b.position || a.start - b.start);

export const h = (position: number, start: number, end: number): Edge => ({ orientation: 'h', position, start, end });
export const v = (position: number, start: number, end: number): Edge => ({ orientation: 'v', position, start, end });
