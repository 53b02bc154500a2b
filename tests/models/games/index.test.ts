import { describe, expect, it } from 'vitest';
import * as games from '../../../src/models/games/index.ts';

describe('games public surface', () => {
  it('games/index.ts exports the contract names and nothing unexpected', () => {
    // nashEquilibria is called by checks outside the project.
    expect(Object.keys(games).sort()).toEqual(
      [
        'GAME_PRESET_IDS',
        'bestResponseDynamics',
        'bestResponsePlay',
        'columnBestResponses',
        'columnPayoffVector',
        'degeneracyWitness',
        'expectedPayoffs',
        'fictitiousPlay',
        'gameEfficiency',
        'gamePreset',
        'isDegenerate',
        'isNashEquilibrium',
        'nashEquilibria',
        'paretoOptimalOutcomes',
        'prisonersDilemmaGame',
        'rowBestResponses',
        'rowPayoffVector',
      ].sort(),
    );
    const constants: string[] = ['GAME_PRESET_IDS'];
    for (const [name, value] of Object.entries(games)) {
      if (!constants.includes(name)) expect(typeof value, name).toBe('function');
    }
  });
});
