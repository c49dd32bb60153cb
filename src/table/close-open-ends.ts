import type { Edge } from '../pdf/types.ts';
import { SNAP_TOLERANCE_PT } from './edges.ts';

/**
 * Close tables that a page break left open. Browsers and some office suites draw only the slice
 * of a table that fits on a page: the rows split by the break get their side rules but no rule
 * where the page cuts them, so the cells at the cut never close and their text is lost. Where
 * parallel rules end at the same place and at least one ends in the air (no crossing rule), the
 * missing crossing rule is drawn between them.
 */

interface End {
  edge: Edge;
  /** Where the edge ends, along its own direction. */
  at: number;
  open: boolean;
}

const crosses = (e: Edge, at: number, position: number, tol: number) =>
  Math.abs(e.position - at) <= tol && e.start - tol <= position && position <= e.end + tol;

/** Two parallel rules belong together when one perpendicular rule crosses both, or they run alongside. */
function related(a: Edge, b: Edge, perpendicular: readonly Edge[], tol: number): boolean {
  const lo = Math.min(a.position, b.position);
  const hi = Math.max(a.position, b.position);
  if (perpendicular.some((p) => p.start - tol <= lo && hi <= p.end + tol && p.position >= Math.max(a.start, b.start) - tol && p.position <= Math.min(a.end, b.end) + tol)) return true;
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return overlap >= 0.5 * Math.min(a.end - a.start, b.end - b.start);
}

function closingEdges(edges: readonly Edge[], orientation: 'h' | 'v', tol: number): Edge[] {
  const parallel = edges.filter((e) => e.orientation === orientation);
  const perpendicular = edges.filter((e) => e.orientation !== orientation);
  const ends: End[] = parallel.flatMap((edge) =>
    [edge.start, edge.end].map((at) => ({ edge, at, open: !perpendicular.some((p) => crosses(p, at, edge.position, tol)) })),
  );
  ends.sort((a, b) => a.at - b.at);
  const added: Edge[] = besideLongerNeighbour(ends, parallel, perpendicular, orientation, tol);
  // Ends at the same place (within tolerance), side by side along the missing rule.
  for (let i = 0; i < ends.length; ) {
    let j = i + 1;
    while (j < ends.length && ends[j]!.at - ends[j - 1]!.at <= tol) j++;
    const group = ends.slice(i, j).sort((a, b) => a.edge.position - b.edge.position);
    i = j;
    if (!group.some((e) => e.open)) {
      added.push(...gapClosings(group, perpendicular, orientation, tol));
      continue;
    }
    const at = group.reduce((s, e) => s + e.at, 0) / group.length;
    let run: End[] = [group[0]!];
    const flush = () => {
      if (run.length >= 2 && run.some((e) => e.open)) {
        added.push({ orientation: orientation === 'h' ? 'v' : 'h', position: at, start: run[0]!.edge.position, end: run[run.length - 1]!.edge.position });
      }
    };
    for (const end of group.slice(1)) {
      if (related(run[run.length - 1]!.edge, end.edge, perpendicular, tol)) run.push(end);
      else {
        flush();
        run = [end];
      }
    }
    flush();
  }
  return added;
}

/**
 * Ends that all meet a crossing rule can still leave the cell between two of them open: a browser
 * draws the rule under each cut cell of a page's last row but not under one that goes on to the
 * next page, so the crossing rules at the cut go off outwards from that cell and none runs
 * between its two side rules. Two neighbouring ends with no crossing rule anywhere between them
 * are closed by one.
 */
function gapClosings(group: readonly End[], perpendicular: readonly Edge[], orientation: 'h' | 'v', tol: number): Edge[] {
  const added: Edge[] = [];
  for (let k = 0; k + 1 < group.length; k++) {
    const a = group[k]!;
    const b = group[k + 1]!;
    if (b.edge.position - a.edge.position <= 2 * tol) continue;
    const at = (a.at + b.at) / 2;
    const covered = perpendicular.some((p) => Math.abs(p.position - at) <= tol && p.start < b.edge.position - tol && p.end > a.edge.position + tol);
    // The two must be the sides of one column: some crossing rule elsewhere spans from one to the other.
    const lo = Math.max(a.edge.start, b.edge.start) - tol;
    const hi = Math.min(a.edge.end, b.edge.end) + tol;
    const column = perpendicular.some(
      (p) => p.start <= a.edge.position + tol && p.end >= b.edge.position - tol && p.position >= lo && p.position <= hi && Math.abs(p.position - at) > tol,
    );
    if (covered || !column) continue;
    added.push({ orientation: orientation === 'h' ? 'v' : 'h', position: at, start: a.edge.position, end: b.edge.position });
  }
  return added;
}

/**
 * A rule that ends in the air beside a neighbour that runs on: the cell between them was cut by the
 * page where the shorter rule ends (a browser may draw one merged cell of the page's last row, such
 * as 绩效指标, further down than the rows beside it). Closed between the two, where it ends.
 */
function besideLongerNeighbour(ends: readonly End[], parallel: readonly Edge[], perpendicular: readonly Edge[], orientation: 'h' | 'v', tol: number): Edge[] {
  const added: Edge[] = [];
  for (const end of ends) {
    if (!end.open) continue;
    const { edge, at } = end;
    for (const side of [-1, 1]) {
      const near = parallel
        .filter((n) => (n.position - edge.position) * side > 2 * tol && n.start < at + tol && n.end > at - tol)
        .sort((a, b) => Math.abs(a.position - edge.position) - Math.abs(b.position - edge.position))[0];
      if (!near || !(near.start < at - tol && near.end > at + tol)) continue;
      const [lo, hi] = side > 0 ? [edge.position, near.position] : [near.position, edge.position];
      const covered = perpendicular.some((p) => Math.abs(p.position - at) <= tol && p.start < hi - tol && p.end > lo + tol);
      const column = perpendicular.some(
        (p) => p.start <= lo + tol && p.end >= hi - tol && p.position >= Math.max(edge.start, near.start) - tol && p.position <= Math.min(edge.end, near.end) + tol && Math.abs(p.position - at) > tol,
      );
      if (!covered && column) added.push({ orientation: orientation === 'h' ? 'v' : 'h', position: at, start: lo, end: hi });
    }
  }
  return added;
}

/**
 * A column rule that stops at an inner corner: the crossing rule goes off to one side only while
 * on the other side the next parallel rule runs on past the corner. The cell on that side was cut
 * by the page and never closed; its outer rule shows where the page cut it. The stopped rule is
 * carried on to there and the cut is drawn between the two.
 */
function cornerClosings(edges: readonly Edge[], orientation: 'h' | 'v', tol: number): Edge[] {
  const parallel = edges.filter((e) => e.orientation === orientation);
  const perpendicular = edges.filter((e) => e.orientation !== orientation);
  const added: Edge[] = [];
  for (const edge of parallel) {
    for (const [at, beyond] of [[edge.end, 1], [edge.start, -1]] as const) {
      const crossing = perpendicular.filter((p) => crosses(p, at, edge.position, tol));
      if (crossing.length === 0) continue; // an open end: closingEdges handles it
      const reachesBefore = crossing.some((p) => p.start < edge.position - tol);
      const reachesAfter = crossing.some((p) => p.end > edge.position + tol);
      if (reachesBefore === reachesAfter) continue; // a T or a cross: an ordinary junction
      const side = reachesAfter ? -1 : 1; // the side the crossing rule does not go to
      // The next rule on that side that comes up to the corner; it must run on past it (when it
      // stops there too, the cut cell between them is closed by closingEdges, not carried on).
      const neighbour = parallel
        .filter((n) => (n.position - edge.position) * side > tol && (beyond > 0 ? n.start < at - tol && n.end >= at - tol : n.end > at + tol && n.start <= at + tol))
        .sort((a, b) => Math.abs(a.position - edge.position) - Math.abs(b.position - edge.position))[0];
      if (!neighbour || (beyond > 0 ? neighbour.end <= at + tol : neighbour.start >= at - tol)) continue; // the outer corner of a table
      const cut = beyond > 0 ? neighbour.end : neighbour.start;
      added.push({ ...edge, start: Math.min(at, cut), end: Math.max(at, cut) });
      added.push({ orientation: edge.orientation === 'h' ? 'v' : 'h', position: cut, start: Math.min(edge.position, neighbour.position), end: Math.max(edge.position, neighbour.position) });
    }
  }
  return added;
}

/** The edges plus the rules that close page-cut tables. Expects snapped and joined edges. */
export function closeOpenEnds(edges: readonly Edge[], tolerance = SNAP_TOLERANCE_PT): Edge[] {
  return [
    ...edges,
    ...closingEdges(edges, 'v', tolerance),
    ...closingEdges(edges, 'h', tolerance),
    ...cornerClosings(edges, 'v', tolerance),
    ...cornerClosings(edges, 'h', tolerance),
  ];
}
