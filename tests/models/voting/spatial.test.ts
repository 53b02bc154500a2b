import { describe, expect, it } from 'vitest';
import {
  electionWinners,
  gaussianElectorate,
  spatialApprovalBallots,
  spatialBallots,
  tallyApproval,
  tallyScore,
  approvalWinners,
  scoreWinners,
  uniformElectorate,
} from '../../../src/models/voting/index.ts';

const line = [
  { name: 'Left', x: 0.2, y: 0.5 },
  { name: 'Centre', x: 0.5, y: 0.5 },
  { name: 'Right', x: 0.8, y: 0.5 },
];

describe('spatial electorates', () => {
  it('spatialBallots ranks candidates by Euclidean distance and merges identical rankings', () => {
    const ballots = spatialBallots(
      [
        { x: 0.1, y: 0.5 },
        { x: 0.15, y: 0.4 },
        { x: 0.62, y: 0.5 },
      ],
      line,
    );
    expect(ballots).toEqual([
      { ranking: ['Left', 'Centre', 'Right'], count: 2 },
      { ranking: ['Centre', 'Right', 'Left'], count: 1 },
    ]);
  });

  it("spatialBallots breaks equal distances by the candidates' input order", () => {
    expect(spatialBallots([{ x: 0.35, y: 0.5 }], line)[0]!.ranking).toEqual(['Left', 'Centre', 'Right']);
  });

  it('spatialApprovalBallots approves every candidate within the radius, boundary included', () => {
    // Dyadic coordinates, so the boundary distance 0.25 is exact in floating point.
    const dyadic = [
      { name: 'Left', x: 0.25, y: 0.5 },
      { name: 'Centre', x: 0.5, y: 0.5 },
      { name: 'Right', x: 0.75, y: 0.5 },
    ];
    expect(
      spatialApprovalBallots(
        [
          { x: 0.5, y: 0.5 },
          { x: 0.125, y: 0.5 },
        ],
        dyadic,
        0.25,
      ),
    ).toEqual([{ approved: ['Left', 'Centre', 'Right'] }, { approved: ['Left'] }]);
  });

  it('gaussianElectorate centres its cloud where asked, with the requested spread', () => {
    const voters = gaussianElectorate({ voters: 20_000, center: { x: 0.3, y: 0.7 }, spread: 0.1, seed: 4 });
    const mean = (f: (p: { x: number; y: number }) => number): number =>
      voters.reduce((s, p) => s + f(p), 0) / voters.length;
    // Standard error of each mean: 0.1/√20000 ≈ 0.0007.
    expect(Math.abs(mean((p) => p.x) - 0.3)).toBeLessThan(0.003);
    expect(Math.abs(mean((p) => p.y) - 0.7)).toBeLessThan(0.003);
    expect(Math.sqrt(mean((p) => (p.x - 0.3) ** 2))).toBeCloseTo(0.1, 2);
  });

  it('uniformElectorate stays inside its bounds and is deterministic for a seed', () => {
    const bounds = { xMin: -1, xMax: 1, yMin: 2, yMax: 3 };
    const voters = uniformElectorate({ voters: 500, seed: 8, bounds });
    for (const v of voters) {
      expect(v.x).toBeGreaterThanOrEqual(-1);
      expect(v.x).toBeLessThan(1);
      expect(v.y).toBeGreaterThanOrEqual(2);
      expect(v.y).toBeLessThan(3);
    }
    expect(uniformElectorate({ voters: 500, seed: 8, bounds })).toEqual(voters);
  });

  it('the median voter wins under Condorcet methods: a centrist beats both flanks on a line', () => {
    // Black (1948): with single-peaked preferences the median voter's favourite is the Condorcet
    // winner. Voters uniform on the square rank by distance along x only (all candidates at y = 0.5).
    const ballots = spatialBallots(uniformElectorate({ voters: 999, seed: 1 }), line);
    for (const rule of ['copeland', 'schulze', 'minimax', 'ranked-pairs'] as const) {
      expect(electionWinners(rule, ballots), rule).toEqual(['Centre']);
    }
  });

  it('spatial ballots reject a non-finite point and repeated candidate names', () => {
    expect(() => spatialBallots([{ x: Number.NaN, y: 0 }], line)).toThrow(
      'spatialBallots: voters[0] must have finite x and y',
    );
    expect(() => spatialBallots([], [line[0]!, line[0]!])).toThrow(/distinct names/);
  });
});

describe('approval and score voting', () => {
  it('tallyApproval counts approvals, keeps unapproved candidates when listed, and reports ties', () => {
    const ballots = [{ approved: ['A', 'B'], count: 2 }, { approved: ['B'] }, { approved: ['A'] }];
    expect(tallyApproval(ballots, ['A', 'B', 'C'])).toEqual({
      candidates: ['A', 'B', 'C'],
      approvals: [3, 3, 0],
      winners: ['A', 'B'],
    });
    expect(approvalWinners([...ballots, { approved: ['B', 'C'] }])).toEqual(['B']);
  });

  it('tallyApproval throws on an unknown candidate or a repeated approval', () => {
    expect(() => tallyApproval([{ approved: ['Z'] }], ['A'])).toThrow(
      'tallyApproval: ballot 0 approves "Z", who is not among the candidates',
    );
    expect(() => tallyApproval([{ approved: ['A', 'A'] }])).toThrow(/approves a candidate twice/);
  });

  it('tallyScore adds scores (an unscored candidate gets 0) and elects the highest total', () => {
    const ballots = [{ scores: { A: 10, B: 6 }, count: 2 }, { scores: { B: 9, C: 10 } }];
    expect(tallyScore(ballots)).toEqual({ candidates: ['A', 'B', 'C'], totals: [20, 21, 10], winners: ['B'] });
    expect(scoreWinners([{ scores: { A: 1, B: 1 } }])).toEqual(['A', 'B']);
  });

  it('tallyScore rejects a score outside [0, maxScore]', () => {
    expect(() => tallyScore([{ scores: { A: 11 } }])).toThrow(
      'tallyScore: ballot 0 scores "A" 11; scores must lie in [0, 10]',
    );
    expect(() => tallyScore([{ scores: { A: 4 } }], 3)).toThrow(RangeError);
  });
});
