import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  commonsCoefficients,
  commonsDefaults,
  commonsEffortCap,
  commonsMetrics,
  commonsNashEffort,
  commonsOpenAccessEffort,
  commonsOptimalEffort,
  commonsParams,
  commonsPayoff,
  commonsSteadyStock,
  commonsWelfare,
  createCommons,
  pigouvianCharge,
  simulateCommons,
  stepCommons,
  type CommonsParams,
  type FisheryParams,
} from '../../../src/models/commons/index.ts';
import * as commons from '../../../src/models/commons/index.ts';

// Brute force: the maximiser of f on [lo, hi] by a grid, refined around the best cell three times.
function argmax(f: (x: number) => number, lo: number, hi: number): number {
  let a = lo;
  let b = hi;
  let best = lo;
  for (let round = 0; round < 4; round++) {
    const n = 2000;
    let bestValue = -Infinity;
    for (let k = 0; k <= n; k++) {
      const x = a + ((b - a) * k) / n;
      const v = f(x);
      if (v > bestValue) {
        bestValue = v;
        best = x;
      }
    }
    const cell = (b - a) / n;
    a = Math.max(lo, best - 2 * cell);
    b = Math.min(hi, best + 2 * cell);
  }
  return best;
}

// Agent 0's best reply when each of the other N − 1 agents plays `each`, found by brute force.
function bestReply(p: FisheryParams, each: number, charge: number, cap = Infinity): number {
  const others = Array.from({ length: p.agents - 1 }, () => each);
  const hi = Math.min(cap, p.growth / p.catchability);
  return argmax((x) => commonsPayoff(p, [x, ...others], 0, charge), 0, hi);
}

const economies: FisheryParams[] = [
  commonsDefaults,
  { ...commonsDefaults, agents: 2, growth: 0.2, cost: 2.5 },
  { ...commonsDefaults, agents: 13, growth: 1.3, capacity: 40, catchability: 0.02, price: 3, cost: 0.4 },
  { ...commonsDefaults, agents: 50, growth: 0.9, cost: 0 },
];

describe('closed forms', () => {
  test('commonsCoefficients(defaults) gives a = pqK = 5 and b = pq²K/r = 0.5', () => {
    const { a, b } = commonsCoefficients(commonsDefaults);
    expect(a).toBeCloseTo(5, 12);
    expect(b).toBeCloseTo(0.5, 12);
  });

  test('the default fishery has optimum 4, open access 8, Nash 64/9 and charge 1.75 for N = 8', () => {
    // a − c = 4, b = 0.5: E* = 4/(2·0.5), E∞ = 4/0.5, E_N = 8/9·8, τ* = 0.5·4·7/8.
    expect(commonsOptimalEffort(commonsDefaults)).toBeCloseTo(4, 12);
    expect(commonsOpenAccessEffort(commonsDefaults)).toBeCloseTo(8, 12);
    expect(commonsNashEffort(commonsDefaults)).toBeCloseTo(64 / 9, 12);
    expect(pigouvianCharge(commonsDefaults)).toBeCloseTo(1.75, 12);
    expect(commonsWelfare(commonsDefaults, 4)).toBeCloseTo(8, 12);
  });

  test.each(economies)(
    'commonsOptimalEffort matches the brute-force maximiser of commonsWelfare (N = $agents, c = $cost)',
    (p) => {
      const brute = argmax((E) => commonsWelfare(p, E), 0, p.growth / p.catchability);
      expect(commonsOptimalEffort(p)).toBeCloseTo(brute, 6);
    },
  );

  test.each(economies)(
    'commonsNashEffort is a Nash equilibrium: each agent’s brute-force best reply is E_N/N (N = $agents)',
    (p) => {
      const each = commonsNashEffort(p) / p.agents;
      expect(bestReply(p, each, 0)).toBeCloseTo(each, 6);
    },
  );

  test.each(economies)('pigouvianCharge makes E*/N each the best reply to E*/N (N = $agents)', (p) => {
    const each = commonsOptimalEffort(p) / p.agents;
    expect(bestReply(p, each, pigouvianCharge(p))).toBeCloseTo(each, 6);
  });

  test.each(economies)('a cap of E*/N binds: the best reply to E*/N under the cap is the cap (N = $agents)', (p) => {
    const cap = commonsEffortCap({ ...commonsDefaults, ...p, mechanism: 'quota' });
    expect(cap).toBeCloseTo(commonsOptimalEffort(p) / p.agents, 12);
    expect(bestReply(p, cap, 0, cap)).toBeCloseTo(cap, 9);
  });

  test.each(economies)(
    'commonsOpenAccessEffort dissipates the rent: welfare 0 and catch value per effort equals cost (N = $agents)',
    (p) => {
      const E = commonsOpenAccessEffort(p);
      expect(commonsWelfare(p, E)).toBeCloseTo(0, 9);
      expect(p.price * p.catchability * commonsSteadyStock(p, E)).toBeCloseTo(p.cost, 9);
    },
  );

  test('commonsNashEffort tends to commonsOpenAccessEffort as N grows', () => {
    const gaps = [1, 10, 100, 10_000].map(
      (agents) => commonsOpenAccessEffort(commonsDefaults) - commonsNashEffort({ ...commonsDefaults, agents }),
    );
    for (let k = 1; k < gaps.length; k++) expect(gaps[k]!).toBeLessThan(gaps[k - 1]!);
    expect(gaps.at(-1)!).toBeLessThan(1e-3);
  });

  test('commonsNashEffort for one agent is the optimum (a sole owner does not overfish)', () => {
    const p = { ...commonsDefaults, agents: 1 };
    expect(commonsNashEffort(p)).toBeCloseTo(commonsOptimalEffort(p), 12);
    expect(pigouvianCharge(p)).toBe(0);
  });

  test('commonsWelfare at Nash over the optimum is 4N/(N+1)², below 1 for N ≥ 2 and falling with N', () => {
    let previous = Infinity;
    for (const agents of [1, 2, 3, 5, 8, 20, 50]) {
      const p = { ...commonsDefaults, agents };
      const ratio = commonsWelfare(p, commonsNashEffort(p)) / commonsWelfare(p, commonsOptimalEffort(p));
      expect(ratio).toBeCloseTo((4 * agents) / (agents + 1) ** 2, 10);
      if (agents >= 2) expect(ratio).toBeLessThan(1);
      expect(ratio).toBeLessThan(previous + 1e-12);
      previous = ratio;
    }
  });

  test('every closed form is 0 when cost is at least a (fishing never pays)', () => {
    const p = { ...commonsDefaults, cost: 6 };
    expect(commonsOpenAccessEffort(p)).toBe(0);
    expect(commonsOptimalEffort(p)).toBe(0);
    expect(commonsNashEffort(p)).toBe(0);
    expect(pigouvianCharge(p)).toBe(0);
  });

  test('property: E* ≤ E_N ≤ E∞ and welfare(E*) ≥ welfare(E_N) ≥ welfare(E∞) ≈ 0 for valid fisheries', () => {
    fc.assert(
      fc.property(fisheryArb, (p) => {
        const [opt, nash, open] = [commonsOptimalEffort(p), commonsNashEffort(p), commonsOpenAccessEffort(p)];
        const tol = 1e-9 * (1 + open);
        expect(opt).toBeLessThanOrEqual(nash + tol);
        expect(nash).toBeLessThanOrEqual(open + tol);
        const [wOpt, wNash, wOpen] = [opt, nash, open].map((E) => commonsWelfare(p, E)) as [number, number, number];
        const wTol = 1e-9 * (1 + Math.abs(wOpt));
        expect(wOpt).toBeGreaterThanOrEqual(wNash - wTol);
        expect(wNash).toBeGreaterThanOrEqual(wOpen - wTol);
        expect(Math.abs(wOpen)).toBeLessThanOrEqual(wTol);
      }),
    );
  });

  test('property: no single agent gains by deviating from the symmetric Nash equilibrium', () => {
    fc.assert(
      fc.property(fisheryArb, fc.double({ min: 0, max: 1, noNaN: true }), (p, share) => {
        const each = commonsNashEffort(p) / p.agents;
        const efforts = Array.from({ length: p.agents }, () => each);
        const deviation = [share * (p.growth / p.catchability), ...efforts.slice(1)];
        const atNash = commonsPayoff(p, efforts, 0);
        expect(commonsPayoff(p, deviation, 0)).toBeLessThanOrEqual(atNash + 1e-9 * (1 + Math.abs(atNash)));
      }),
    );
  });
});

const fisheryArb = fc.record({
  agents: fc.integer({ min: 1, max: 60 }),
  growth: fc.double({ min: 0.05, max: 2, noNaN: true }),
  capacity: fc.double({ min: 1, max: 1e4, noNaN: true }),
  catchability: fc.double({ min: 1e-3, max: 0.5, noNaN: true }),
  price: fc.double({ min: 0.1, max: 100, noNaN: true }),
  cost: fc.double({ min: 0, max: 100, noNaN: true }),
});

describe('dynamics', () => {
  const run = (overrides: Partial<CommonsParams>, steps: number) =>
    simulateCommons(commonsParams(overrides), steps).at(-1)!;
  const total = (efforts: readonly number[]) => efforts.reduce((s, e) => s + e, 0);

  test.each([2, 5, 20, 50])('stepCommons without a mechanism settles at the Nash effort E_N (N = %i)', (agents) => {
    const p = commonsParams({ agents, seed: 7 });
    const end = run(p, 1500);
    expect(total(end.efforts)).toBeCloseTo(commonsNashEffort(p), 3);
    // Heterogeneous starts wash out: the equilibrium is symmetric.
    for (const e of end.efforts) expect(e).toBeCloseTo(commonsNashEffort(p) / agents, 3);
  });

  test.each([2, 5, 20, 50])('stepCommons with the Pigouvian charge settles at the optimum E* (N = %i)', (agents) => {
    const p = commonsParams({ agents, mechanism: 'charge', seed: 11 });
    expect(total(run(p, 1500).efforts)).toBeCloseTo(commonsOptimalEffort(p), 3);
  });

  test.each([2, 5, 20, 50])('stepCommons with quotas settles at the optimum E* (N = %i)', (agents) => {
    const p = commonsParams({ agents, mechanism: 'quota', seed: 3 });
    expect(total(run(p, 1500).efforts)).toBeCloseTo(commonsOptimalEffort(p), 3);
  });

  test.each([
    { agents: 3, mechanism: 'none' as const },
    { agents: 30, mechanism: 'none' as const },
    { agents: 10, mechanism: 'charge' as const },
    { agents: 10, mechanism: 'quota' as const },
  ])(
    'trial-and-error learning also reaches the target effort within 1% ($mechanism, N = $agents)',
    ({ agents, mechanism }) => {
      const p = commonsParams({ agents, mechanism, learning: 'trial-and-error', seed: 5 });
      const target = mechanism === 'none' ? commonsNashEffort(p) : commonsOptimalEffort(p);
      // Tolerance from trial runs with several seeds: the accept-if-better rule ends within 0.5%.
      expect(Math.abs(total(run(p, 2000).efforts) - target) / target).toBeLessThan(0.01);
    },
  );

  test('stepCommons settles the stock at the steady state K(1 − qE/r) of the effort it settles at', () => {
    for (const mechanism of ['none', 'charge'] as const) {
      const p = commonsParams({ mechanism, growth: 0.7, agents: 6 });
      const end = run(p, 1500);
      expect(end.stock).toBeCloseTo(commonsSteadyStock(p, total(end.efforts)), 2);
    }
  });

  test('stepCommons ends with welfare below the optimum without a mechanism and at it with one', () => {
    for (const agents of [2, 10, 40]) {
      const open = commonsParams({ agents });
      const optimum = commonsWelfare(open, commonsOptimalEffort(open));
      const welfareAt = (mechanism: CommonsParams['mechanism']) =>
        commonsMetrics(run({ ...open, mechanism }, 1500), open).welfare;
      expect(welfareAt('none')).toBeLessThan(0.95 * optimum);
      expect(welfareAt('none')).toBeCloseTo(commonsWelfare(open, commonsNashEffort(open)), 3);
      expect(welfareAt('charge')).toBeCloseTo(optimum, 3);
      expect(welfareAt('quota')).toBeCloseTo(optimum, 3);
    }
  });

  test('stepCommons is deterministic for a seed and differs between seeds', () => {
    const p = commonsParams({ agents: 12, learning: 'trial-and-error', seed: 42 });
    expect(simulateCommons(p, 50)).toEqual(simulateCommons(p, 50));
    const other = simulateCommons({ ...p, seed: 43 }, 50);
    expect(other.at(-1)!.efforts).not.toEqual(simulateCommons(p, 50).at(-1)!.efforts);
  });

  test('createCommons starts at capacity with distinct efforts in [0, r/(2qN))', () => {
    const p = commonsParams({ agents: 10 });
    const s = createCommons(p);
    expect(s).toMatchObject({ t: 0, stock: p.capacity });
    expect(new Set(s.efforts).size).toBe(10);
    for (const e of s.efforts) {
      expect(e).toBeGreaterThanOrEqual(0);
      expect(e).toBeLessThan(p.growth / (2 * p.catchability * p.agents));
    }
  });

  test('stepCommons does not mutate its input state', () => {
    const p = commonsParams();
    const s = createCommons(p);
    const frozen = Object.freeze({ ...s, efforts: Object.freeze(s.efforts.slice()) });
    const next = stepCommons(frozen, p);
    expect(next.t).toBe(1);
    expect(frozen.efforts).toEqual(s.efforts);
  });

  test('stepCommons clamps the stock at 0 (never negative) when an overshooting stock is fished out', () => {
    // r = 2 lets the stock overshoot K (up to 9K/8); above K growth is negative, and with qE ≥ 1 the
    // raw update 112 + 2·112·(1 − 1.12) − 112 = −26.88 would go below zero.
    const p = commonsParams({ agents: 2, growth: 2 });
    const next = stepCommons({ t: 0, stock: 112, efforts: [30, 30] }, p);
    expect(next.stock).toBe(0);
    expect(stepCommons(next, p).stock).toBe(0);
  });

  test('commonsMetrics reports catch min(1, qE)·S and period rent p·catch − c·E', () => {
    const m = commonsMetrics({ t: 0, stock: 50, efforts: [1, 3] }, commonsDefaults);
    expect(m.totalEffort).toBe(4);
    expect(m.harvest).toBeCloseTo(0.05 * 4 * 50, 12);
    expect(m.periodRent).toBeCloseTo(10 - 4, 12);
    expect(m.welfare).toBeCloseTo(8, 12);
  });

  test('property: stock and efforts stay finite and non-negative, and quotas are respected, for any valid parameters', () => {
    fc.assert(
      fc.property(
        fisheryArb,
        fc.double({ min: 1e-3, max: 10, noNaN: true }),
        fc.constantFrom('none', 'charge', 'quota'),
        fc.constantFrom('gradient', 'trial-and-error'),
        fc.integer(),
        (fishery, learningRate, mechanism, learning, seed) => {
          const p = commonsParams({ ...fishery, learningRate, mechanism, learning, seed });
          const cap = commonsEffortCap(p);
          for (const s of simulateCommons(p, 60)) {
            expect(Number.isFinite(s.stock) && s.stock >= 0).toBe(true);
            for (const e of s.efforts) {
              expect(Number.isFinite(e) && e >= 0).toBe(true);
              expect(e).toBeLessThanOrEqual(cap);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('validation', () => {
  test.each([
    [{ agents: 0 }, /agents must be an integer >= 1, got 0/],
    [{ agents: 2.5 }, /agents/],
    [{ growth: 3 }, /growth must be in \(0, 2\], got 3/],
    [{ growth: 0 }, /growth/],
    [{ capacity: -1 }, /capacity/],
    [{ catchability: Number.NaN }, /catchability must be > 0, got NaN/],
    [{ price: Infinity }, /price/],
    [{ cost: -0.5 }, /cost must be >= 0/],
    [{ learningRate: 0 }, /learningRate/],
    [{ seed: Number.NaN }, /seed/],
  ])('commonsParams(%o) throws a RangeError naming the field', (overrides, message) => {
    expect(() => commonsParams(overrides)).toThrow(RangeError);
    expect(() => commonsParams(overrides)).toThrow(message);
  });

  test('commonsParams rejects an unknown mechanism with a TypeError', () => {
    expect(() => commonsParams({ mechanism: 'ban' as never })).toThrow(TypeError);
    expect(() => commonsParams({ learning: 'magic' as never })).toThrow(/learning must be one of/);
  });

  test('stepCommons rejects a state whose effort count differs from params.agents', () => {
    expect(() => stepCommons(createCommons(commonsParams({ agents: 3 })), commonsParams({ agents: 4 }))).toThrow(
      /state has 3 efforts but params.agents is 4/,
    );
  });

  test('commonsSteadyStock and commonsWelfare reject negative effort', () => {
    expect(() => commonsSteadyStock(commonsDefaults, -1)).toThrow(RangeError);
    expect(() => commonsWelfare(commonsDefaults, [1, -3])).toThrow(RangeError);
    expect(() => simulateCommons(commonsDefaults, -2)).toThrow(/steps/);
  });
});

test('the commons module exports exactly its public surface', () => {
  // The fishery (renewable-resource.ts), the public goods game (public-goods.ts) and the market
  // with an external cost (externality-market.ts).
  expect(Object.keys(commons).sort()).toEqual([
    'PUBLIC_GOODS_LEVELS',
    'commonsChargeRate',
    'commonsCoefficients',
    'commonsDefaults',
    'commonsEffortCap',
    'commonsMetrics',
    'commonsNashEffort',
    'commonsOpenAccessEffort',
    'commonsOptimalEffort',
    'commonsParams',
    'commonsPayoff',
    'commonsSteadyStock',
    'commonsWelfare',
    'createCommons',
    'createPublicGoods',
    'externalityDeadweightLoss',
    'externalityMarketQuantity',
    'externalityOptimalQuantity',
    'externalityOutcome',
    'externalityWelfare',
    'marginalExternalDamage',
    'pigouvianCharge',
    'pigouvianTax',
    'playPublicGoodsRound',
    'publicGoodsDefaults',
    'publicGoodsNashContribution',
    'publicGoodsOptimalContribution',
    'publicGoodsParams',
    'publicGoodsPayoffs',
    'publicGoodsWelfare',
    'simulateCommons',
    'simulatePublicGoods',
    'stepCommons',
    'stepPublicGoods',
  ]);
});
