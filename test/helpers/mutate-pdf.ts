/** Seeded damage to PDF bytes, as real files get it: cut short, bytes flipped, objects lost. */

/** mulberry32: a small seeded PRNG, so a failing fuzz case can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
