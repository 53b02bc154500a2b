import { describe, expect, it } from 'vitest';
import {
  kuranPopulation,
  kuranThreshold,
  publicOpinionEquilibria,
  publicResponse,
  simulatePreferenceFalsification,
  type KuranPerson,
} from '../../../src/models/cascades/index.ts';

/**
 * A person with revolutionary threshold T: with expressive need 2 and sensitivity 1 the
 * threshold is 1/2 − 2(x − 1/2), so the private preference is x = (1.5 − T)/2.
 */
const personWithThreshold = (T: number): KuranPerson => ({
  preference: (1.5 - T) / 2,
  expressiveNeed: 2,
  sensitivity: 1,
});

// Ten people with thresholds −0.05, 0.05, 0.15, …, 0.85: each one's threshold is met by those
// before it, Granovetter's uniform crowd in shares. Raising the second threshold to 0.15 breaks
// the chain (as in Granovetter 1978 and Kuran 1989).
const chain = [-0.05, 0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85];
const broken = [-0.05, 0.15, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85];

describe('Kuran thresholds', () => {
  it('kuranThreshold is 1/2 − (e/s)(x − 1/2)', () => {
    expect(kuranThreshold({ preference: 0.8, expressiveNeed: 1, sensitivity: 1 })).toBeCloseTo(0.2, 12);
    expect(kuranThreshold({ preference: 0.2, expressiveNeed: 1, sensitivity: 2 })).toBeCloseTo(0.65, 12);
    // No expressive need: a pure conformist, who sides with whichever view is in the majority.
    expect(kuranThreshold({ preference: 0.9, expressiveNeed: 0, sensitivity: 1 })).toBe(0.5);
    // No sensitivity: says what it thinks whatever others say.
    expect(kuranThreshold({ preference: 0.6, expressiveNeed: 1, sensitivity: 0 })).toBe(-Infinity);
    expect(kuranThreshold({ preference: 0.4, expressiveNeed: 1, sensitivity: 0 })).toBe(Infinity);
  });

  it('kuranThreshold rejects a preference outside [0, 1]', () => {
    expect(() => kuranThreshold({ preference: 1.2, expressiveNeed: 1, sensitivity: 1 })).toThrow(
      'kuranThreshold: people[0].preference must be in [0, 1], got 1.2',
    );
  });

  it('publicResponse counts the people whose thresholds lie below the current public share', () => {
    const people = chain.map(personWithThreshold);
    expect(publicResponse(people, 0)).toBe(0.1);
    expect(publicResponse(people, 0.3)).toBe(0.4);
  });
});

describe('publicOpinionEquilibria', () => {
  it('publicOpinionEquilibria(chain): from silence, public support climbs all the way', () => {
    expect(publicOpinionEquilibria(chain.map(personWithThreshold))).toEqual({
      equilibria: [1],
      statusQuo: 1,
      tippingPoint: null,
      tippedTo: null,
    });
  });

  it('publicOpinionEquilibria(broken): a 10% status quo hides a private majority, and tips at 20%', () => {
    const people = broken.map(personWithThreshold);
    const result = publicOpinionEquilibria(people);
    // By hand: one person speaks from silence; at 10% nobody else's threshold (all ≥ 0.15) is
    // passed, so 10% reproduces itself. At 20% three thresholds are passed (30%), then 40%, …, 100%.
    expect(result).toEqual({ equilibria: [0.1, 1], statusQuo: 0.1, tippingPoint: 0.2, tippedTo: 1 });
    // Preference falsification: 6 of 10 privately prefer change (preference above 1/2).
    expect(people.filter((p) => p.preference > 0.5)).toHaveLength(6);
  });
});

describe('simulatePreferenceFalsification', () => {
  it('a slow drift in private preferences produces a sudden public collapse (Kuran 1991)', () => {
    // Drift 0.01 a period lowers every threshold by 0.02. The two 0.15 thresholds fall below the
    // 10% status quo in period 3 (0.09), and the chain reaction then runs, one threshold band per
    // period: public support 0.1, 0.1, 0.1, 0.3, 0.5, 0.7, 0.9, 1 (worked by hand).
    const run = simulatePreferenceFalsification({
      people: broken.map(personWithThreshold),
      steps: 8,
      initialShare: 0.1,
      drift: 0.01,
    });
    expect(run.publicShare.map((s) => Math.round(s * 10) / 10)).toEqual([0.1, 0.1, 0.1, 0.3, 0.5, 0.7, 0.9, 1, 1]);
    // Private support hardly moved meanwhile: from 6 to 7 of 10 when the collapse began.
    expect(run.privateShare[0]).toBe(0.6);
    expect(run.privateShare[3]).toBe(0.7);
    // The tipping point stays at 20% until the status quo itself gives way.
    expect(run.tippingPoint.slice(0, 4)).toEqual([0.2, 0.2, 0.2, null]);
    expect(run.jumps).toEqual([3, 4, 5, 6]);
    expect(run.meanPreference[1]! - run.meanPreference[0]!).toBeCloseTo(0.01, 12);
  });

  it('simulatePreferenceFalsification without drift stays at a self-reproducing public share', () => {
    const run = simulatePreferenceFalsification({ people: broken.map(personWithThreshold), steps: 5 });
    expect(run.publicShare).toEqual([0, 0.1, 0.1, 0.1, 0.1, 0.1]);
    expect(run.jumps).toEqual([]);
  });

  it('simulatePreferenceFalsification checks its options', () => {
    const people = broken.map(personWithThreshold);
    expect(() => simulatePreferenceFalsification({ people, steps: -1 })).toThrow(
      'simulatePreferenceFalsification: steps must be a non-negative integer, got -1',
    );
    expect(() => simulatePreferenceFalsification({ people, steps: 2, initialShare: 2 })).toThrow(
      /initialShare must be in \[0, 1\]/,
    );
    expect(() => simulatePreferenceFalsification({ people: [], steps: 2 })).toThrow(/people must be a non-empty array/);
  });
});

describe('kuranPopulation', () => {
  it('kuranPopulation is deterministic for a seed and keeps traits in range', () => {
    const people = kuranPopulation({ size: 2000, seed: 1995, meanPreference: 0.6, preferenceSd: 0.15 });
    expect(kuranPopulation({ size: 2000, seed: 1995, meanPreference: 0.6, preferenceSd: 0.15 })).toEqual(people);
    for (const p of people) {
      expect(p.preference).toBeGreaterThanOrEqual(0);
      expect(p.preference).toBeLessThanOrEqual(1);
      expect(p.expressiveNeed).toBeGreaterThanOrEqual(0);
      expect(p.expressiveNeed).toBeLessThan(1);
      expect(p.sensitivity).toBeLessThan(1);
    }
    const mean = people.reduce((s, p) => s + p.preference, 0) / people.length;
    // Clipping at 0 and 1 barely matters at mean 0.6, sd 0.15; standard error 0.15/√2000 ≈ 0.0034.
    expect(Math.abs(mean - 0.6)).toBeLessThan(0.015);
  });

  it('simulated runs on a random population stay finite and public shares stay in [0, 1]', () => {
    const run = simulatePreferenceFalsification({
      people: kuranPopulation({ size: 500, seed: 3 }),
      steps: 50,
      drift: 0.005,
    });
    expect(run.publicShare).toHaveLength(51);
    for (const s of [...run.publicShare, ...run.privateShare, ...run.meanPreference]) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });
});
