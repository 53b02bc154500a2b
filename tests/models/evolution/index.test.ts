import { describe, expect, it } from 'vitest';
import * as evolution from '../../../src/models/evolution/index.ts';

describe('evolution public surface', () => {
  it('evolution/index.ts exports the contract names and nothing unexpected', () => {
    // replicatorDynamics is called by checks outside the project.
    expect(Object.keys(evolution).sort()).toEqual(
      [
        'discreteReplicator',
        'evolutionarilyStableStrategies',
        'hawkDoveMatrix',
        'isESS',
        'replicatorDynamics',
        'replicatorVelocity',
        'restPoints',
        'rockPaperScissorsMatrix',
        'stagHuntMatrix',
      ].sort(),
    );
    const constants: string[] = [];
    for (const [name, value] of Object.entries(evolution)) {
      if (!constants.includes(name)) expect(typeof value, name).toBe('function');
    }
  });
});
