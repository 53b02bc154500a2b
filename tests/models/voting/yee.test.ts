import { describe, expect, it } from 'vitest';
import {
  mergeYeeChunks,
  RULES,
  yeeCellCenter,
  yeeDiagram,
  yeeDiagrams,
  yeeRowChunks,
} from '../../../src/models/voting/index.ts';

const two = [
  { x: 0.25, y: 0.5 },
  { x: 0.75, y: 0.5 },
];

describe('yeeDiagram', () => {
  it('yeeDiagram with two candidates splits the plane at their perpendicular bisector under every rule', () => {
    // With two candidates every ranked rule is majority rule, and a symmetric cloud's majority
    // prefers whichever candidate is nearer its centre.
    const result = yeeDiagrams({
      candidates: two,
      rules: [...RULES, 'two-round'],
      resolution: 20,
      voters: 101,
      spread: 0.15,
    });
    for (const [rule, winners] of Object.entries(result.winners)) {
      for (let row = 0; row < 20; row++) {
        for (let col = 0; col < 20; col++) {
          const { x } = yeeCellCenter(row, col, 20);
          const w = winners[row * 20 + col];
          if (x < 0.48) expect(w, `${rule} at ${x}`).toBe(0);
          if (x > 0.52) expect(w, `${rule} at ${x}`).toBe(1);
        }
      }
    }
  });

  it('yeeDiagram shows centre squeeze: a central candidate loses under plurality but wins under Condorcet rules', () => {
    // Yee (2006): plurality and IRV squeeze out a candidate between two others, though most voters
    // prefer it to either; Condorcet methods elect it. Electorate centred on the middle candidate.
    const candidates = [
      { x: 0.35, y: 0.5 },
      { x: 0.5, y: 0.5 },
      { x: 0.65, y: 0.5 },
    ];
    const centre = (rule: 'plurality' | 'irv' | 'copeland' | 'schulze' | 'borda'): number =>
      yeeDiagram({ candidates, rule, resolution: 5, voters: 1001, spread: 0.3 }).winners[2 * 5 + 2]!;
    expect(centre('copeland')).toBe(1);
    expect(centre('schulze')).toBe(1);
    expect(centre('borda')).toBe(1);
    expect(centre('plurality')).not.toBe(1);
    expect(centre('irv')).not.toBe(1);
  });

  it('yeeDiagram(approval) elects the candidate approved by the most voters in the cloud', () => {
    const result = yeeDiagram({
      candidates: two,
      rule: 'approval',
      resolution: 4,
      voters: 51,
      spread: 0.05,
      approvalRadius: 0.5,
    });
    expect(result.winners).toEqual([0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1]);
  });

  it('yeeDiagram marks an exact tie with −1', () => {
    // A radius of 1 covers the whole square: every voter approves both candidates, so every
    // cell is an exact tie; with radius 0 nobody approves anyone, a tie at zero.
    const result = yeeDiagram({ candidates: two, rule: 'approval', resolution: 3, voters: 1, approvalRadius: 1 });
    expect(result.winners).toEqual(new Array(9).fill(-1));
    const none = yeeDiagram({ candidates: two, rule: 'approval', resolution: 3, voters: 11, approvalRadius: 0 });
    expect(none.winners).toEqual(new Array(9).fill(-1));
  });

  it('yeeDiagram computed in row chunks equals the whole diagram, and reports progress row by row', () => {
    const candidates = [
      { x: 0.2, y: 0.2 },
      { x: 0.8, y: 0.3 },
      { x: 0.5, y: 0.8 },
      { x: 0.45, y: 0.45 },
    ];
    const base = { candidates, rule: 'irv' as const, resolution: 24, voters: 61, seed: 3 };
    const whole = yeeDiagram(base);
    expect(whole.winners).toHaveLength(24 * 24);
    const chunks = yeeRowChunks(24, 5);
    expect(chunks[0]!.rowStart).toBe(0);
    expect(chunks.at(-1)!.rowEnd).toBe(24);
    const progress: [number, number][] = [];
    const parts = chunks.map((rows) =>
      yeeDiagram({ ...base, ...rows, onProgress: (done, total) => progress.push([done, total]) }),
    );
    expect(mergeYeeChunks(parts.reverse())).toEqual(whole.winners);
    const firstChunkRows = chunks[0]!.rowEnd - chunks[0]!.rowStart;
    expect(progress.slice(0, firstChunkRows)).toEqual(
      Array.from({ length: firstChunkRows }, (_, i) => [i + 1, firstChunkRows]),
    );
    expect(progress).toHaveLength(24);
  });

  it('yeeDiagram is deterministic for a seed and every cell names a candidate or −1', () => {
    const options = { candidates: [...two, { x: 0.5, y: 0.9 }], rule: 'schulze' as const, resolution: 16, seed: 9 };
    const a = yeeDiagram(options);
    expect(yeeDiagram(options)).toEqual(a);
    for (const w of a.winners) expect([-1, 0, 1, 2]).toContain(w);
    expect(new Set(a.winners).size).toBeGreaterThanOrEqual(3);
  });

  it('yeeDiagrams gives each rule the same grid as a separate yeeDiagram call', () => {
    const options = { candidates: [...two, { x: 0.5, y: 0.2 }], resolution: 10, seed: 2 };
    const together = yeeDiagrams({ ...options, rules: ['plurality', 'ranked-pairs', 'approval'] });
    for (const rule of ['plurality', 'ranked-pairs', 'approval'] as const) {
      expect(together.winners[rule]).toEqual(yeeDiagram({ ...options, rule }).winners);
    }
  });

  it('yeeDiagram throws a RangeError naming the bad option', () => {
    expect(() => yeeDiagram({ candidates: two, rule: 'borda', resolution: 0 })).toThrow(
      'yeeDiagram: resolution must be an integer from 1 to 4096, got 0',
    );
    expect(() => yeeDiagram({ candidates: [], rule: 'borda', resolution: 4 })).toThrow(
      /candidates must be 1 to 8 points/,
    );
    expect(() => yeeDiagram({ candidates: two, rule: 'borda', resolution: 4, rowStart: 3, rowEnd: 2 })).toThrow(
      /rowEnd/,
    );
    expect(() => yeeDiagram({ candidates: two, rule: 'coin' as 'borda', resolution: 4 })).toThrow(
      /rule must be one of/,
    );
    expect(() => mergeYeeChunks([yeeDiagram({ candidates: two, rule: 'borda', resolution: 4, rowEnd: 2 })])).toThrow(
      'mergeYeeChunks: row 2 is missing',
    );
  });
});
