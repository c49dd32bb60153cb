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
  const added: Edge[] = [];
  // Ends at the same place (within tolerance), side by side along the missing rule.
  for (let i = 0; i < ends.length; ) {
    let j = i + 1;
    while (j < ends.length && ends[j]!.at - ends[j - 1]!.at <= tol) j++;
    const group = ends.slice(i, j).sort((a, b) => a.edge.position - b.edge.position);
    i = j;
    if (!group.some((e) => e.open)) continue;
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
      const neighbour = parallel
        .filter((n) => (n.position - edge.position) * side > tol && n.start < at - tol && n.end > at + tol)
        .sort((a, b) => Math.abs(a.position - edge.position) - Math.abs(b.position - edge.position))[0];
      if (!neighbour) continue; // the outer corner of a table
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
