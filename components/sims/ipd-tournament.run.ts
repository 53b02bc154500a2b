/**
 * The ipd-tournament's heavy step, the round robin, shared by the page (small tournaments, run at
 * once) and its Web Worker (large ones, with progress). No Preact here: a worker imports it.
 */
import { finishRoundRobin, roundRobinSteps } from '../../src/models/dilemmas/round-robin-steps.ts';
import type { StrategyId } from '../../src/models/dilemmas/strategies.ts';
import type { TournamentResult } from '../../src/models/dilemmas/tournament.ts';

/** What the page asks for: the entrants and the round robin's settings, with the key they are cached under. */
export type IpdRunInput = {
  readonly key: string;
  readonly strategies: readonly StrategyId[];
  readonly turns: number;
  readonly noise: number;
  readonly repetitions: number;
  readonly seed: number;
};

/** The round robin's result under the key it was asked for. */
export type IpdRunOutput = { readonly key: string; readonly result: TournamentResult };

function steps(input: IpdRunInput) {
  const { strategies, turns, noise, repetitions, seed } = input;
  return roundRobinSteps(strategies, { turns, noise, repetitions, seed });
}

/** Returns the round robin for `input` at once (for tournaments small enough to run on the page). */
export function computeIpdRoundRobin(input: IpdRunInput): IpdRunOutput {
  return { key: input.key, result: finishRoundRobin(steps(input)) };
}

// Progress is posted at most this often: each report yields to the event loop, which browsers
// may delay by 4 ms, so reporting after every match would slow a long run down noticeably.
const REPORT_EVERY_MS = 50;

/** Plays the round robin match by match, reporting the share done at most every 50 ms; the worker's handler. */
export async function runIpdRoundRobin(
  input: IpdRunInput,
  reportProgress: (fraction: number) => Promise<void>,
): Promise<IpdRunOutput> {
  const run = steps(input);
  let lastReport = Date.now();
  for (;;) {
    const next = run.next();
    if (next.done) return { key: input.key, result: next.value };
    if (Date.now() - lastReport >= REPORT_EVERY_MS) {
      await reportProgress(next.value);
      lastReport = Date.now();
    }
  }
}
