/**
 * `npm run check [files…]`: validates content fast, without a build. Reads every article (links
 * need the whole wiki), reports every problem at once as `file:line:col rule message`, and exits
 * non-zero on any. With file arguments, only problems in those files are reported.
 */
import { relative, resolve } from 'node:path';
import { buildWikiGraph, readContent } from '../src/wiki/graph.ts';
import { formatProblem, sortProblems } from '../src/wiki/problems.ts';

const root = process.cwd();
const only = process.argv.slice(2).map((f) => relative(root, resolve(root, f)).split('\\').join('/'));
const started = performance.now();
const graph = buildWikiGraph(readContent(root));
const problems = sortProblems(only.length > 0 ? graph.problems.filter((p) => only.includes(p.file)) : graph.problems);
for (const p of problems) console.log(formatProblem(p));
const ms = Math.round(performance.now() - started);
const scope = only.length > 0 ? `${only.length} file${only.length === 1 ? '' : 's'}` : `${graph.articles.size} articles`;
if (problems.length > 0) {
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${scope} (${ms} ms). Fix them and run \`npm run check\` again.`);
  process.exit(1);
}
console.log(`content check: ${scope}, ${graph.wanted.length} wanted pages, no problems (${ms} ms)`);
