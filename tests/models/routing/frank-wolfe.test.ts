import { describe, expect, it } from 'vitest';
import {
  braessNetwork,
  frankWolfe,
  gridNetwork,
  pigouNetwork,
  systemOptimum,
  wardropEquilibrium,
  withLatencyDegree,
} from '../../../src/models/routing/index.ts';

describe('frankWolfe', () => {
  it('frankWolfe(pigou) starts with everyone on the empty congestible road, already an equilibrium (gap 0)', () => {
    const { network, demand } = pigouNetwork();
    const [first] = frankWolfe(network, demand, { iterations: 0 });
    expect(first!.flows).toEqual([1, 0]);
    expect(first!.cost).toBe(1);
    expect(first!.gap).toBe(0);
  });

  it('frankWolfe(pigou, optimum) reaches the half-and-half split in one exact line search', () => {
    const { network, demand } = pigouNetwork();
    const its = frankWolfe(network, demand, { iterations: 1, objective: 'optimum' });
    expect(its).toHaveLength(2);
    // Marginal costs at [1, 0] are 2 and 1, so the direction is the constant road, and the step
    // that minimises x² + (1 − x) is λ = 1/2.
    expect(its[1]!.step).toBeCloseTo(0.5, 12);
    expect(its[1]!.flows[0]).toBeCloseTo(0.5, 12);
    expect(its[1]!.cost).toBeCloseTo(0.75, 12);
    expect(its[1]!.gap).toBeLessThan(1e-12);
  });

  it('frankWolfe(braess without the link) moves half the traffic in the first step: 1.5 per driver', () => {
    const { network, demand } = braessNetwork({ withLink: false });
    const its = frankWolfe(network, demand, { iterations: 1 });
    expect(its[0]!.cost).toBe(2);
    expect(its[1]!.cost).toBeCloseTo(1.5, 12);
  });

  it('frankWolfe on street grids closes the gap and approaches the solvers’ answers; the optimum’s total latency never rises', () => {
    for (const seed of [1, 5]) {
      const { network: base, demand } = gridNetwork({ rows: 3, cols: 3, seed, rate: 2 });
      const network = withLatencyDegree(base, 2);
      const eq = frankWolfe(network, demand, { iterations: 300 });
      const opt = frankWolfe(network, demand, { iterations: 300, objective: 'optimum' });
      expect(eq.at(-1)!.gap).toBeLessThan(eq[0]!.gap);
      expect(eq.at(-1)!.gap).toBeLessThan(1e-3);
      expect(opt.at(-1)!.gap).toBeLessThan(1e-3);
      // Frank–Wolfe converges sublinearly: a few parts in a thousand after 300 iterations.
      const exactEq = wardropEquilibrium(network, demand).cost;
      const exactOpt = systemOptimum(network, demand).cost;
      expect(Math.abs(eq.at(-1)!.cost - exactEq)).toBeLessThan(3e-3 * exactEq);
      expect(opt.at(-1)!.cost).toBeGreaterThanOrEqual(exactOpt * (1 - 1e-12));
      expect(opt.at(-1)!.cost - exactOpt).toBeLessThan(3e-3 * exactOpt);
      for (let k = 1; k < opt.length; k++) expect(opt[k]!.cost).toBeLessThanOrEqual(opt[k - 1]!.cost + 1e-12);
      for (const it of eq) expect(it.flows.reduce((s, v, e) => s + (network.edges[e]!.from === demand.from ? v : 0), 0)).toBeCloseTo(2, 9);
    }
  });

  it('frankWolfe rejects bad iteration counts, objectives and demands', () => {
    const { network, demand } = pigouNetwork();
    expect(() => frankWolfe(network, demand, { iterations: -1 })).toThrow(/iterations must be an integer from 0 to 10000, got -1/);
    expect(() => frankWolfe(network, demand, { iterations: 1, objective: 'fastest' as 'optimum' })).toThrow(TypeError);
    expect(() => frankWolfe(network, { ...demand, to: 'z' }, { iterations: 1 })).toThrow(/"z" is not a node/);
  });
});
