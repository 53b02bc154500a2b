/**
 * Yee diagrams: colour each point of a 2-D issue space by the candidate who wins when the
 * electorate is a Gaussian cloud of voters centred there. Runs by row ranges with progress, so a
 * Web Worker can compute a diagram in chunks.
 */
import { createRng, normal } from '../random.ts';
import type { VotingProfile } from './ballots.ts';
import { checkRule, isPairwiseRule, winnerIndices, type RankedRule } from './election.ts';
import { pairwiseCounts } from './pairwise.ts';
import { MAX_ENUMERATED_CANDIDATES, permutationIndex, permutationTable } from './permutations.ts';
import { UNIT_SQUARE, type SpatialBounds, type SpatialPoint } from './spatial.ts';

/** A rule a Yee diagram can draw: a ranked rule, the two-round runoff, or approval by radius. */
export type YeeRule = RankedRule | 'approval';

/** What to draw, and which rows of it; defaults: 201 voters, spread 0.2, seed 0, the unit square, approval radius 0.3, every row. */
export type YeeOptions = {
  /** Candidate positions; the winner of a cell is reported as an index into this array (1 to 8 candidates). */
  readonly candidates: readonly SpatialPoint[];
  readonly rule: YeeRule;
  /** Cells per side: the grid is resolution × resolution. */
  readonly resolution: number;
  /** Voters in each cell's cloud. */
  readonly voters?: number;
  /** Standard deviation of the cloud, in units of the issue space. */
  readonly spread?: number;
  readonly seed?: number;
  readonly bounds?: SpatialBounds;
  /** Approval only: a voter approves every candidate within this distance. */
  readonly approvalRadius?: number;
  /** First row to compute (inclusive), for chunked runs. */
  readonly rowStart?: number;
  /** Row after the last one to compute (exclusive). */
  readonly rowEnd?: number;
  /** Called after each row with the rows done in this run and the rows it covers. */
  readonly onProgress?: (rowsDone: number, rows: number) => void;
};

/** A computed range of rows: `winners[(row − rowStart)·resolution + col]`, −1 where the rule ties. */
export type YeeDiagram = { resolution: number; rowStart: number; rowEnd: number; winners: number[] };

/** The same rows drawn for several rules, keyed by rule. */
export type YeeDiagrams = { resolution: number; rowStart: number; rowEnd: number; winners: Record<string, number[]> };

function fail(name: string, expected: string, got: unknown): never {
  throw new RangeError(`yeeDiagram: ${name} must be ${expected}, got ${String(got)}`);
}

function intOption(value: number | undefined, fallback: number, name: string, min: number, max: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min || v > max) fail(name, `an integer from ${min} to ${max}`, v);
  return v;
}

function numberOption(value: number | undefined, fallback: number, name: string): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v < 0) fail(name, 'a finite number >= 0', v);
  return v;
}

/**
 * Returns the centre of cell (row, col) of a resolution × resolution grid over `bounds`: x grows
 * with the column and y with the row, so row 0 lies along yMin.
 */
export function yeeCellCenter(
  row: number,
  col: number,
  resolution: number,
  bounds: SpatialBounds = UNIT_SQUARE,
): SpatialPoint {
  return {
    x: bounds.xMin + ((col + 0.5) / resolution) * (bounds.xMax - bounds.xMin),
    y: bounds.yMin + ((row + 0.5) / resolution) * (bounds.yMax - bounds.yMin),
  };
}

/** Splits the rows of a diagram into `chunks` contiguous ranges of nearly equal size, for parallel or chunked runs. */
export function yeeRowChunks(resolution: number, chunks: number): { rowStart: number; rowEnd: number }[] {
  intOption(resolution, 0, 'resolution', 1, 4096);
  intOption(chunks, 0, 'chunks', 1, 4096);
  const n = Math.min(chunks, resolution);
  return Array.from({ length: n }, (_, i) => ({
    rowStart: Math.round((i * resolution) / n),
    rowEnd: Math.round(((i + 1) * resolution) / n),
  }));
}

/** Joins chunk results (any order) into the full row-major grid of winners; throws if rows are missing or repeated. */
export function mergeYeeChunks(chunks: readonly YeeDiagram[]): number[] {
  if (chunks.length === 0) throw new RangeError('mergeYeeChunks: chunks must not be empty');
  const resolution = chunks[0]!.resolution;
  const out = new Array<number>(resolution * resolution);
  const covered = new Uint8Array(resolution);
  for (const chunk of chunks) {
    if (chunk.resolution !== resolution)
      throw new RangeError('mergeYeeChunks: every chunk must have the same resolution');
    for (let row = chunk.rowStart; row < chunk.rowEnd; row++) {
      if (covered[row]) throw new RangeError(`mergeYeeChunks: row ${row} appears in two chunks`);
      covered[row] = 1;
    }
    for (let i = 0; i < chunk.winners.length; i++) out[chunk.rowStart * resolution + i] = chunk.winners[i]!;
  }
  const missing = covered.indexOf(0);
  if (missing >= 0) throw new RangeError(`mergeYeeChunks: row ${missing} is missing`);
  return out;
}

/**
 * Returns the winner index per cell for several rules at once, ranking each cloud only once: the
 * cheap way to draw one diagram per rule. Options as for `yeeDiagram`, with `rules` for `rule`.
 */
export function yeeDiagrams(options: Omit<YeeOptions, 'rule'> & { readonly rules: readonly YeeRule[] }): YeeDiagrams {
  const { candidates, rules } = options;
  if (!Array.isArray(candidates)) throw new TypeError('yeeDiagram: candidates must be an array of points { x, y }');
  const m = candidates.length;
  if (m < 1 || m > MAX_ENUMERATED_CANDIDATES)
    fail('candidates', `1 to ${MAX_ENUMERATED_CANDIDATES} points`, `${m} points`);
  candidates.forEach((c, i) => {
    if (c === null || typeof c !== 'object' || !Number.isFinite(c.x) || !Number.isFinite(c.y))
      fail(`candidates[${i}]`, 'a point with finite x and y', JSON.stringify(c));
  });
  if (!Array.isArray(rules) || rules.length === 0) fail('rules', 'a non-empty array', rules);
  for (const rule of rules) if (rule !== 'approval') checkRule(rule, 'yeeDiagram');
  const resolution = intOption(options.resolution, 0, 'resolution', 1, 4096);
  const voters = intOption(options.voters, 201, 'voters', 1, 1_000_000);
  const spread = numberOption(options.spread, 0.2, 'spread');
  const radius = numberOption(options.approvalRadius, 0.3, 'approvalRadius');
  const seed = options.seed ?? 0;
  if (!Number.isFinite(seed)) fail('seed', 'a finite number', seed);
  const bounds = options.bounds ?? UNIT_SQUARE;
  if (
    ![bounds.xMin, bounds.xMax, bounds.yMin, bounds.yMax].every(Number.isFinite) ||
    !(bounds.xMin < bounds.xMax && bounds.yMin < bounds.yMax)
  ) {
    fail('bounds', 'finite with xMin < xMax and yMin < yMax', JSON.stringify(bounds));
  }
  const rowStart = intOption(options.rowStart, 0, 'rowStart', 0, resolution);
  const rowEnd = intOption(options.rowEnd, resolution, 'rowEnd', rowStart, resolution);

  // One cloud of offsets for every cell, so the diagram changes only with the cell's centre.
  // Offsets come in opposite pairs (plus one voter at the centre when the count is odd): the
  // sampled cloud is then exactly centred on the cell and symmetric, which removes sampling drift.
  const rng = createRng(seed);
  const ox = new Float64Array(voters);
  const oy = new Float64Array(voters);
  for (let v = 0; v + 1 < voters; v += 2) {
    const dx = normal(rng) * spread;
    const dy = normal(rng) * spread;
    ox[v] = dx;
    oy[v] = dy;
    ox[v + 1] = -dx;
    oy[v + 1] = -dy;
  }

  const cx = Float64Array.from(candidates, (c) => c.x);
  const cy = Float64Array.from(candidates, (c) => c.y);
  const rankedRules = rules.filter((r): r is RankedRule => r !== 'approval');
  const wantApproval = rules.includes('approval');
  const wantPairwise = rankedRules.some(isPairwiseRule);
  const table = permutationTable(m);
  const orders = table.length / m;
  // Scratch buffers reused across cells; the hot loop below mutates them in place for speed.
  const perOrder = new Int32Array(orders);
  const touched = new Int32Array(Math.min(orders, voters));
  const rankings = new Uint8Array(Math.min(orders, voters) * m);
  const counts = new Float64Array(Math.min(orders, voters));
  const dist = new Float64Array(m);
  const order = new Uint8Array(m);
  const approvals = new Float64Array(m);
  const names = Array.from({ length: m }, (_, i) => String(i));
  const r2 = radius * radius;

  const rows = rowEnd - rowStart;
  const grids = rules.map(() => new Int8Array(rows * resolution));
  const xSpan = bounds.xMax - bounds.xMin;
  const ySpan = bounds.yMax - bounds.yMin;
  for (let row = rowStart; row < rowEnd; row++) {
    const y0 = bounds.yMin + ((row + 0.5) / resolution) * ySpan;
    for (let col = 0; col < resolution; col++) {
      const x0 = bounds.xMin + ((col + 0.5) / resolution) * xSpan;
      let groups = 0;
      approvals.fill(0);
      for (let v = 0; v < voters; v++) {
        const x = x0 + ox[v]!;
        const y = y0 + oy[v]!;
        for (let c = 0; c < m; c++) {
          const ddx = cx[c]! - x;
          const ddy = cy[c]! - y;
          dist[c] = ddx * ddx + ddy * ddy;
          if (wantApproval && dist[c]! <= r2) approvals[c]!++;
        }
        if (rankedRules.length === 0) continue;
        // Insertion sort of candidate indices by distance; equal distances keep index order.
        for (let c = 0; c < m; c++) {
          let k = c;
          while (k > 0 && dist[order[k - 1]!]! > dist[c]!) {
            order[k] = order[k - 1]!;
            k--;
          }
          order[k] = c;
        }
        const o = permutationIndex(order, m);
        if (perOrder[o]!++ === 0) touched[groups++] = o;
      }
      const cell = (row - rowStart) * resolution + col;
      if (rankedRules.length > 0) {
        let total = 0;
        for (let g = 0; g < groups; g++) {
          const o = touched[g]!;
          rankings.set(table.subarray(o * m, o * m + m), g * m);
          counts[g] = perOrder[o]!;
          total += perOrder[o]!;
          perOrder[o] = 0;
        }
        const profile: VotingProfile = { candidates: names, groups, rankings, counts, total };
        const d = wantPairwise ? pairwiseCounts(profile) : undefined;
        rules.forEach((rule, r) => {
          if (rule === 'approval') return;
          const w = winnerIndices(rule, profile, d);
          grids[r]![cell] = w.length === 1 ? w[0]! : -1;
        });
      }
      if (wantApproval) {
        let best = -1;
        let top = -Infinity;
        for (let c = 0; c < m; c++) {
          if (approvals[c]! > top) {
            top = approvals[c]!;
            best = c;
          } else if (approvals[c] === top) best = -1;
        }
        rules.forEach((rule, r) => {
          if (rule === 'approval') grids[r]![cell] = best;
        });
      }
    }
    options.onProgress?.(row - rowStart + 1, rows);
  }
  const winners: Record<string, number[]> = {};
  rules.forEach((rule, r) => {
    winners[rule] = Array.from(grids[r]!);
  });
  return { resolution, rowStart, rowEnd, winners };
}

/**
 * Returns the winner per grid cell (an index into `candidates`, −1 on an exact tie) for rows
 * [rowStart, rowEnd) of a resolution × resolution grid, each cell's electorate a Gaussian cloud
 * of voters centred on it.
 * @see Yee (2006), Voting Simulation Visualizations.
 */
export function yeeDiagram(options: YeeOptions): YeeDiagram {
  const { rule, ...rest } = options;
  const result = yeeDiagrams({ ...rest, rules: [rule] });
  return {
    resolution: result.resolution,
    rowStart: result.rowStart,
    rowEnd: result.rowEnd,
    winners: result.winners[rule]!,
  };
}
