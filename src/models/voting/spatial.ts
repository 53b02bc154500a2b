/**
 * Spatial electorates: voters and candidates are points in a 2-D issue space, and a voter ranks
 * candidates by Euclidean distance (nearer is better), as in the spatial models that Merrill
 * (1988) and Yee (2006) use to compare rules.
 */
import { createRng, normal, uniform } from '../random.ts';
import type { ApprovalBallot } from './approval.ts';
import type { Ballot } from './ballots.ts';

/** A point of the issue space. */
export type SpatialPoint = { readonly x: number; readonly y: number };

/** A named candidate standing at a point of the issue space. */
export type SpatialCandidate = { readonly name: string; readonly x: number; readonly y: number };

/** A rectangle of the issue space. */
export type SpatialBounds = {
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
};

/** The unit square, the default issue space. */
export const UNIT_SQUARE: SpatialBounds = { xMin: 0, xMax: 1, yMin: 0, yMax: 1 };

function checkPoints(points: readonly SpatialPoint[], name: string, caller: string): void {
  if (!Array.isArray(points)) throw new TypeError(`${caller}: ${name} must be an array of points { x, y }`);
  points.forEach((p, i) => {
    if (p === null || typeof p !== 'object' || !Number.isFinite(p.x) || !Number.isFinite(p.y)) {
      throw new RangeError(`${caller}: ${name}[${i}] must have finite x and y`);
    }
  });
}

function checkCandidates(candidates: readonly SpatialCandidate[], caller: string): void {
  checkPoints(candidates, 'candidates', caller);
  if (candidates.length === 0) throw new RangeError(`${caller}: candidates must not be empty`);
  if (new Set(candidates.map((c) => c.name)).size !== candidates.length) {
    throw new RangeError(`${caller}: candidates must have distinct names`);
  }
}

/**
 * Returns each voter's ranking of the candidates by distance (equal distances keep the candidates'
 * input order), identical rankings merged into one ballot.
 */
export function spatialBallots(voters: readonly SpatialPoint[], candidates: readonly SpatialCandidate[]): Ballot[] {
  checkPoints(voters, 'voters', 'spatialBallots');
  checkCandidates(candidates, 'spatialBallots');
  const byKey = new Map<string, { ranking: string[]; count: number }>();
  const order = candidates.map((_, i) => i);
  const dist = new Float64Array(candidates.length);
  for (const v of voters) {
    candidates.forEach((c, i) => {
      dist[i] = (c.x - v.x) ** 2 + (c.y - v.y) ** 2;
    });
    order.sort((i, j) => dist[i]! - dist[j]! || i - j);
    const key = order.join(',');
    const found = byKey.get(key);
    if (found) found.count++;
    else byKey.set(key, { ranking: order.map((i) => candidates[i]!.name), count: 1 });
  }
  return [...byKey.values()];
}

/** Returns approval ballots: each voter approves every candidate within `radius` (inclusive) of it. */
export function spatialApprovalBallots(
  voters: readonly SpatialPoint[],
  candidates: readonly SpatialCandidate[],
  radius: number,
): ApprovalBallot[] {
  checkPoints(voters, 'voters', 'spatialApprovalBallots');
  checkCandidates(candidates, 'spatialApprovalBallots');
  if (!(radius >= 0) || !Number.isFinite(radius)) {
    throw new RangeError(`spatialApprovalBallots: radius must be a finite number >= 0, got ${radius}`);
  }
  return voters.map((v) => ({
    approved: candidates.filter((c) => Math.hypot(c.x - v.x, c.y - v.y) <= radius).map((c) => c.name),
  }));
}

function checkVoterCount(voters: unknown, caller: string): number {
  if (typeof voters !== 'number' || !Number.isSafeInteger(voters) || voters < 0) {
    throw new RangeError(`${caller}: voters must be a non-negative integer, got ${String(voters)}`);
  }
  return voters;
}

function checkSeed(seed: unknown, caller: string): number {
  if (typeof seed !== 'number' || !Number.isFinite(seed))
    throw new RangeError(`${caller}: seed must be a finite number, got ${String(seed)}`);
  return seed;
}

/** Returns `voters` points drawn from a round Gaussian cloud with the given centre and standard deviation `spread`. */
export function gaussianElectorate(options: {
  voters: number;
  center: SpatialPoint;
  spread: number;
  seed: number;
}): SpatialPoint[] {
  const caller = 'gaussianElectorate';
  const n = checkVoterCount(options.voters, caller);
  checkPoints([options.center], 'center', caller);
  if (!(options.spread >= 0) || !Number.isFinite(options.spread)) {
    throw new RangeError(`${caller}: spread must be a finite number >= 0, got ${options.spread}`);
  }
  const rng = createRng(checkSeed(options.seed, caller));
  return Array.from({ length: n }, () => ({
    x: normal(rng, options.center.x, options.spread),
    y: normal(rng, options.center.y, options.spread),
  }));
}

/** Returns `voters` points uniform on `bounds` (default the unit square). */
export function uniformElectorate(options: { voters: number; seed: number; bounds?: SpatialBounds }): SpatialPoint[] {
  const caller = 'uniformElectorate';
  const n = checkVoterCount(options.voters, caller);
  const b = options.bounds ?? UNIT_SQUARE;
  if (![b.xMin, b.xMax, b.yMin, b.yMax].every(Number.isFinite) || !(b.xMin < b.xMax && b.yMin < b.yMax)) {
    throw new RangeError(`${caller}: bounds must be finite with xMin < xMax and yMin < yMax`);
  }
  const rng = createRng(checkSeed(options.seed, caller));
  return Array.from({ length: n }, () => ({ x: uniform(rng, b.xMin, b.xMax), y: uniform(rng, b.yMin, b.yMax) }));
}
