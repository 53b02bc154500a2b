/**
 * A synthetic wiki for build benchmarks: N valid articles "Concept 1" … "Concept N" with the
 * shape the peers were measured on (about 800 words of seeded filler prose, 3–5 headings, 10–14
 * wikilinks to other articles, 4 inline formulas and 1 display formula, a bullet list and a
 * table). Same arguments, same bytes. Usage: node scripts/bench/corpus.ts OUTDIR N [--seed S]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng, uniformInt, type Rng } from '../../src/models/random.ts';

const VOCABULARY = (
  'agent agents equilibrium payoff strategy incentive welfare externality market price cost ' +
  'signal proxy target measure reward policy learner network route flow demand supply vote ' +
  'ballot rule outcome mechanism auction bid value share population fitness selection drift ' +
  'the a of and to in is that for with as by on from at which this these each every many ' +
  'most some often rarely usually typically under over between across within without after ' +
  'stable unstable local global private public shared optimal efficient costly cheap robust ' +
  'fragile large small rising falling hidden visible strategic myopic rational bounded noisy ' +
  'converges diverges shifts settles moves rewards punishes aggregates selects predicts ' +
  'measures bounds exceeds approaches reveals hides trades learns adapts responds'
).split(' ');
const CATEGORIES = ['Game theory', 'Economics', 'Mechanism design', 'Social choice', 'Measurement', 'Machine learning', 'Social dynamics', 'Evolution'];
const INLINE = [
  (a: number, b: number) => `x_{${a}} + y^{${b}} = z`,
  (a: number, b: number) => `\\frac{${a}}{${b}} \\sum_{i=1}^{n} p_i`,
  (a: number) => `\\int_0^{${a}} e^{-\\lambda t}\\,dt`,
  (a: number, b: number) => `\\binom{${a + b}}{${a}}`,
  (a: number) => `\\mathbb{E}[X_{${a}}] = \\mu`,
  () => `O(n \\log n)`,
];
const DISPLAY = [
  (a: number) => `\\sum_{k=0}^{${a}} \\binom{${a}}{k} x^k y^{${a}-k} = (x + y)^{${a}}`,
  () => `f(x) = \\frac{1}{\\sigma\\sqrt{2\\pi}} \\exp\\left(-\\frac{(x-\\mu)^2}{2\\sigma^2}\\right)`,
  (a: number, b: number) => `\\begin{aligned} u_i &= \\frac{${a}}{${b}} \\\\ v &= \\sum_{j=1}^{${a}} w_j \\end{aligned}`,
];

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const words = (rng: Rng, lo: number, hi: number) => Array.from({ length: uniformInt(rng, lo, hi) }, () => pick(rng, VOCABULARY));

/** The text of article `k` of an `n`-article corpus. */
export function syntheticArticle(k: number, n: number, seed: number): string {
  const rng = createRng(seed * 1_000_003 + k);
  const title = `Concept ${k}`;
  const categories = [...new Set([pick(rng, CATEGORIES), pick(rng, CATEGORIES)])];
  const headings = uniformInt(rng, 3, 5);
  // sentences as word arrays, so links and math can be placed inside them
  const sections: string[][][] = Array.from({ length: headings + 1 }, () => []);
  let total = 0;
  for (let s = 0; s <= headings; s++) {
    while (total < ((s + 1) * 800) / (headings + 1)) {
      const sentence = words(rng, 8, 20);
      total += sentence.length;
      sections[s]!.push(sentence);
    }
  }
  const all = sections.flat();
  const taken = new Set<number>();
  const freeSentence = () => {
    for (;;) {
      const i = Math.floor(rng() * all.length);
      if (!taken.has(i)) {
        taken.add(i);
        return all[i]!;
      }
    }
  };
  const targets = new Set<number>();
  const linkCount = Math.min(uniformInt(rng, 10, 14), n - 1);
  while (targets.size < linkCount) {
    const t = uniformInt(rng, 1, n);
    if (t !== k) targets.add(t);
  }
  for (const t of targets) {
    const s = freeSentence();
    const at = uniformInt(rng, 1, s.length - 1);
    s.splice(at, 1, rng() < 0.4 ? `[[Concept ${t}]]` : `[[Concept ${t}|${s[at]}]]`);
  }
  for (let m = 0; m < 4; m++) {
    const s = freeSentence();
    s.splice(uniformInt(rng, 1, s.length - 1), 0, `$${pick(rng, INLINE)(uniformInt(rng, 1, 9), uniformInt(rng, 2, 9))}$`);
  }
  const out = [
    '---',
    `title: ${title}`,
    `summary: ${cap(words(rng, 10, 16).join(' '))}.`,
    `categories: [${categories.join(', ')}]`,
    '---',
    '',
  ];
  const paragraph = (sentences: string[][]) => sentences.map((s) => `${cap(s.join(' '))}.`).join(' ');
  sections.forEach((sentences, s) => {
    if (s > 0) out.push(`## Section ${s}: ${cap(words(rng, 1, 3).join(' '))}`, '');
    for (let i = 0; i < sentences.length; i += 5) out.push(paragraph(sentences.slice(i, i + 5)), '');
    if (s === 1) {
      out.push('$$', pick(rng, DISPLAY)(uniformInt(rng, 3, 9), uniformInt(rng, 2, 9)), '$$', '');
      for (let i = 0; i < 5; i++) out.push(`- ${cap(words(rng, 4, 9).join(' '))}`);
      out.push('');
    }
    if (s === 2) {
      out.push('| Quantity | Value | Note |', '| --- | ---: | --- |');
      for (let i = 0; i < 4; i++) out.push(`| ${cap(pick(rng, VOCABULARY))} | ${(rng() * 1000).toFixed(2)} | ${words(rng, 3, 6).join(' ')} |`);
      out.push('');
    }
  });
  return out.join('\n');
}

/** Writes an `n`-article corpus into `dir` (its `content/articles/`). */
export function writeCorpus(dir: string, n: number, seed = 1): void {
  const articles = join(dir, 'content', 'articles');
  mkdirSync(articles, { recursive: true });
  for (let k = 1; k <= n; k++) writeFileSync(join(articles, `concept-${k}.mdx`), syntheticArticle(k, n, seed));
}

if (import.meta.main) {
  const [out, count, flag, seedArg] = process.argv.slice(2);
  const n = Number(count);
  if (!out || !Number.isInteger(n) || n < 2) {
    console.error('usage: node scripts/bench/corpus.ts OUTDIR N [--seed S]');
    process.exit(2);
  }
  writeCorpus(out, n, flag === '--seed' ? Number(seedArg) : 1);
  console.log(`wrote ${n} articles to ${join(out, 'content', 'articles')}`);
}
