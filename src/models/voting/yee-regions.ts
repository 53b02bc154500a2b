/**
 * Reading a Yee diagram: who wins where, how much of the plane each candidate wins, and which
 * candidates are squeezed out even when the voters gather around them (Yee 2006).
 */
import { UNIT_SQUARE, type SpatialBounds, type SpatialPoint } from './spatial.ts';
import type { YeeDiagram } from './yee.ts';

function checkPoint(p: SpatialPoint, name: string, caller: string): void {
  if (p === null || typeof p !== 'object' || !Number.isFinite(p.x) || !Number.isFinite(p.y)) {
    throw new RangeError(`${caller}: ${name} must have finite x and y`);
  }
}

function checkDiagram(diagram: YeeDiagram, caller: string): void {
  const { resolution, rowStart, rowEnd, winners } = diagram;
  if (
    !Number.isInteger(resolution) ||
    resolution < 1 ||
    !Number.isInteger(rowStart) ||
    !Number.isInteger(rowEnd) ||
    rowStart < 0 ||
    rowEnd > resolution ||
    rowStart > rowEnd ||
    !Array.isArray(winners) ||
    winners.length !== (rowEnd - rowStart) * resolution
  ) {
    throw new RangeError(
      `${caller}: diagram must have (rowEnd − rowStart) × resolution winners, as yeeDiagram returns`,
    );
  }
}

/**
 * Returns the index of the candidate nearest to `point` (Euclidean), or −1 when two are equally
 * near (up to rounding): the Condorcet winner of any centrally symmetric electorate centred at `point`.
 */
export function nearestCandidate(point: SpatialPoint, candidates: readonly SpatialPoint[]): number {
  checkPoint(point, 'point', 'nearestCandidate');
  if (!Array.isArray(candidates) || candidates.length === 0)
    throw new RangeError('nearestCandidate: candidates must be a non-empty array of points');
  let best = -1;
  let bestD = Infinity;
  candidates.forEach((c, i) => {
    checkPoint(c, `candidates[${i}]`, 'nearestCandidate');
    const d = (c.x - point.x) ** 2 + (c.y - point.y) ** 2;
    // Distances equal up to rounding (1e-12 relative) count as a tie: 0.3 and 0.7 are equally far from 0.5.
    if (bestD < Infinity && Math.abs(d - bestD) <= 1e-12 * bestD) best = -1;
    else if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}

/**
 * Returns the winner (candidate index, −1 for a tie) in the diagram's cell that contains `point`
 * (points on the far edges belong to the last cell); throws a RangeError when the point lies
 * outside `bounds` (default the unit square) or in rows the diagram did not compute.
 */
export function yeeWinnerAt(diagram: YeeDiagram, point: SpatialPoint, bounds: SpatialBounds = UNIT_SQUARE): number {
  checkDiagram(diagram, 'yeeWinnerAt');
  checkPoint(point, 'point', 'yeeWinnerAt');
  const { resolution, rowStart, rowEnd } = diagram;
  const fx = (point.x - bounds.xMin) / (bounds.xMax - bounds.xMin);
  const fy = (point.y - bounds.yMin) / (bounds.yMax - bounds.yMin);
  if (!(fx >= 0 && fx <= 1 && fy >= 0 && fy <= 1))
    throw new RangeError(`yeeWinnerAt: point (${point.x}, ${point.y}) lies outside the bounds`);
  const col = Math.min(resolution - 1, Math.floor(fx * resolution));
  const row = Math.min(resolution - 1, Math.floor(fy * resolution));
  if (row < rowStart || row >= rowEnd)
    throw new RangeError(`yeeWinnerAt: row ${row} is outside the computed rows ${rowStart}–${rowEnd - 1}`);
  return diagram.winners[(row - rowStart) * resolution + col]!;
}

/** Shares of the computed cells won by each candidate, and the share of exact ties. */
export type YeeShares = { shares: number[]; ties: number };

/** Returns the share (0 to 1) of the diagram's cells won by each of `candidates` candidates, and the share of ties. */
export function yeeRegionShares(diagram: YeeDiagram, candidates: number): YeeShares {
  checkDiagram(diagram, 'yeeRegionShares');
  if (!Number.isInteger(candidates) || candidates < 1)
    throw new RangeError(`yeeRegionShares: candidates must be an integer >= 1, got ${String(candidates)}`);
  const counts = new Array<number>(candidates).fill(0);
  let ties = 0;
  for (const w of diagram.winners) {
    if (w >= 0 && w < candidates) counts[w]!++;
    else ties++;
  }
  const n = Math.max(1, diagram.winners.length);
  return { shares: counts.map((c) => c / n), ties: ties / n };
}

/**
 * Returns the indices of the candidates who do not win the cell containing their own position:
 * those squeezed out even when the electorate is centred on them, as plurality and instant-runoff
 * do to a candidate between two others; under Condorcet methods it is empty unless two candidates
 * stand within about a cell of each other.
 * @see Yee (2006), Voting Simulation Visualizations.
 */
export function squeezedCandidates(
  diagram: YeeDiagram,
  candidates: readonly SpatialPoint[],
  bounds: SpatialBounds = UNIT_SQUARE,
): number[] {
  if (!Array.isArray(candidates)) throw new TypeError('squeezedCandidates: candidates must be an array of points');
  const out: number[] = [];
  candidates.forEach((c, i) => {
    if (yeeWinnerAt(diagram, c, bounds) !== i) out.push(i);
  });
  return out;
}
