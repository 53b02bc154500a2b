import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cycler,
  DILEMMA_STRATEGIES,
  DILEMMA_STRATEGY_IDS,
  playMatch,
  playStrategies,
  type DilemmaStrategy,
  type StrategyId,
} from '../../../src/models/dilemmas/index.ts';

/**
 * Asserts the whole move sequences of a noiseless match, in the manner of the Axelrod library's
 * versus_test: `a` and `b` are the expected moves of each side, one character a turn.
 */
function versus(x: StrategyId | DilemmaStrategy, y: StrategyId | DilemmaStrategy, a: string, b: string, seed = 0): void {
  const sx = typeof x === 'string' ? DILEMMA_STRATEGIES[x] : x;
  const sy = typeof y === 'string' ? DILEMMA_STRATEGIES[y] : y;
  expect(playStrategies(sx, sy, { turns: a.length, seed }).moves).toEqual([a, b]);
}

const deterministicIds = DILEMMA_STRATEGY_IDS.filter((id) => !DILEMMA_STRATEGIES[id].stochastic);

describe('playMatch move sequences', () => {
  it('playMatch(tit-for-tat, alternator) copies the alternator one turn late', () => {
    versus('tit-for-tat', 'alternator', 'CCDCDCDCDC', 'CDCDCDCDCD');
  });

  it('playMatch(suspicious-tit-for-tat, tit-for-tat) locks into alternating retaliation', () => {
    versus('suspicious-tit-for-tat', 'tit-for-tat', 'DCDCDCDC', 'CDCDCDCD');
  });

  it('playMatch(tit-for-two-tats, alternator) never retaliates against single defections', () => {
    versus('tit-for-two-tats', 'alternator', 'CCCCCCCC', 'CDCDCDCD');
  });

  it('playMatch(tit-for-two-tats, …) defects after two consecutive defections', () => {
    versus('tit-for-two-tats', cycler('CDDC'), 'CCCDCCCDC', 'CDDCCDDCC');
  });

  it('playMatch(win-stay-lose-shift, always-defect) switches after every loss', () => {
    versus('win-stay-lose-shift', 'always-defect', 'CDCDCDCD', 'DDDDDDDD');
  });

  it('playMatch(win-stay-lose-shift, suspicious-tit-for-tat) stays after T and shifts after S and P', () => {
    // Turn 1 (C, D): sucker's payoff, shift. Turn 2 (D, C): temptation, stay. Turn 3 (D, D): punishment, shift.
    versus('win-stay-lose-shift', 'suspicious-tit-for-tat', 'CDDCDDCDD', 'DCDDCDDCD');
  });

  it('playMatch(grudger, alternator) defects for ever after the first defection', () => {
    versus('grudger', 'alternator', 'CCDDDDDD', 'CDCDCDCD');
  });

  it('playMatch(two-tits-for-tat, alternator) answers each defection with two', () => {
    versus('two-tits-for-tat', 'alternator', 'CCDDDDDD', 'CDCDCDCD');
  });

  it('playMatch(davis, alternator) cooperates for 10 turns, then holds a grudge', () => {
    versus('davis', 'alternator', 'CCCCCCCCCCDD', 'CDCDCDCDCDCD');
  });

  it('playMatch(shubik, …) retaliates with runs of 1, 2, 3 defections', () => {
    // The same opponent and expected moves as the Axelrod library's test of First by Shubik.
    versus('shubik', cycler('DCDCC'), 'CDCDDCD', 'DCDCCDC');
    versus('shubik', 'alternator', 'CCDCDDCCDDDC', 'CDCDCDCDCDCD');
  });

  it('playMatch(joss, always-defect) is tit for tat against a defector, whatever the seed', () => {
    for (const seed of [0, 1, 2]) versus('joss', 'always-defect', 'CDDDDD', 'DDDDDD', seed);
  });

  it('playMatch(generous-tit-for-tat, always-cooperate) never needs to forgive', () => {
    versus('generous-tit-for-tat', 'always-cooperate', 'CCCCCC', 'CCCCCC');
  });

  it('playMatch scores each turn with T = 5, R = 3, P = 1, S = 0 by default', () => {
    // TFT vs alternator over 10 turns: one (C, C), then five (C, D) and four (D, C).
    expect(playMatch('tit-for-tat', 'alternator', { turns: 10 }).scores).toEqual([3 + 4 * 5, 3 + 5 * 5]);
  });

  it('playMatch uses custom payoffs', () => {
    // WSLS vs always defect: (C, D), (D, D), (C, D), (D, D) → S + P + S + P and T + P + T + P.
    const r = playMatch('win-stay-lose-shift', 'always-defect', { turns: 4, payoffs: { T: 4, R: 3, P: 2, S: 1 } });
    expect(r.scores).toEqual([6, 12]);
  });
});

describe('playMatch seeds and noise', () => {
  it('playMatch without noise gives the same match for any seed when both strategies are deterministic', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...deterministicIds),
        fc.constantFrom(...deterministicIds),
        fc.integer(),
        fc.integer(),
        (a, b, s, t) => {
          expect(playMatch(a, b, { turns: 30, seed: s })).toEqual(playMatch(a, b, { turns: 30, seed: t }));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('playMatch with noise is deterministic for its seed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DILEMMA_STRATEGY_IDS), fc.constantFrom(...DILEMMA_STRATEGY_IDS), fc.integer(), (a, b, seed) => {
        const options = { turns: 50, noise: 0.1, seed };
        expect(playMatch(a, b, options)).toEqual(playMatch(a, b, options));
      }),
      { numRuns: 100 },
    );
  });

  it('playMatch with noise differs between seeds', () => {
    const a = playMatch('always-cooperate', 'always-cooperate', { turns: 200, noise: 0.1, seed: 1 });
    const b = playMatch('always-cooperate', 'always-cooperate', { turns: 200, noise: 0.1, seed: 2 });
    expect(a.moves).not.toEqual(b.moves);
  });

  it('playMatch(noise) flips each move with that probability', () => {
    const turns = 20_000;
    const noise = 0.1;
    const { moves } = playMatch('always-cooperate', 'always-cooperate', { turns, noise, seed: 5 });
    const flipped = [...moves[0], ...moves[1]].filter((m) => m === 'D').length / (2 * turns);
    // Binomial share: SE = sqrt(p(1 − p)/n) with n = 2·turns.
    expect(Math.abs(flipped - noise)).toBeLessThan(4 * Math.sqrt((noise * (1 - noise)) / (2 * turns)));
  });

  it('playMatch shows both players the moves after noise', () => {
    const seen: string[] = [];
    const spy: DilemmaStrategy = {
      id: 'spy',
      name: 'Spy',
      description: 'Records what it sees and cooperates.',
      source: 'test',
      stochastic: false,
      memoryDepth: Infinity,
      create: () => (v) => {
        seen.push(v.opponent.join(''));
        return 'C';
      },
    };
    const { moves } = playStrategies(spy, DILEMMA_STRATEGIES['always-cooperate'], { turns: 100, noise: 0.2, seed: 3 });
    expect(moves[1]).toContain('D');
    seen.forEach((s, t) => expect(s).toBe(moves[1].slice(0, t)));
  });

  it("playMatch('random', …) cooperates about half the time", () => {
    const turns = 20_000;
    const { moves } = playMatch('random', 'always-cooperate', { turns, seed: 8 });
    const share = moves[0].split('').filter((m) => m === 'C').length / turns;
    expect(Math.abs(share - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / turns));
  });

  it("playMatch('generous-tit-for-tat', 'always-defect') forgives a third of defections with the default payoffs", () => {
    // Generosity min(1 − (T − R)/(R − S), (R − P)/(T − P)) = min(1/3, 1/2) = 1/3 (Nowak and Sigmund 1992).
    const turns = 30_000;
    const { moves } = playMatch('generous-tit-for-tat', 'always-defect', { turns, seed: 4 });
    const forgiving = moves[0].slice(1).split('').filter((m) => m === 'C').length / (turns - 1);
    expect(Math.abs(forgiving - 1 / 3)).toBeLessThan(4 * Math.sqrt((1 / 3) * (2 / 3) / turns));
  });

  it("playMatch('joss', 'always-cooperate') defects on about 10% of turns after the first", () => {
    const turns = 20_000;
    const { moves } = playMatch('joss', 'always-cooperate', { turns, seed: 6 });
    const share = moves[0].slice(1).split('').filter((m) => m === 'D').length / (turns - 1);
    expect(Math.abs(share - 0.1)).toBeLessThan(4 * Math.sqrt(0.09 / turns));
  });
});

describe('playMatch input checks', () => {
  it('playMatch rejects an unknown strategy, listing the known ones', () => {
    expect(() => playMatch('nice' as StrategyId, 'tit-for-tat', { turns: 3 })).toThrow(/unknown strategy "nice".*tit-for-tat/);
  });

  it('playMatch rejects bad turns, noise and payoffs', () => {
    expect(() => playMatch('tit-for-tat', 'tit-for-tat', { turns: -1 })).toThrow(/turns/);
    expect(() => playMatch('tit-for-tat', 'tit-for-tat', { turns: 2.5 })).toThrow(RangeError);
    expect(() => playMatch('tit-for-tat', 'tit-for-tat', { turns: 5, noise: 1.5 })).toThrow(/noise/);
    expect(() => playMatch('tit-for-tat', 'tit-for-tat', { turns: 5, payoffs: { T: 5, R: 3, P: Number.NaN, S: 0 } })).toThrow(/payoffs\.P/);
  });

  it('cycler rejects a pattern that is not made of C and D', () => {
    expect(() => cycler('CXD')).toThrow(/pattern/);
  });
});
