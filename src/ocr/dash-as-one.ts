import type { PageChar } from '../pdf/types.ts';
import type { Cell } from '../table/types.ts';
import { glyphsAsRead, isHan, isOcrCell } from './cell-glyphs.ts';
import type { TextFix } from './correct-text.ts';

/** What the model reads the stroke of `一` as, when it does not read it as `一`. */
const DASHES = new Set(['-', '‐', '‑', '‒', '–', '—', '―', '－']);
/** A clause starts after these (or at a line's start): `。一是依…`. */
const CLAUSE_MARK = /^[。，,；;：:、！!？?（(“‘]$/u;
/** The dashes' span in line heights (an ideograph's em): `一` fills about one; `——` two. */
const ONE_EM = { min: 0.6, max: 1.4 } as const;

/**
 * `一` read as one or two hyphens (`要。--是依`: a thin stroke broken in the middle): a run of
 * one or two dashes that spans about one ideograph's em, between an ideograph or a clause mark
 * before it and an ideograph after it, is `一`. Ranges and codes (`2023-2025`, `231-山西省`)
 * have a digit beside the dash; a real dash in a text is `——`, two ems. The text with `一`,
 * the glyphs read for it (`dropped`) and the one put in their place (`added`); null when none.
 */
export function checkDashAsOne(cell: Cell): (TextFix & { dropped: PageChar[]; added: PageChar[] }) | null {
  if (!isOcrCell(cell)) return null;
  const aligned = glyphsAsRead(cell);
  if (!aligned) return null;
  const text = [...aligned.text];
  const dropped: PageChar[] = [];
  const added: PageChar[] = [];
  const gone = new Set<number>();
  aligned.lines.forEach((line, li) => {
    const glyphs = aligned.glyphs.filter((g) => g.line === li);
    const em = Math.max(...line.chars.map((c) => c.box[3])) - Math.min(...line.chars.map((c) => c.box[1]));
    for (let i = 0; i < glyphs.length; i++) {
      if (!DASHES.has(glyphs[i]!.text)) continue;
      let end = i;
      while (end + 1 < glyphs.length && DASHES.has(glyphs[end + 1]!.text)) end++;
      const run = glyphs.slice(i, end + 1);
      const [before, after] = [glyphs[i - 1], glyphs[end + 1]];
      i = end;
      if (run.length > 2 || !after || !isHan(after.text) || (before && !isHan(before.text) && !CLAUSE_MARK.test(before.text))) continue;
      const [x0, x1] = [Math.min(...run.map((g) => g.ch.box[0])), Math.max(...run.map((g) => g.ch.box[2]))];
      if (x1 - x0 < ONE_EM.min * em || x1 - x0 > ONE_EM.max * em) continue;
      const first = run[0]!.ch;
      const one: PageChar = { ...first, text: '一', box: [x0, Math.min(...run.map((g) => g.ch.box[1])), x1, Math.max(...run.map((g) => g.ch.box[3]))], confidence: Math.min(...run.map((g) => g.ch.confidence ?? 1)) };
      text[run[0]!.at] = '一';
      for (const g of run.slice(1)) gone.add(g.at);
      dropped.push(...run.map((g) => g.ch));
      added.push(one);
    }
  });
  if (added.length === 0) return null;
  return { text: text.filter((_, i) => !gone.has(i)).join(''), rule: 'dash-as-one', dropped, added };
}
