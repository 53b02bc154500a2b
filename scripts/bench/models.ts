/**
 * `npm run bench:models`: times the model package on the workloads the issues name, in Node.
 * Prints medians over repeated runs after a warm-up. A benchmark, never a test.
 */
import { cpus } from 'node:os';
import {
  createRng,
  nashEquilibria,
  roundRobin,
  DILEMMA_STRATEGY_IDS,
  wardropEquilibrium,
  gridNetwork,
  createQPricing,
  simulateQPricing,
  electionWinners,
  impartialCulture,
  yeeDiagrams,
  type Rule,
} from '../../src/models/index.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
/** Median milliseconds of `fn` over `runs` runs after `warm` warm-up runs. */
function time(fn: () => void, runs = 7, warm = 2): number {
  for (let i = 0; i < warm; i++) fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

const rows: [string, string][] = [];

// games: random 6×6 bimatrix games
{
  const rng = createRng(1);
  const games = Array.from({ length: 20 }, () => [0, 1].map(() => Array.from({ length: 6 }, () => Array.from({ length: 6 }, () => Math.round(rng() * 20)))));
  const ms = time(() => games.forEach(([A, B]) => nashEquilibria(A!, B!)), 5, 1) / games.length;
  rows.push(['nashEquilibria, random 6×6 game', `${ms.toFixed(2)} ms per game`]);
}
// dilemmas: a 200-turn round robin among 20 strategies (the list, repeated with noise to reach 20)
{
  const ids = Array.from({ length: 20 }, (_, i) => DILEMMA_STRATEGY_IDS[i % DILEMMA_STRATEGY_IDS.length]!);
  const ms = time(() => roundRobin(ids, { turns: 200, noise: 0.01, seed: 3 }));
  rows.push([`roundRobin, 20 entrants (${DILEMMA_STRATEGY_IDS.length} distinct strategies), 200 turns, 1% noise`, `${ms.toFixed(1)} ms`]);
}
// routing: a 5×6 street grid (49 edges)
{
  const grid = gridNetwork({ rows: 5, cols: 6, seed: 2, rate: 4 });
  const ms = time(() => wardropEquilibrium(grid.network, grid.demand));
  rows.push([`wardropEquilibrium, ${grid.network.edges.length}-edge grid`, `${ms.toFixed(2)} ms`]);
}
// learning: Calvano et al.'s baseline
{
  const q = createQPricing({ seed: 0 });
  const t = performance.now();
  q.step(5_000_000);
  const rate = 5_000_000 / ((performance.now() - t) / 1000);
  const runs = [0, 1, 2].map((seed) => {
    const s = performance.now();
    const r = simulateQPricing({ seed });
    return { ms: performance.now() - s, periods: r.periods };
  });
  rows.push(['Q-learning pricing (Calvano baseline), first 5 M periods of a run', `${(rate / 1e6).toFixed(1)} million periods/s`]);
  rows.push(['one full baseline run to convergence (seeds 0–2)', runs.map((r) => `${r.ms.toFixed(0)} ms for ${(r.periods / 1e6).toFixed(2)} M periods`).join('; ')]);
}
// voting: 1,001 voters, 5 candidates
{
  const ballots = impartialCulture({ candidates: 5, voters: 1001, seed: 4 });
  const rules: Rule[] = ['plurality', 'borda', 'irv', 'copeland', 'schulze', 'minimax', 'ranked-pairs'];
  for (const rule of rules) {
    const n = 200;
    const ms = time(() => {
      for (let i = 0; i < n; i++) electionWinners(rule, ballots);
    }, 5, 1);
    rows.push([`electionWinners('${rule}'), 1,001 voters × 5 candidates`, `${Math.round((n * 1000) / ms).toLocaleString('en')} elections/s`]);
  }
  const candidates = [
    { x: 0.3, y: 0.3 },
    { x: 0.7, y: 0.35 },
    { x: 0.5, y: 0.75 },
    { x: 0.45, y: 0.5 },
    { x: 0.8, y: 0.8 },
  ];
  const ms = time(() => yeeDiagrams({ candidates, rules: ['plurality', 'irv', 'borda', 'copeland', 'schulze'], resolution: 200, seed: 1 }), 3, 1);
  rows.push(['200×200 Yee diagram, five rules together, 5 candidates (Node, one thread)', `${(ms / 1000).toFixed(2)} s`]);
}

console.log(`\nModel benchmarks (${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version})\n`);
console.log('| workload | time |');
console.log('| --- | ---: |');
for (const [w, t] of rows) console.log(`| ${w} | ${t} |`);
