import { describe, expect, it } from 'vitest';
import {
  nearestCandidate,
  squeezedCandidates,
  yeeCellCenter,
  yeeDiagram,
  yeeRegionShares,
  yeeWinnerAt,
} from '../../../src/models/voting/index.ts';

// Three candidates on a line, the middle one a little off it: Yee's (2006) centre-squeeze set-up.
const squeeze = [
  { x: 0.3, y: 0.5 },
  { x: 0.5, y: 0.53 },
  { x: 0.7, y: 0.5 },
];

describe('nearestCandidate', () => {
  it('nearestCandidate returns the index of the closest point, and −1 on an exact tie', () => {
    expect(nearestCandidate({ x: 0.45, y: 0.5 }, squeeze)).toBe(1);
    expect(nearestCandidate({ x: 0, y: 0 }, squeeze)).toBe(0);
    expect(nearestCandidate({ x: 0.5, y: 0 }, [squeeze[0]!, squeeze[2]!])).toBe(-1);
    expect(() => nearestCandidate({ x: Number.NaN, y: 0 }, squeeze)).toThrow(/point must have finite x and y/);
    expect(() => nearestCandidate({ x: 0, y: 0 }, [])).toThrow(/non-empty/);
  });
});

describe('Yee diagrams of Condorcet methods are Voronoi diagrams', () => {
  it('yeeDiagram(copeland, schulze, minimax, ranked pairs) elects the candidate nearest each cell: convex regions', () => {
    // A cloud that is centrally symmetric about a point gives the candidate nearest that point a
    // strict majority against every other (each pair of opposite voters gives it at least one
    // vote, the odd central voter one more), so it is the Condorcet winner, and the regions are
    // the candidates' Voronoi cells, which are convex (Yee 2006).
    const candidates = [
      { x: 0.2, y: 0.3 },
      { x: 0.55, y: 0.5 },
      { x: 0.8, y: 0.25 },
      { x: 0.45, y: 0.85 },
    ];
    const res = 30;
    for (const rule of ['copeland', 'schulze', 'minimax', 'ranked-pairs'] as const) {
      const diagram = yeeDiagram({ candidates, rule, resolution: res, voters: 101, spread: 0.25, seed: 4 });
      for (let row = 0; row < res; row++) {
        for (let col = 0; col < res; col++) {
          const expected = nearestCandidate(yeeCellCenter(row, col, res), candidates);
          // A cell centre equidistant from two candidates is a tie decided by rounding: skip it.
          if (expected < 0) continue;
          expect(diagram.winners[row * res + col], `${rule} at ${row},${col}`).toBe(expected);
        }
      }
    }
  });
});

describe('squeezedCandidates', () => {
  it('squeezedCandidates shows the centre squeeze under plurality but not under Condorcet methods', () => {
    // Spread 0.25: the middle candidate's first preferences are split off by both neighbours.
    const options = { candidates: squeeze, resolution: 24, voters: 201, spread: 0.25 };
    expect(squeezedCandidates(yeeDiagram({ ...options, rule: 'plurality' }), squeeze)).toEqual([1]);
    expect(squeezedCandidates(yeeDiagram({ ...options, rule: 'schulze' }), squeeze)).toEqual([]);
    expect(squeezedCandidates(yeeDiagram({ ...options, rule: 'borda' }), squeeze)).toEqual([]);
  });

  it('yeeRegionShares: the middle candidate wins less of the plane under plurality and IRV than under Schulze', () => {
    const options = { candidates: squeeze, resolution: 24, voters: 201, spread: 0.25 };
    const share = (rule: 'plurality' | 'irv' | 'schulze') =>
      yeeRegionShares(yeeDiagram({ ...options, rule }), 3).shares[1]!;
    expect(share('plurality')).toBeLessThan(share('irv'));
    expect(share('irv')).toBeLessThan(share('schulze'));
  });
});

describe('yeeRegionShares and yeeWinnerAt', () => {
  it('yeeRegionShares with two candidates splits the plane at the bisector: halves that sum to 1', () => {
    const two = [
      { x: 0.25, y: 0.5 },
      { x: 0.75, y: 0.5 },
    ];
    const diagram = yeeDiagram({ candidates: two, rule: 'plurality', resolution: 20, voters: 101 });
    const { shares, ties } = yeeRegionShares(diagram, 2);
    expect(shares).toEqual([0.5, 0.5]);
    expect(ties).toBe(0);
    expect(yeeWinnerAt(diagram, { x: 0.1, y: 0.9 })).toBe(0);
    expect(yeeWinnerAt(diagram, { x: 1, y: 1 })).toBe(1);
  });

  it('yeeWinnerAt reads the cell of a point, in chunked diagrams too, and refuses points it cannot read', () => {
    const diagram = yeeDiagram({ candidates: squeeze, rule: 'irv', resolution: 10, rowStart: 5, rowEnd: 10 });
    // Row 7, column 2 holds the point (0.25, 0.75).
    expect(yeeWinnerAt(diagram, { x: 0.25, y: 0.75 })).toBe(diagram.winners[(7 - 5) * 10 + 2]);
    expect(() => yeeWinnerAt(diagram, { x: 0.5, y: 0.1 })).toThrow(/row 1 is outside the computed rows 5–9/);
    expect(() => yeeWinnerAt(diagram, { x: 1.5, y: 0.5 })).toThrow(/outside the bounds/);
    expect(() => yeeRegionShares({ ...diagram, winners: [1] }, 3)).toThrow(/diagram must have/);
  });
});
