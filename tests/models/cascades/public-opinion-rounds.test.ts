import { describe, expect, it } from 'vitest';
import {
  kuranPopulation,
  publicOpinionRounds,
  publicResponse,
  simulatePreferenceFalsification,
  type KuranPerson,
} from '../../../src/models/cascades/index.ts';

// The same hand-made crowd as preference-falsification.test.ts: with expressive need 2 and
// sensitivity 1 a person with threshold T has private preference (1.5 − T)/2. Thresholds −0.05,
// 0.15, 0.15, 0.25, …, 0.85: one person speaks from silence and the chain breaks at 10%.
const personWithThreshold = (T: number): KuranPerson => ({
  preference: (1.5 - T) / 2,
  expressiveNeed: 2,
  sensitivity: 1,
});
const broken = [-0.05, 0.15, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85].map(personWithThreshold);

const count = (flags: readonly boolean[]) => flags.filter(Boolean).length;

describe('publicOpinionRounds (Kuran 1991)', () => {
  it('publicOpinionRounds(broken, drift 0.01) names who speaks as public opinion collapses', () => {
    const run = publicOpinionRounds({ people: broken, steps: 8, initialShare: 0.1, drift: 0.01 });
    // Worked by hand in preference-falsification.test.ts: public support 0.1, 0.1, 0.1, 0.3, 0.5, …
    expect(run.publicShare.map((s) => Math.round(s * 10) / 10)).toEqual([0.1, 0.1, 0.1, 0.3, 0.5, 0.7, 0.9, 1, 1]);
    // Period 0 carries the initial share but no named speaker; in period 1 only the person with
    // threshold −0.05 speaks; in period 3 the two 0.15s (now 0.09 < 0.1) join.
    expect(count(run.yes[0]!)).toBe(0);
    expect(run.yes[1]).toEqual([true, false, false, false, false, false, false, false, false, false]);
    expect(run.yes[3]!.slice(0, 4)).toEqual([true, true, true, false]);
    // Thresholds fall by 2 × drift = 0.02 a period.
    expect(run.thresholds[1]![1]! - run.thresholds[0]![1]!).toBeCloseTo(-0.02, 12);
    // Six of ten privately prefer change at the start (preference above 1/2), seven by period 3.
    expect(count(run.privatelyFor[0]!)).toBe(6);
    expect(count(run.privatelyFor[3]!)).toBe(7);
  });

  it('publicOpinionRounds agrees with simulatePreferenceFalsification and publicResponse on a random crowd', () => {
    const people = kuranPopulation({ size: 150, seed: 7, meanPreference: 0.55, preferenceSd: 0.2 });
    const options = { people, steps: 60, drift: 0.004 };
    const run = publicOpinionRounds(options);
    const shares = simulatePreferenceFalsification(options);
    expect(run.publicShare).toEqual(shares.publicShare);
    expect(run.privateShare).toEqual(shares.privateShare);
    for (let t = 1; t <= 60; t++) {
      // Who says "yes" adds up to the public share, and who privately prefers change to the private share.
      expect(count(run.yes[t]!) / 150).toBe(shares.publicShare[t]);
      expect(count(run.privatelyFor[t]!) / 150).toBe(shares.privateShare[t]);
      // The response curve at last period's share is this period's number of speakers.
      const k = Math.round(shares.publicShare[t - 1]! * 150);
      expect(run.response[t]![k]).toBe(count(run.yes[t]!));
    }
    // Without drift the response curve is publicResponse at every k/n.
    const still = publicOpinionRounds({ people, steps: 2 });
    for (const k of [0, 30, 75, 149, 150]) expect(still.response[0]![k]! / 150).toBe(publicResponse(people, k / 150));
  });

  it('publicOpinionRounds rejects bad options through the model, naming them', () => {
    expect(() => publicOpinionRounds({ people: broken, steps: -1 })).toThrow(/steps must be a non-negative integer/);
    expect(() => publicOpinionRounds({ people: [], steps: 1 })).toThrow(/people must be a non-empty array/);
  });
});
