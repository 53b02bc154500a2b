import { describe, expect, it } from 'vitest';
import * as dilemmas from '../../../src/models/dilemmas/index.ts';

describe('dilemmas public surface', () => {
  it('dilemmas/index.ts exports the contract names and nothing unexpected', () => {
    // playMatch is called by checks outside the project.
    expect(Object.keys(dilemmas).sort()).toEqual(
      [
        'DEFAULT_DILEMMA_PAYOFFS',
        'DILEMMA_STRATEGIES',
        'DILEMMA_STRATEGY_IDS',
        'cycler',
        'ecologicalTournament',
        'generosity',
        'getDilemmaStrategy',
        'isStrategyId',
        'playMatch',
        'playStrategies',
        'roundRobin',
        'roundRobinSteps',
        'countRoundRobinTurns',
        'finishRoundRobin',
        'turnPayoffs',
      ].sort(),
    );
    const constants: string[] = ['DEFAULT_DILEMMA_PAYOFFS', 'DILEMMA_STRATEGIES', 'DILEMMA_STRATEGY_IDS'];
    for (const [name, value] of Object.entries(dilemmas)) {
      if (!constants.includes(name)) expect(typeof value, name).toBe('function');
    }
  });
});
