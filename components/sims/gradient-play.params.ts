/**
 * The parameters and the description of the gradient-play simulation, shared by the component, its
 * URL state and the registry (no zod, no Preact: safe for both the browser and Node).
 */
import type { ParamSpecs } from '../kit/params.ts';
import type { SimAbout } from '../kit/SimFrame.tsx';

/**
 * The simulation's parameters. The start is given relative to the view, −1 to 1 across it, so the
 * same setting means the same place in every game; the controls show it in the game's own units.
 */
export const gradientPlayParams = {
  game: {
    kind: 'select',
    label: 'Game',
    options: [
      { value: 'bilinear', label: 'Bilinear zero-sum: f₁ = xy, f₂ = −xy' },
      { value: 'potential', label: 'Potential game: one shared payoff' },
      { value: 'cournot', label: 'Cournot duopoly: fᵢ = qᵢ(1 − x − y)' },
    ],
    default: 'bilinear',
  },
  method: {
    kind: 'select',
    label: 'Method',
    options: [
      { value: 'simultaneous', label: 'Simultaneous steps' },
      { value: 'alternating', label: 'Alternating steps (x moves first)' },
      { value: 'exact', label: 'Exact flow (continuous time)' },
    ],
    default: 'simultaneous',
  },
  stepSize: { kind: 'number', label: 'Step size η', min: 0.01, max: 0.5, step: 0.01, default: 0.1 },
  steps: { kind: 'integer', label: 'Steps', min: 10, max: 500, step: 10, default: 150 },
  startX: { kind: 'number', label: 'Start x', min: -1, max: 1, step: 0.05, default: 0.4 },
  startY: { kind: 'number', label: 'Start y', min: -1, max: 1, step: 0.05, default: -0.2 },
  welfare: { kind: 'boolean', label: 'Also show ascent on joint welfare', default: true },
} as const satisfies ParamSpecs;

/** Half the width of each game's view, centred on its Nash equilibrium (the Cournot view is [0, 2/3]²). */
export const GRADIENT_PLAY_VIEW_HALF = { bilinear: 2.5, potential: 2.5, cournot: 1 / 3 } as const;

/** Name, title, one-line description and the "About this model" content. */
export const gradientPlayInfo = {
  name: 'gradient-play',
  title: 'Two players, each following its own gradient',
  description:
    'Simultaneous gradient play in two-player games: it spirals away from the equilibrium of the bilinear zero-sum game, converges in a potential game, and in Cournot stops at Nash rather than the joint optimum that ascent on welfare finds.',
  about: {
    summary:
      'Player 1 chooses x to raise its payoff f₁, player 2 chooses y to raise f₂, and each moves along the gradient of its own payoff with respect to its own variable. The arrows show that direction of play at each point; the paths show where repeated steps take the players, and where the players would go if both climbed their joint welfare f₁ + f₂ instead.',
    assumptions: [
      'Payoffs are quadratic in (x, y), so the direction of play is an affine field z′ = J·z + h.',
      'Simultaneous steps: both players move by η times their own gradient at the current point. Alternating steps: x moves first, then y answers the new x. Exact flow: the continuous-time dynamics, sampled every η.',
      'Games: bilinear zero-sum f₁ = xy, f₂ = −xy (equilibrium (0, 0)); a potential game where both players share f = −x²/2 − y²/2 + xy/2 + x + y (equilibrium (2, 2)); Cournot duopoly with price 1 − x − y and no costs (Nash (1/3, 1/3); joint profit is highest anywhere on x + y = 1/2).',
      'Ascent on joint welfare moves both variables along the gradient of f₁ + f₂ with the same method and step size.',
      'ρ is the spectral radius of one step of play: in the long run each step multiplies the distance from the equilibrium by ρ.',
      'The start is set with the sliders or by dragging on the plane; arrows are scaled by the square root of the speed of play, so slow regions still show their direction.',
    ],
    reproduces: {
      result:
        'In the bilinear zero-sum game simultaneous gradient play spirals away from the equilibrium, each step multiplying the distance by √(1 + η²), while the exact flow cycles around it forever, as continuous-time learning in zero-sum games is recurrent rather than convergent; the rotational part of the game’s Jacobian causes the cycling (Balduzzi et al. 2018)',
      citation: {
        key: 'mertikopoulos2018',
        authors: 'Panayotis Mertikopoulos, Christos H. Papadimitriou and Georgios Piliouras',
        year: 2018,
        title: 'Cycles in Adversarial Regularized Learning',
        url: 'https://arxiv.org/abs/1709.02738',
      },
    },
    model: 'src/models/learning/gradient-play.ts',
    tests: 'tests/models/learning/gradient-play.test.ts',
  } satisfies SimAbout,
} as const;
