/**
 * The parameters and the description of the reward-hacking gridworld simulation, shared by the
 * component, its URL state and the registry (no zod, no Preact: safe for both the browser and Node).
 */
import type { ParamSpecs } from '../kit/params.ts';
import type { SimAbout } from '../kit/SimFrame.tsx';

/** The simulation's parameters; the learner's settings are the model's defaults (see the About text). */
export const rewardHackingGridworldParams = {
  reward: {
    kind: 'select',
    label: 'Reward',
    options: [
      { value: 'flawed', label: 'Flawed: the bonus pays on every entry' },
      { value: 'bonus-once', label: 'Fix: the bonus pays once per episode' },
      { value: 'goal-only', label: 'Fix: only the goal pays' },
    ],
    default: 'flawed',
  },
  episodes: { kind: 'integer', label: 'Training episodes', min: 50, max: 1000, step: 50, default: 500 },
  seed: { kind: 'seed', label: 'Seed', default: 1 },
} as const satisfies ParamSpecs;

/** The model's fixed settings, as trainGridworld defaults them (stated here for the caption and the About text). */
export const gridworldFixed = { horizon: 50, goalReward: 10, bonusReward: 1, epsilon: 0.1 } as const;

/** Episodes over which the learning curves are averaged. */
export const GRIDWORLD_WINDOW = 20;

/** Name, title, one-line description and the "About this model" content. */
export const rewardHackingGridworldInfo = {
  name: 'reward-hacking-gridworld',
  title: 'A reward with a loophole',
  description:
    'A Q-learning agent in a 5×5 gridworld should reach the goal, but a respawning bonus pays more: it learns to loop on the bonus and never finishes, until the reward is fixed.',
  about: {
    summary:
      'The designer wants the agent to reach the goal. The reward written down pays +10 at the goal and +1 each time the agent steps onto a bonus tile near the start, and the bonus “respawns”: it pays again on every re-entry. Stepping on and off the tile for a whole episode earns more than finishing, so a learner that maximises the written reward learns to do exactly that.',
    assumptions: [
      'A 5×5 grid with walls all round: the agent starts in the top-left corner, the goal is in the bottom-right corner and the bonus tile is two cells to the right of the start; moves are up, right, down or left, and bumping into a wall leaves the agent in place.',
      'An episode ends at the goal or after 50 steps (a time limit, not a terminal state); the proxy reward is +10 at the goal and +1 on entering the bonus tile.',
      'Tabular Q-learning with learning rate 0.5, discount 0.95 and ε-greedy exploration with ε = 0.1; Q-values start at zero, and the behaviour policy breaks ties at random.',
      'The greedy path drawn is the policy after the episodes trained so far, following the largest Q-value (ties to up, right, down, left) for up to 50 steps.',
      'Fix “bonus once”: the bonus pays only the first time in an episode, and whether it was collected becomes part of the state, so the reward stays Markov. Fix “goal only”: the bonus pays nothing.',
      'True success is whether an episode reaches the goal; the curves average it, and the proxy return, over the last 20 episodes.',
    ],
    reproduces: {
      result:
        'Specification gaming: an agent optimising a reward with a loophole exploits it instead of doing the intended task. With the flawed reward the agent loops on the respawning bonus and never reaches the goal, as the CoastRunners boat of Clark & Amodei (2016) circled respawning targets instead of finishing the race; with either fix it learns to reach the goal',
      citation: {
        key: 'krakovna2020',
        authors:
          'Victoria Krakovna, Jonathan Uesato, Vladimir Mikulik, Matthew Rahtz, Tom Everitt, Ramana Kumar et al.',
        year: 2020,
        title: 'Specification gaming: the flip side of AI ingenuity',
        url: 'https://deepmindsafetyresearch.medium.com/specification-gaming-the-flip-side-of-ai-ingenuity-c85bdb0deeb4',
      },
    },
    model: 'src/models/learning/gridworld.ts',
    tests: 'tests/models/learning/gridworld.test.ts',
  } satisfies SimAbout,
} as const;
