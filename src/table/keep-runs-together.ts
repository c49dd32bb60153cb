import type { PageChar } from '../pdf/types.ts';
import type { Cell, Table } from './types.ts';

/** Glyphs set one against the next with a gap under this fraction of the size are one run of text. */
export const RUN_GAP = 0.05;
/** Glyphs share a baseline when their baselines differ by less than this fraction of the size. */
const SAME_BASELINE = 0.1;
/** A glyph straddles a border when more than this fraction of its width lies on each side. */
const STRADDLE = 0.1;

const straddles = (ch: PageChar, cell: Cell) => {
  const tol = STRADDLE * (ch.box[2] - ch.box[0]);
  return ch.box[0] < cell.box[0] - tol || ch.box[2] > cell.box[2] + tol;
};

/** Glyphs of one text item follow each other closer than this fraction of the size. */
const TIGHT = 0.01;

/**
 * A spreadsheet cell that does not wrap lets its text run on past its border: the export writes
 * the run on, cut by a clip at the border (the glyph on the border half printed, the rest not at
 * all), and by position the tail would be read as the start of the next cell's text
 * (`额75,000.00`, `政资金0.00`). Such a run goes whole to the cell that holds most of it.
 *
 * Where a run meets a border, it goes on into the next cell only when the glyph past the border is
 * itself cut by it (`额`), or when the glyph cut by the border runs straight into the next one (one
 * text item: no gap at all). Text that merely ends on the border, followed by the next cell's own
 * text, and one text item whose glyphs the border parts cleanly, are left to positions.
 */
export function keepRunsTogether(table: Table): void {
  const owner = new Map<PageChar, Cell>();
  for (const cell of table.cells) for (const ch of cell.chars) owner.set(ch, cell);
  const chars = [...owner.keys()].sort((a, b) => a.baseline - b.baseline || a.box[0] - b.box[0]);
  const lines: PageChar[][] = [];
  for (const ch of chars) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.baseline - ch.baseline) <= SAME_BASELINE * ch.size) line.push(ch);
    else lines.push([ch]);
  }
  const continues = (prev: PageChar, ch: PageChar): boolean => {
    const gap = ch.box[0] - prev.box[2];
    if (Math.abs(gap) > RUN_GAP * ch.size || Math.abs(prev.size - ch.size) > 0.05 * ch.size) return false;
    const a = owner.get(prev)!;
    const b = owner.get(ch)!;
    if (a === b) return true;
    return straddles(ch, b) || (straddles(prev, a) && Math.abs(gap) <= TIGHT * ch.size);
  };
  const settle = (run: PageChar[]) => {
    if (run.every((ch) => owner.get(ch) === owner.get(run[0]!))) return;
    const whole = new Map<Cell, number>();
    for (const ch of run) if (!straddles(ch, owner.get(ch)!)) whole.set(owner.get(ch)!, (whole.get(owner.get(ch)!) ?? 0) + 1);
    const home = [...whole].sort((a, b) => b[1] - a[1])[0]?.[0] ?? owner.get(run[0]!)!;
    for (const ch of run) {
      const from = owner.get(ch)!;
      if (from === home) continue;
      from.chars.splice(from.chars.indexOf(ch), 1);
      home.chars.push(ch);
      owner.set(ch, home);
    }
  };
  for (const line of lines) {
    line.sort((a, b) => a.box[0] - b.box[0]);
    let run: PageChar[] = [];
    for (const ch of line) {
      const prev = run[run.length - 1];
      if (prev && !continues(prev, ch)) {
        settle(run);
        run = [];
      }
      run.push(ch);
    }
    settle(run);
  }
}
