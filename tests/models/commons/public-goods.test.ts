import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  PUBLIC_GOODS_LEVELS,
  createPublicGoods,
  playPublicGoodsRound,
  publicGoodsDefaults,
  publicGoodsNashContribution,
  publicGoodsOptimalContribution,
  publicGoodsParams,
  publicGoodsPayoffs,
  publicGoodsWelfare,
  simulatePublicGoods,
  stepPublicGoods,
  type PublicGoodsLearning,
} from '../../../src/models/commons/index.ts';

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
/** Mean contribution over rounds 100–199 of a 200-round run, as a share of the endowment. */
function lateShare(learning: PublicGoodsLearning, punishment: boolean, seed: number): number {
  const params = publicGoodsParams({ learning, punishment, seed });
  const run = simulatePublicGoods(params, 200);
  return mean(run.slice(100).map(mean)) / params.endowment;
}
const SEEDS = Array.from({ length: 20 }, (_, k) => k + 1);

describe('closed forms of the linear public goods game', () => {
  test('publicGoodsPayoffs gives each player e − c_i + (r/N)·Σc (N = 4, e = 20, r = 1.6)', () => {
    const p = publicGoodsParams();
    // Everyone gives all: 0.4 × 80 = 32 each; nobody gives: 20 each; three give, one free-rides:
    // the free rider gets 20 + 0.4 × 60 = 44, the others 0 + 24.
    expect(publicGoodsPayoffs(p, [20, 20, 20, 20])).toEqual([32, 32, 32, 32]);
    expect(publicGoodsPayoffs(p, [0, 0, 0, 0])).toEqual([20, 20, 20, 20]);
    const mixed = publicGoodsPayoffs(p, [20, 20, 20, 0]);
    mixed.forEach((v, i) => expect(v).toBeCloseTo(i === 3 ? 44 : 24, 12));
  });

  test('publicGoodsNashContribution is 0: giving one unit less always pays exactly 1 − r/N more, whatever the others give', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 12, maxLength: 12 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (players, shareOfRange, raw, cut) => {
          const multiplier = 1 + shareOfRange * (players - 1);
          const p = publicGoodsParams({ players, multiplier, endowment: 10 });
          expect(publicGoodsNashContribution(p)).toBe(0);
          const c = raw.slice(0, players).map((x) => 10 * x);
          const i = 0;
          const less = c.slice();
          less[i] = Math.max(0, c[i]! - cut);
          const given = c[i]! - less[i]!;
          const gain = publicGoodsPayoffs(p, less)[i]! - publicGoodsPayoffs(p, c)[i]!;
          expect(gain).toBeCloseTo(given * (1 - multiplier / players), 9);
          if (given > 1e-9) expect(gain).toBeGreaterThan(0);
        },
      ),
    );
  });

  test('publicGoodsOptimalContribution is the whole endowment: total payoff Ne + (r − 1)Σc is largest at full contribution', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 10 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 10, maxLength: 10 }),
        (players, shareOfRange, raw) => {
          const multiplier = 1 + shareOfRange * (players - 1);
          const p = publicGoodsParams({ players, multiplier, endowment: 20 });
          const e = publicGoodsOptimalContribution(p);
          expect(e).toBe(20);
          const c = raw.slice(0, players).map((x) => 20 * x);
          const total = publicGoodsPayoffs(p, c).reduce((s, v) => s + v, 0);
          expect(publicGoodsWelfare(p, c)).toBeCloseTo(total, 9);
          expect(publicGoodsWelfare(p, new Array<number>(players).fill(e))).toBeGreaterThanOrEqual(publicGoodsWelfare(p, c) - 1e-9);
          // At the optimum each player earns r·e, more than the e of the Nash equilibrium.
          expect(publicGoodsWelfare(p, new Array<number>(players).fill(e)) / players).toBeCloseTo(multiplier * 20, 9);
        },
      ),
    );
  });

  test('playPublicGoodsRound fines a free rider p per unit of shortfall and charges each punisher k per unit given', () => {
    const p = publicGoodsParams({ punishment: true, punishCost: 1, punishImpact: 3 });
    // Mean 15: player 4 falls 15 short and gets 15/3 = 5 units from each of the other three.
    const round = playPublicGoodsRound(p, [20, 20, 20, 0]);
    expect(round.punishmentReceived).toEqual([0, 0, 0, 15]);
    expect(round.punishmentGiven).toEqual([5, 5, 5, 0]);
    [19, 19, 19, 44 - 45].forEach((v, i) => expect(round.payoffs[i]).toBeCloseTo(v, 12));
    // Without the punishment stage the same contributions earn the plain payoffs.
    expect(playPublicGoodsRound(publicGoodsParams(), [20, 20, 20, 0]).payoffs).toEqual(publicGoodsPayoffs(p, [20, 20, 20, 0]));
    // Equal contributions are never punished.
    expect(playPublicGoodsRound(p, [7, 7, 7, 7]).punishmentGiven).toEqual([0, 0, 0, 0]);
  });
});

describe('learning dynamics', () => {
  test('simulatePublicGoods returns one row per round of N contributions within [0, e], the same for the same seed', () => {
    for (const learning of ['imitation', 'reinforcement'] as const) {
      const p = publicGoodsParams({ learning, players: 6, seed: 9 });
      const run = simulatePublicGoods(p, 40);
      expect(run).toHaveLength(40);
      for (const row of run) {
        expect(row).toHaveLength(6);
        for (const c of row) expect(c >= 0 && c <= p.endowment).toBe(true);
      }
      expect(simulatePublicGoods(p, 40)).toEqual(run);
      expect(simulatePublicGoods({ ...p, seed: 10 }, 40)).not.toEqual(run);
    }
  });

  test('reinforcement learners choose among the eleven levels 0, e/10, …, e', () => {
    const p = publicGoodsParams({ learning: 'reinforcement', seed: 3 });
    let state = createPublicGoods(p);
    expect(state.propensities).toHaveLength(4);
    expect(state.propensities[0]).toHaveLength(PUBLIC_GOODS_LEVELS);
    for (let t = 0; t < 30; t++) {
      for (const c of state.contributions) expect(Math.abs(c / 2 - Math.round(c / 2))).toBeLessThan(1e-12);
      state = stepPublicGoods(state, p);
    }
    expect(state.round).toBe(30);
    expect(state.last?.contributions).toHaveLength(4);
  });

  test('stepPublicGoods is pure: stepping the same state twice gives the same next state', () => {
    const p = publicGoodsParams({ punishment: true, seed: 4 });
    const s0 = createPublicGoods(p);
    expect(stepPublicGoods(s0, p)).toEqual(stepPublicGoods(s0, p));
    expect(s0.round).toBe(0);
    expect(s0.last).toBeNull();
  });

  // Qualitative reproduction of Fehr & Gächter (2000) [fehr2000]: their groups started near half
  // the endowment; without punishment contributions decayed towards zero, with a punishment stage
  // they stayed high. The model's learners are not their subjects, so only the direction and the
  // rough levels are checked, not their numbers: with the defaults (N = 4, e = 20, r = 1.6,
  // k = 1, p = 3) and seeds 1–20, the late mean (rounds 100–199) is below 10% of the endowment
  // without punishment and above 70% with it.
  test.each(['imitation', 'reinforcement'] as const)(
    'simulatePublicGoods(%s): contributions decay toward 0 without punishment and stay high with it (Fehr & Gächter 2000, qualitative)',
    (learning) => {
      const start = mean(SEEDS.map((seed) => mean(simulatePublicGoods(publicGoodsParams({ learning, seed }), 1)[0]!))) / 20;
      expect(start).toBeGreaterThan(0.35);
      expect(start).toBeLessThan(0.65);
      const free = SEEDS.map((seed) => lateShare(learning, false, seed));
      const punished = SEEDS.map((seed) => lateShare(learning, true, seed));
      expect(mean(free)).toBeLessThan(0.1);
      expect(mean(punished)).toBeGreaterThan(0.7);
      // Seed by seed, the same learners contribute more when free riders are punished.
      SEEDS.forEach((_, k) => expect(punished[k]!).toBeGreaterThan(free[k]! + 0.3));
    },
  );
});

describe('input checks', () => {
  test('publicGoodsParams rejects a multiplier outside (1, N), naming it', () => {
    expect(() => publicGoodsParams({ multiplier: 4 })).toThrow(/multiplier must be in \(1, players\) = \(1, 4\), got 4/);
    expect(() => publicGoodsParams({ multiplier: 1 })).toThrow(RangeError);
    expect(() => publicGoodsNashContribution({ players: 3, endowment: 20, multiplier: 3.5 })).toThrow(/multiplier/);
  });

  test('publicGoodsParams rejects bad players, endowment, costs, noise and learning rules', () => {
    expect(() => publicGoodsParams({ players: 1 })).toThrow(/players must be an integer >= 2/);
    expect(() => publicGoodsParams({ endowment: 0 })).toThrow(/endowment/);
    expect(() => publicGoodsParams({ punishCost: -1 })).toThrow(/punishCost/);
    expect(() => publicGoodsParams({ punishImpact: Number.NaN })).toThrow(/punishImpact/);
    expect(() => publicGoodsParams({ noise: 2 })).toThrow(/noise must be in \[0, 1\]/);
    expect(() => publicGoodsParams({ learning: 'telepathy' as PublicGoodsLearning })).toThrow(TypeError);
  });

  test('publicGoodsPayoffs rejects contributions of the wrong length or outside [0, e]', () => {
    expect(() => publicGoodsPayoffs(publicGoodsDefaults, [1, 2, 3])).toThrow(/one entry per player \(4\), got 3/);
    expect(() => publicGoodsPayoffs(publicGoodsDefaults, [1, 2, 3, 21])).toThrow(/contributions\[3\] must be in \[0, 20\], got 21/);
    expect(() => simulatePublicGoods(publicGoodsDefaults, -1)).toThrow(/rounds/);
  });
});
