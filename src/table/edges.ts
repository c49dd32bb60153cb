import type { Edge } from '../pdf/types.ts';

/** Rules closer than this (pt) are one rule: double rules, hairline offsets, cells a few points off. */
export const SNAP_TOLERANCE_PT = 3;
/** Collinear pieces with gaps up to this (pt) are one rule: dotted, dashed and broken lines. */
export const JOIN_TOLERANCE_PT = 3;
/** Rules shorter than this (pt) after joining are not table rules (ticks, glyph parts). */
export const MIN_EDGE_LENGTH_PT = 4;

/** Cluster edges of one orientation by position and move each to its cluster's mean. */
export function snapEdges(edges: readonly Edge[], tolerance = SNAP_TOLERANCE_PT): Edge[] {
  const out: Edge[] = [];
  for (const orientation of ['h', 'v'] as const) {
    const sorted = edges.filter((e) => e.orientation === orientation).sort((a, b) => a.position - b.position);
    let cluster: Edge[] = [];
    const flush = () => {
      if (cluster.length === 0) return;
      const mean = cluster.reduce((s, e) => s + e.position, 0) / cluster.length;
      for (const e of cluster) out.push({ ...e, position: mean });
      cluster = [];
    };
    for (const e of sorted) {
      const last = cluster[cluster.length - 1];
      if (last && e.position - last.position > tolerance) flush();
      cluster.push(e);
    }
    flush();
  }
  return out;
}

/** Join collinear edges (same orientation and position) that overlap or nearly touch. */
export function joinEdges(edges: readonly Edge[], tolerance = JOIN_TOLERANCE_PT): Edge[] {
  const groups = new Map<string, Edge[]>();
  for (const e of edges) {
    const key = `${e.orientation}:${e.position}`;
    const g = groups.get(key);
    if (g) g.push(e);
    else groups.set(key, [e]);
  }
  const out: Edge[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) => a.start - b.start);
    let current: Edge | undefined;
    for (const e of group) {
      if (current && e.start <= current.end + tolerance) {
        current.end = Math.max(current.end, e.end);
      } else {
        if (current) out.push(current);
        current = { ...e };
      }
    }
    if (current) out.push(current);
  }
  return out;
}

/** The page's edges made ready for intersection: snapped, joined, short ones dropped. */
export function cleanEdges(edges: readonly Edge[]): Edge[] {
  const normalized = edges.map((e) => (e.start <= e.end ? e : { ...e, start: e.end, end: e.start }));
  return joinEdges(snapEdges(normalized)).filter((e) => e.end - e.start >= MIN_EDGE_LENGTH_PT);
}
