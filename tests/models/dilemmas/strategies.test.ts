import { describe, expect, it } from 'vitest';
import { DILEMMA_STRATEGIES, DILEMMA_STRATEGY_IDS, generosity, getDilemmaStrategy, isStrategyId, playMatch } from '../../../src/models/dilemmas/index.ts';

describe('strategy metadata', () => {
  it('DILEMMA_STRATEGIES includes every strategy the model contract names', () => {
    for (const id of [
      'always-cooperate',
      'always-defect',
      'tit-for-tat',
      'tit-for-two-tats',
      'suspicious-tit-for-tat',
      'grudger',
      'alternator',
      'win-stay-lose-shift',
      'random',
      'generous-tit-for-tat',
    ]) {
      expect(isStrategyId(id), id).toBe(true);
    }
  });

  it('every strategy declares its id, name, description, source, stochastic flag and memory depth', () => {
    for (const id of DILEMMA_STRATEGY_IDS) {
      const s = getDilemmaStrategy(id);
      expect(s.id).toBe(id);
      expect(s.name.length).toBeGreaterThan(0);
      expect(s.description.length).toBeGreaterThan(10);
      expect(s.source.length).toBeGreaterThan(0);
      expect(typeof s.stochastic).toBe('boolean');
      expect(s.memoryDepth === Infinity || (Number.isInteger(s.memoryDepth) && s.memoryDepth >= 0)).toBe(true);
    }
  });

  it('memory depths match the strategies’ definitions', () => {
    const depth = (id: keyof typeof DILEMMA_STRATEGIES): number => DILEMMA_STRATEGIES[id].memoryDepth;
    expect(depth('always-cooperate')).toBe(0);
    expect(depth('tit-for-tat')).toBe(1);
    expect(depth('win-stay-lose-shift')).toBe(1);
    expect(depth('tit-for-two-tats')).toBe(2);
    expect(depth('grudger')).toBe(Infinity);
  });

  it('a strategy flagged deterministic plays the same against a random opponent for every seed', () => {
    // A deterministic strategy's moves are a function of the opponent's earlier moves, so seeds
    // that give 'random' the same first three moves must give the same four replies.
    for (const id of DILEMMA_STRATEGY_IDS.filter((s) => !DILEMMA_STRATEGIES[s].stochastic)) {
      const replies = new Map<string, string>();
      let repeats = 0;
      for (let seed = 0; seed < 40; seed++) {
        const { moves } = playMatch(id, 'random', { turns: 4, seed });
        const key = moves[1].slice(0, 3);
        const prev = replies.get(key);
        if (prev !== undefined) {
          expect(moves[0], id).toBe(prev);
          repeats++;
        }
        replies.set(key, moves[0]);
      }
      expect(repeats).toBeGreaterThan(0);
    }
  });

  it('a strategy flagged stochastic varies with the seed against some opponent', () => {
    const opponents = ['always-cooperate', 'always-defect', 'alternator'] as const;
    for (const id of DILEMMA_STRATEGY_IDS.filter((s) => DILEMMA_STRATEGIES[s].stochastic)) {
      const seen = new Set<string>();
      for (const opp of opponents) for (let seed = 0; seed < 10; seed++) seen.add(`${opp}:${playMatch(id, opp, { turns: 30, seed }).moves[0]}`);
      expect(seen.size, id).toBeGreaterThan(opponents.length);
    }
  });
});

describe('generosity', () => {
  it('generosity(5, 3, 1, 0) is 1/3 (Nowak and Sigmund 1992)', () => {
    // min(1 − (T − R)/(R − S), (R − P)/(T − P)) = min(1 − 2/3, 2/4) = 1/3.
    expect(generosity({ T: 5, R: 3, P: 1, S: 0 })).toBeCloseTo(1 / 3, 15);
  });

  it('generosity stays in [0, 1] for degenerate payoffs', () => {
    expect(generosity({ T: 3, R: 3, P: 3, S: 3 })).toBe(0);
    expect(generosity({ T: 10, R: 3, P: 1, S: 0 })).toBe(0);
  });
});
