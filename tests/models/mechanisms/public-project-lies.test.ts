import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { misreportUtilityCurve, publicProjectMisreport } from '../../../src/models/mechanisms/index.ts';

// The worked example of the Clarke-tax tests: cost 300 split 100 each, benefits 250, 60, 20, so
// net values 150, −40, −80 (total 30: build) and agent 0 pivotal with a tax of 120.
const project = { values: [250, 60, 20], cost: 300 } as const;

describe('publicProjectMisreport (lying about a public project under the Clarke tax)', () => {
  it('publicProjectMisreport: a blocker who understates its value stops the project and pays for it', () => {
    // Agent 1 reports 0 (net −100): total −30, not built. Without it the others' net 70 would
    // build, so it is now pivotal and pays 70: true utility −70 against −40 when truthful.
    const result = publicProjectMisreport({ ...project, agent: 1, report: 0 });
    expect(result.truthful).toEqual({ build: true, tax: 0, utility: -40 });
    expect(result.lie).toEqual({ build: false, tax: 70, utility: -70 });
    expect(result.gain).toBe(-30);
    // Built exactly when its report exceeds 100 − 70 = 30.
    expect(result.threshold).toBe(30);
  });

  it('publicProjectMisreport: the pivotal agent cannot lower its tax by understating', () => {
    // Agent 0 reports 230 (net 130): still built (total 130 − 120 = 10 > 0), still pays 120.
    const shaded = publicProjectMisreport({ ...project, agent: 0, report: 230 });
    expect(shaded.lie).toEqual({ build: true, tax: 120, utility: 30 });
    expect(shaded.gain).toBe(0);
    // Reporting 150 (net 50) tips the total to −70: not built, no tax, utility 0 instead of 30.
    const result = publicProjectMisreport({ ...project, agent: 0, report: 150 });
    expect(result.lie).toEqual({ build: false, tax: 0, utility: 0 });
    expect(result.gain).toBe(-30);
    expect(result.threshold).toBe(220);
  });

  it('publicProjectMisreport honours unequal shares', () => {
    // Shares 60 and 20 of a cost of 80; values 50 and 50: nets −10 and 30, built. Agent 0 is not
    // pivotal; its report tips the decision below 60 − 30 = 30.
    const result = publicProjectMisreport({ values: [50, 50], cost: 80, shares: [60, 20], agent: 0, report: 10 });
    expect(result.threshold).toBe(30);
    expect(result.truthful).toEqual({ build: true, tax: 0, utility: -10 });
    expect(result.lie).toEqual({ build: false, tax: 30, utility: -30 });
  });

  it('publicProjectMisreport throws a RangeError naming the bad argument', () => {
    expect(() => publicProjectMisreport({ ...project, agent: 3, report: 0 })).toThrow(
      'publicProjectMisreport: agent must be an integer from 0 to 2, got 3',
    );
    expect(() => publicProjectMisreport({ ...project, agent: 0, report: Number.POSITIVE_INFINITY })).toThrow(
      'publicProjectMisreport: report must be a finite number, got Infinity',
    );
    expect(() => publicProjectMisreport({ values: [1, Number.NaN], cost: 1, agent: 0, report: 0 })).toThrow(
      'publicProjectMisreport: values must be a non-empty array of finite numbers',
    );
  });
});

describe('misreportUtilityCurve', () => {
  it('misreportUtilityCurve is a step: flat at the truthful utility on the truth’s side of the threshold, lower beyond it', () => {
    const reports = [-100, 0, 29, 31, 60, 200, 500];
    // Agent 1 (value 60, truthful utility −40): reports at most 30 block the project and cost 70.
    expect(misreportUtilityCurve({ ...project, agent: 1 }, reports)).toEqual([-70, -70, -70, -40, -40, -40, -40]);
  });

  it('misreportUtilityCurve peaks at the truth: no report beats it (Groves 1973), for random projects', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -200, max: 400 }), { minLength: 2, maxLength: 6 }),
        fc.integer({ min: 0, max: 600 }),
        fc.nat(),
        fc.array(fc.double({ min: -500, max: 1000, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (values, cost, pick, reports) => {
          const agent = pick % values.length;
          const options = { values, cost, agent };
          const truth = publicProjectMisreport({ ...options, report: values[agent]! }).truthful.utility;
          expect(misreportUtilityCurve(options, [values[agent]!])[0]).toBeCloseTo(truth, 9);
          for (const u of misreportUtilityCurve(options, reports)) expect(u).toBeLessThanOrEqual(truth + 1e-9);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('misreportUtilityCurve throws on a non-finite report', () => {
    expect(() => misreportUtilityCurve({ ...project, agent: 0 }, [1, Number.NaN])).toThrow(
      'misreportUtilityCurve: reports[1] must be a finite number, got NaN',
    );
  });
});
