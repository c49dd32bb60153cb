/** Seeded damage to PDF bytes, as real files get it: cut short, bytes flipped, objects lost. */

/** A seeded PRNG, so a failing fuzz case can be replayed from its seed. */
export { mulberry32 as prng } from '../../src/random.ts';

export type Mutation = 'truncate' | 'flip' | 'delete-object';

export function mutate(pdf: Uint8Array, kind: Mutation, random: () => number): Uint8Array {
  const at = (n: number) => Math.floor(random() * n);
  switch (kind) {
    case 'truncate':
      return pdf.slice(0, at(pdf.length));
    case 'flip': {
      const out = pdf.slice();
      const flips = 1 + at(20);
      for (let i = 0; i < flips; i++) out[at(out.length)] = at(256);
      return out;
    }
    case 'delete-object': {
      // Cut out one "n 0 obj … endobj" whole: the xref then points at the wrong bytes.
      const text = Buffer.from(pdf).toString('latin1');
      const objects = [...text.matchAll(/\d+ \d+ obj[\s\S]*?endobj/g)];
      if (objects.length === 0) return pdf.slice(0, at(pdf.length));
      const victim = objects[at(objects.length)]!;
      return Buffer.from(text.slice(0, victim.index) + text.slice(victim.index! + victim[0].length), 'latin1');
    }
  }
}
