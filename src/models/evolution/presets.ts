/** Symmetric games of evolutionary game theory as payoff matrices (A[i][j]: payoff of i against j). */

/** A symmetric two-player game: strategy labels and the row player's payoff matrix. */
export type SymmetricGame = { name: string; strategies: string[]; A: number[][] };

/**
 * Hawk–Dove with resource value V > 0 and injury cost C > 0: hawks split contests with each other
 * at (V − C)/2, take V from doves, doves share V/2; when C > V the stable share of hawks is V/C.
 * @see maynardsmith1973
 */
export function hawkDoveMatrix(V: number, C: number): SymmetricGame {
  if (!(V > 0) || !Number.isFinite(V)) throw new RangeError(`hawkDoveMatrix: V (the resource value) must be a finite number > 0, got ${V}`);
  if (!(C > 0) || !Number.isFinite(C)) throw new RangeError(`hawkDoveMatrix: C (the cost of injury) must be a finite number > 0, got ${C}`);
  return {
    name: 'Hawk–Dove',
    strategies: ['Hawk', 'Dove'],
    A: [
      [(V - C) / 2, V],
      [0, V / 2],
    ],
  };
}

/**
 * Stag hunt as a symmetric game: stag pays `stag` (default 4) when both hunt it and 0 alone; hare
 * pays `hare` (default 3) whatever the other does; requires stag > hare > 0.
 */
export function stagHuntMatrix(stag = 4, hare = 3): SymmetricGame {
  if (!(stag > hare && hare > 0) || !Number.isFinite(stag)) throw new RangeError(`stagHuntMatrix: need stag > hare > 0, got stag=${stag}, hare=${hare}`);
  return {
    name: 'Stag hunt',
    strategies: ['Stag', 'Hare'],
    A: [
      [stag, 0],
      [hare, hare],
    ],
  };
}

/**
 * Generalised rock–paper–scissors: a win pays `win` and a loss costs `lose` (both default 1, the
 * zero-sum game, whose interior orbits are closed cycles); the uniform mix is an ESS and attracts
 * interior orbits exactly when win > lose.
 * @see hofbauer1998
 */
export function rockPaperScissorsMatrix(options: { win?: number; lose?: number } = {}): SymmetricGame {
  const win = options.win ?? 1;
  const lose = options.lose ?? 1;
  if (!(win > 0) || !Number.isFinite(win)) throw new RangeError(`rockPaperScissorsMatrix: win must be a finite number > 0, got ${win}`);
  if (!(lose > 0) || !Number.isFinite(lose)) throw new RangeError(`rockPaperScissorsMatrix: lose must be a finite number > 0, got ${lose}`);
  return {
    name: 'Rock–paper–scissors',
    strategies: ['Rock', 'Paper', 'Scissors'],
    A: [
      [0, -lose, win],
      [win, 0, -lose],
      [-lose, win, 0],
    ],
  };
}
