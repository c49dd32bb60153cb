/** A PDF affine matrix [a, b, c, d, e, f]: (x, y) → (a·x + c·y + e, b·x + d·y + f). */
export type Matrix = [a: number, b: number, c: number, d: number, e: number, f: number];

export const IDENTITY: Readonly<Matrix> = [1, 0, 0, 1, 0, 0];

/**
 * m1 × m2: the matrix that applies m2 first, then m1 (pdf.js `Util.transform`).
 * A `cm` / canvas `transform(t)` turns the CTM into `multiply(ctm, t)`.
 */
export function multiply(m1: Readonly<Matrix>, m2: Readonly<Matrix>): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

export function apply(m: Readonly<Matrix>, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** A matrix from an op argument (array or typed array of 6 numbers), or null when it is not one. */
export function toMatrix(v: unknown): Matrix | null {
  if (v == null || typeof v !== 'object' || !('length' in v)) return null;
  const a = v as ArrayLike<unknown>;
  if (a.length < 6) return null;
  const out: number[] = [];
  for (let i = 0; i < 6; i++) {
    const n = a[i];
    if (typeof n !== 'number' || !Number.isFinite(n)) return null;
    out.push(n);
  }
  return out as Matrix;
}
