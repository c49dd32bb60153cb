import type { Box } from '../geometry.ts';
import type { Edge } from '../pdf/types.ts';

/** How far (pt) an edge may stop short of another and still be taken to meet it. */
export const INTERSECTION_TOLERANCE_PT = 3;

interface Point {
  x: number;
  y: number;
  /** Indices of the horizontal and vertical edges through this point. */
  h: Set<number>;
  v: Set<number>;
}

const key = (x: number, y: number) => `${x}|${y}`;

/** Every crossing of a horizontal and a vertical edge (edges already snapped, so positions are exact). */
export function edgesToIntersections(edges: readonly Edge[], tol = INTERSECTION_TOLERANCE_PT): Map<string, Point> {
  const points = new Map<string, Point>();
  edges.forEach((h, hi) => {
    if (h.orientation !== 'h') return;
    edges.forEach((v, vi) => {
      if (v.orientation !== 'v') return;
      const crosses =
        v.position >= h.start - tol && v.position <= h.end + tol && h.position >= v.start - tol && h.position <= v.end + tol;
      if (!crosses) return;
      const k = key(v.position, h.position);
      let p = points.get(k);
      if (!p) {
        p = { x: v.position, y: h.position, h: new Set(), v: new Set() };
        points.set(k, p);
      }
      p.h.add(hi);
      p.v.add(vi);
    });
  });
  return points;
}

const shares = (a: Set<number>, b: Set<number>) => {
  for (const i of a) if (b.has(i)) return true;
  return false;
};

/**
 * The smallest rectangles whose four corners are intersections joined by edges
 * (pdfplumber's intersections_to_cells): each becomes one cell, merged cells included.
 */
export function intersectionsToCells(points: Map<string, Point>): Box[] {
  const all = [...points.values()].sort((a, b) => a.y - b.y || a.x - b.x);
  const byX = new Map<number, Point[]>();
  const byY = new Map<number, Point[]>();
  for (const p of all) {
    (byX.get(p.x) ?? byX.set(p.x, []).get(p.x)!).push(p);
    (byY.get(p.y) ?? byY.set(p.y, []).get(p.y)!).push(p);
  }
  const cells: Box[] = [];
  for (const p of all) {
    const below = byX.get(p.x)!.filter((q) => q.y > p.y).sort((a, b) => a.y - b.y);
    const right = byY.get(p.y)!.filter((q) => q.x > p.x).sort((a, b) => a.x - b.x);
    search: for (const b of below) {
      if (!shares(p.v, b.v)) continue;
      for (const r of right) {
        if (!shares(p.h, r.h)) continue;
        const corner = points.get(key(r.x, b.y));
        if (corner && shares(corner.v, r.v) && shares(corner.h, b.h)) {
          cells.push([p.x, p.y, r.x, b.y]);
          break search;
        }
      }
    }
  }
  return cells;
}
