import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  budgetBalance,
  combinatorialVcg,
  misreportGain,
  publicProject,
  outcomeWelfare,
  vcg,
  vcgUtilities,
} from '../../../src/models/mechanisms/index.ts';

describe('vcg on small examples computed by hand', () => {
  it('vcg on a single item is a second-price auction: the highest value wins and pays the second', () => {
    // Outcome k = agent k gets the item. Agent 0's payment: the others' best without it (7) minus
    // what they get when 0 wins (0). Agents 1 and 2 change nothing: they pay 0.
    expect(
      vcg([
        [10, 0, 0],
        [0, 7, 0],
        [0, 0, 3],
      ]),
    ).toEqual({ outcome: 0, payments: [7, 0, 0] });
  });

  it('vcg breaks welfare ties toward the lowest outcome index', () => {
    expect(
      vcg([
        [1, 1],
        [2, 2],
      ]),
    ).toEqual({ outcome: 0, payments: [0, 0] });
    expect(
      vcg([
        [0, 3, 3],
        [2, 0, 0],
      ]).outcome,
    ).toBe(1); // totals 2, 3, 3: the first of the two best
  });

  it('vcg charges each agent the welfare its presence costs the others', () => {
    // Outcomes X, Y, Z. Totals: X 6, Y 7, Z 5: Y. Agent 0 — the others have X 4, Y 1, Z 4, so
    // choosing Y costs them 4 − 1: pays 3. Agent 1 — the others have X 2, Y 6, Z 4: Y is their
    // best anyway: pays 0. Agent 2 — the others have X 6, Y 7, Z 2: pays 0.
    const values = [
      [2, 6, 1],
      [4, 1, 1],
      [0, 0, 3],
    ];
    expect(vcg(values)).toEqual({ outcome: 1, payments: [3, 0, 0] });
    expect(vcgUtilities(values)).toEqual([3, 1, 0]);
    expect(outcomeWelfare(values, 1)).toBe(7);
  });

  it('vcg throws on a ragged or non-finite value matrix', () => {
    expect(() => vcg([])).toThrow(TypeError);
    expect(() => vcg([[1, 2], [3]])).toThrow(
      'vcg: values[1] has 1 outcomes; every agent needs a value for each of the 2 outcomes (at least one)',
    );
    expect(() => vcg([[1, Number.NaN]])).toThrow('vcg: values[0][1] must be a finite number, got NaN');
  });
});

describe('publicProject (the Clarke tax)', () => {
  it('publicProject builds when the net values sum above zero and taxes the pivotal agent', () => {
    // Cost 300 split 100 each; benefits 250, 60, 20: net 150, −40, −80, total 30 > 0: build.
    // Without agent 0 the others' net is −120 (they would not build): agent 0 pays 120. Agents 1
    // and 2 do not change the decision: no tax.
    const result = publicProject({ values: [250, 60, 20], cost: 300 });
    expect(result.build).toBe(true);
    expect(result.taxes).toEqual([120, 0, 0]);
    expect(result.pivotal).toEqual([true, false, false]);
    expect(result.utilities).toEqual([30, -40, -80]);
    expect(result.surplus).toBe(120);
  });

  it('publicProject taxes a blocker even though nothing is built', () => {
    // Net values −10, 20, −60 (total −50): no. Without agent 2 the others total +10 and would
    // build: agent 2 pays 10. The tax is a surplus nobody can be refunded.
    const result = publicProject({ values: [90, 120, 40], cost: 300 });
    expect(result.build).toBe(false);
    expect(result.taxes).toEqual([0, 0, 10]);
    expect(result.surplus).toBe(10);
    expect(budgetBalance(result.taxes)).toBe(10);
  });

  it('publicProject accepts unequal shares and rejects shares that do not add up to the cost', () => {
    expect(publicProject({ values: [50, 50], cost: 80, shares: [60, 20] }).values).toEqual([
      [0, -10],
      [0, 30],
    ]);
    expect(() => publicProject({ values: [50, 50], cost: 80, shares: [60, 30] })).toThrow(
      'publicProject: shares must sum to the cost 80, got 90',
    );
  });
});

describe('combinatorialVcg', () => {
  it('combinatorialVcg splits two items between single-item bidders and charges each 4', () => {
    // Bidder 0 wants both items for 10; bidders 1 and 2 want A and B for 6 each: 12 beats 10.
    // Without bidder 1 the best is 10 (bidder 0 takes both); with it the others get 6: pays 4.
    // Revenue 8 is less than the 10 the losing package bidder offered: VCG's low-revenue problem.
    const result = combinatorialVcg({
      items: ['A', 'B'],
      bids: [[{ bundle: ['A', 'B'], value: 10 }], [{ bundle: ['A'], value: 6 }], [{ bundle: ['B'], value: 6 }]],
    });
    expect(result.allocation).toEqual([1, 2]);
    expect(result.bundles).toEqual([[], ['A'], ['B']]);
    expect(result.payments).toEqual([0, 4, 4]);
    expect(result.welfare).toBe(12);
    expect(budgetBalance(result.payments)).toBe(8);
  });

  it('combinatorialVcg gives the package to the package bidder when it is worth more', () => {
    const result = combinatorialVcg({
      items: ['A', 'B'],
      bids: [[{ bundle: ['A', 'B'], value: 10 }], [{ bundle: ['A'], value: 4 }], [{ bundle: ['B'], value: 4 }]],
    });
    expect(result.bundles).toEqual([['A', 'B'], [], []]);
    expect(result.payments).toEqual([8, 0, 0]);
  });

  it('combinatorialVcg reads XOR bids: a bidder values a set by its best bundle inside it', () => {
    const result = combinatorialVcg({
      items: ['A', 'B', 'C'],
      bids: [
        [
          { bundle: ['A'], value: 5 },
          { bundle: ['A', 'B'], value: 7 },
        ],
        [{ bundle: ['B'], value: 3 }],
      ],
    });
    // Options: 0 gets AB (7) vs 0 gets A and 1 gets B (5 + 3 = 8): the split wins. C is unsold.
    expect(result.allocation).toEqual([0, 1, null]);
    // Bidder 0 pays 3 − 3 = 0; bidder 1 pays 7 − 5 = 2.
    expect(result.payments).toEqual([0, 2]);
  });

  it('combinatorialVcg throws on an unknown item or too many allocations', () => {
    expect(() => combinatorialVcg({ items: ['A'], bids: [[{ bundle: ['Z'], value: 1 }]] })).toThrow(
      'combinatorialVcg: bids[0][0] names an unknown item "Z"',
    );
    const many = Array.from({ length: 9 }, () => [{ bundle: ['A'], value: 1 }]);
    expect(() => combinatorialVcg({ items: 'ABCDEF'.split(''), bids: many })).toThrow(
      /at most 250000 can be enumerated/,
    );
  });
});

describe('misreportGain (what a lie would have earned)', () => {
  it('misreportGain shows overbidding in a second-price setting loses money', () => {
    // Agent 1 (value 7) claims 12: it wins, pays agent 0's 10, and is 3 worse off.
    const values = [
      [10, 0],
      [0, 7],
    ];
    const result = misreportGain(values, 1, [0, 12]);
    expect(result.truthful).toEqual({ outcome: 0, payment: 0, utility: 0 });
    expect(result.lie).toEqual({ outcome: 1, payment: 10, utility: -3 });
    expect(result.gain).toBe(-3);
  });

  it('misreportGain shows underbidding the winner cannot lower its price', () => {
    // Agent 0 (value 10) claims 8: still wins, still pays 7.
    expect(
      misreportGain(
        [
          [10, 0],
          [0, 7],
        ],
        0,
        [8, 0],
      ).gain,
    ).toBe(0);
  });

  it('misreportGain throws on a report of the wrong length', () => {
    expect(() => misreportGain([[1, 2]], 0, [1])).toThrow(
      'misreportGain: report must give a finite value for each of the 2 outcomes',
    );
  });
});

describe('vcg: invariants (fast-check)', () => {
  const matrix = fc
    .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
    .chain(([n, k]) =>
      fc.array(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: k, maxLength: k }), {
        minLength: n,
        maxLength: n,
      }),
    );

  it('vcg chooses a welfare-maximising outcome and its payments are finite and never negative', () => {
    fc.assert(
      fc.property(matrix, (values) => {
        const { outcome, payments } = vcg(values);
        const totals = values[0]!.map((_, k) => values.reduce((s, row) => s + row[k]!, 0));
        expect(totals[outcome]).toBe(Math.max(...totals));
        for (const p of payments) {
          expect(Number.isFinite(p)).toBe(true);
          expect(p).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('vcg never charges a player more than its reported value for the chosen outcome (non-negative values)', () => {
    fc.assert(
      fc.property(matrix, (values) => {
        const { outcome, payments } = vcg(values);
        payments.forEach((p, i) => expect(p).toBeLessThanOrEqual(values[i]![outcome]! + 1e-9));
      }),
    );
  });

  it('truth-telling in vcg is never worse than a random lie', () => {
    fc.assert(
      fc.property(
        matrix.chain((values) =>
          fc.tuple(
            fc.constant(values),
            fc.integer({ min: 0, max: values.length - 1 }),
            fc.array(fc.double({ min: -50, max: 150, noNaN: true }), {
              minLength: values[0]!.length,
              maxLength: values[0]!.length,
            }),
          ),
        ),
        ([values, agent, report]) => {
          expect(misreportGain(values, agent, report).gain).toBeLessThanOrEqual(1e-9);
        },
      ),
      { numRuns: 500 },
    );
  });
});
