/**
 * Specification gaming in a 5×5 gridworld. The designer wants the agent to reach the goal; the
 * proxy reward pays +10 at the goal and +1 for stepping onto a bonus tile near the start, a bonus
 * that "respawns" (pays again on every re-entry). Walking on and off the tile earns more over an
 * episode than the goal does, so a tabular Q-learner learns to loop on the bonus and never finishes.
 * Two fixes: the bonus pays once per episode ('bonus-once', with "already collected" added to the
 * state so the reward stays Markov), or only the goal is rewarded ('goal-only').
 * @see Krakovna et al. (2020), "Specification gaming"; Clark & Amodei (2016) for the CoastRunners loop.
 */
import { createRng, type Rng } from '../random.ts';

/** How the proxy reward is repaired: not at all, bonus paid once per episode, or goal only. */
export type GridworldFix = 'none' | 'bonus-once' | 'goal-only';

/** The fixed layout: cells are [x, y], x to the right, y downward. */
export const GRIDWORLD_LAYOUT = {
  width: 5,
  height: 5,
  start: [0, 0] as const,
  goal: [4, 4] as const,
  bonus: [2, 0] as const,
};

/** Options of the gridworld experiment. */
export type GridworldOptions = {
  seed: number;
  /** The reward repair; default 'none' (the loophole is open). */
  fix?: GridworldFix;
  /** Training episodes; default 500. */
  episodes?: number;
  /** Step limit per episode (a time limit, not a terminal state); default 50. */
  horizon?: number;
  /** Learning rate in (0, 1]; default 0.5. */
  alpha?: number;
  /** Discount factor in [0, 1); default 0.95. */
  gamma?: number;
  /** Exploration probability of the ε-greedy behaviour policy, in [0, 1]; default 0.1. */
  epsilon?: number;
  /** Proxy reward for reaching the goal; default 10. */
  goalReward?: number;
  /** Proxy reward for entering the bonus tile; default 1. */
  bonusReward?: number;
};

/** One greedy episode of the learned policy. */
export type GridworldRollout = {
  /** Cells visited, as [x, y], starting at the start cell. */
  path: [number, number][];
  reachedGoal: boolean;
  /** Undiscounted proxy reward collected. */
  proxyReturn: number;
  /** How many times the bonus tile was entered. */
  bonusVisits: number;
};

/** Learning curves and the final greedy behaviour. */
export type GridworldResult = {
  /** Undiscounted proxy return of each training episode (ε-greedy behaviour). */
  proxyReturns: number[];
  /** 1 if the training episode reached the goal (the true objective), else 0. */
  successes: number[];
  /** 1 if the greedy policy after each episode reaches the goal within the horizon, else 0. */
  greedySuccesses: number[];
  /** The greedy policy after training. */
  greedy: GridworldRollout;
};

const ACTIONS: readonly (readonly [number, number])[] = [
  [0, -1],
  [1, 0],
  [0, 1],
  [-1, 0],
];

function readOptions(options: GridworldOptions) {
  const fn = 'trainGridworld';
  const fix = options.fix ?? 'none';
  if (fix !== 'none' && fix !== 'bonus-once' && fix !== 'goal-only') {
    throw new TypeError(`${fn}: fix must be 'none', 'bonus-once' or 'goal-only', got ${String(fix)}`);
  }
  const episodes = options.episodes ?? 500;
  const horizon = options.horizon ?? 50;
  const alpha = options.alpha ?? 0.5;
  const gamma = options.gamma ?? 0.95;
  const epsilon = options.epsilon ?? 0.1;
  const goalReward = options.goalReward ?? 10;
  const bonusReward = options.bonusReward ?? 1;
  if (!Number.isInteger(episodes) || episodes < 0 || episodes > 1e6) {
    throw new RangeError(`${fn}: episodes must be an integer from 0 to 1e6, got ${episodes}`);
  }
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 1e4) {
    throw new RangeError(`${fn}: horizon must be an integer from 1 to 1e4, got ${horizon}`);
  }
  if (!(alpha > 0 && alpha <= 1)) throw new RangeError(`${fn}: alpha must be in (0, 1], got ${alpha}`);
  if (!(gamma >= 0 && gamma < 1)) throw new RangeError(`${fn}: gamma must be in [0, 1), got ${gamma}`);
  if (!(epsilon >= 0 && epsilon <= 1)) throw new RangeError(`${fn}: epsilon must be in [0, 1], got ${epsilon}`);
  if (!Number.isFinite(goalReward)) throw new RangeError(`${fn}: goalReward must be finite, got ${goalReward}`);
  if (!Number.isFinite(bonusReward)) throw new RangeError(`${fn}: bonusReward must be finite, got ${bonusReward}`);
  return { fix, episodes, horizon, alpha, gamma, epsilon, goalReward, bonusReward };
}

type Settings = ReturnType<typeof readOptions>;

const { width: W, height: H } = GRIDWORLD_LAYOUT;
const CELLS = W * H;
const START = GRIDWORLD_LAYOUT.start[1] * W + GRIDWORLD_LAYOUT.start[0];
const GOAL = GRIDWORLD_LAYOUT.goal[1] * W + GRIDWORLD_LAYOUT.goal[0];
const BONUS = GRIDWORLD_LAYOUT.bonus[1] * W + GRIDWORLD_LAYOUT.bonus[0];

/** Moves from `cell` by `action`; bumping into the edge leaves the agent where it is. */
function move(cell: number, action: number): number {
  const [dx, dy] = ACTIONS[action]!;
  const x = (cell % W) + dx;
  const y = Math.floor(cell / W) + dy;
  return x < 0 || x >= W || y < 0 || y >= H ? cell : y * W + x;
}

/** One environment step: the next cell, the proxy reward, whether the goal ended the episode, and the bonus flag. */
function envStep(cell: number, collected: boolean, action: number, s: Settings) {
  const next = move(cell, action);
  let reward = 0;
  let nowCollected = collected;
  if (next === BONUS && cell !== BONUS) {
    if (s.fix === 'none' || (s.fix === 'bonus-once' && !collected)) reward += s.bonusReward;
    nowCollected = true;
  }
  const terminal = next === GOAL;
  if (terminal) reward += s.goalReward;
  return { next, reward, terminal, collected: nowCollected };
}

/** The Q-table row of a situation: the bonus flag is part of the state only when the bonus pays once. */
function stateOf(cell: number, collected: boolean, s: Settings): number {
  return s.fix === 'bonus-once' && collected ? cell + CELLS : cell;
}

function greedyAction(q: Float64Array, state: number, rng: Rng | null): number {
  const base = state * 4;
  let best = q[base]!;
  for (let a = 1; a < 4; a++) best = Math.max(best, q[base + a]!);
  if (!rng) {
    for (let a = 0; a < 4; a++) if (q[base + a] === best) return a;
  }
  // Random tie-breaking in the behaviour policy, so an untrained agent does not walk into a wall forever.
  const ties: number[] = [];
  for (let a = 0; a < 4; a++) if (q[base + a] === best) ties.push(a);
  return ties[Math.floor(rng!() * ties.length)]!;
}

function rollout(q: Float64Array, s: Settings): GridworldRollout {
  let cell = START;
  let collected = false;
  const path: [number, number][] = [[cell % W, Math.floor(cell / W)]];
  let proxyReturn = 0;
  let bonusVisits = 0;
  let reachedGoal = false;
  for (let t = 0; t < s.horizon; t++) {
    const step = envStep(cell, collected, greedyAction(q, stateOf(cell, collected, s), null), s);
    if (step.next === BONUS && cell !== BONUS) bonusVisits++;
    proxyReturn += step.reward;
    cell = step.next;
    collected = step.collected;
    path.push([cell % W, Math.floor(cell / W)]);
    if (step.terminal) {
      reachedGoal = true;
      break;
    }
  }
  return { path, reachedGoal, proxyReturn, bonusVisits };
}

/**
 * Trains a tabular Q-learner (ε-greedy, zero-initialised) on the gridworld's proxy reward and returns
 * per-episode proxy returns and goal successes, the greedy policy's success after each episode, and a
 * final greedy rollout (ties to the first of up, right, down, left); deterministic for `seed`.
 * @see Krakovna et al. (2020).
 */
export function trainGridworld(options: GridworldOptions): GridworldResult {
  const s = readOptions(options);
  const rng = createRng(options.seed);
  // Q table [state·4 + action], mutated in place.
  const q = new Float64Array(2 * CELLS * 4);
  const proxyReturns: number[] = [];
  const successes: number[] = [];
  const greedySuccesses: number[] = [];
  for (let e = 0; e < s.episodes; e++) {
    let cell = START;
    let collected = false;
    let total = 0;
    let success = 0;
    for (let t = 0; t < s.horizon; t++) {
      const state = stateOf(cell, collected, s);
      const action = rng() < s.epsilon ? Math.floor(rng() * 4) : greedyAction(q, state, rng);
      const step = envStep(cell, collected, action, s);
      const nextState = stateOf(step.next, step.collected, s);
      let future = 0;
      if (!step.terminal) {
        const base = nextState * 4;
        future = Math.max(q[base]!, q[base + 1]!, q[base + 2]!, q[base + 3]!);
      }
      const i = state * 4 + action;
      q[i] = q[i]! + s.alpha * (step.reward + s.gamma * future - q[i]!);
      total += step.reward;
      cell = step.next;
      collected = step.collected;
      if (step.terminal) {
        success = 1;
        break;
      }
    }
    proxyReturns.push(total);
    successes.push(success);
    greedySuccesses.push(rollout(q, s).reachedGoal ? 1 : 0);
  }
  return { proxyReturns, successes, greedySuccesses, greedy: rollout(q, s) };
}
