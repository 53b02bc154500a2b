import { describe, expect, it } from 'vitest';
import { fixtureGraph } from './fixtures.ts';
import { formatProblem } from '../../src/wiki/problems.ts';

const A = 'content/articles/price-of-anarchy.mdx';

/** Each bad fixture fails with these problems: rule, file, line and the words an author needs. */
const cases: [fixture: string, expected: { file: string; line: number; rule: string; message: RegExp }[]][] = [
  ['bad-frontmatter', [
    { file: A, line: 3, rule: 'frontmatter', message: /`categories`: .*expected array, received string\.$/ },
    // a missing field is reported where the frontmatter starts
    { file: A, line: 2, rule: 'frontmatter', message: /`summary`: .*received undefined\. This field is required/ },
    { file: A, line: 4, rule: 'frontmatter', message: /Unknown field `colour`\. Allowed fields: title, summary/ },
  ]],
  // the parser notices the unclosed quote where the YAML ends, on the line after it opens
  ['broken-yaml', [{ file: A, line: 4, rule: 'frontmatter', message: /Broken YAML: Missing closing "quote/ }]],
  ['duplicate-alias', [{ file: A, line: 4, rule: 'duplicate-name', message: /alias "nash point" resolves to the same page name as "Nash point" in content\/articles\/nash-equilibrium\.mdx:4/ }]],
  ['unknown-section', [{ file: A, line: 8, rule: 'wikilink-section', message: /"Nash equilibrium" has no section "Pure strategies"\. Its sections are: "Mixed strategies"/ }]],
  ['unknown-citation', [{ file: A, line: 7, rule: 'citation', message: /Unknown citation key "koutsoupias1999": add the work to content\/references\.yaml/ }]],
  ['bad-latex', [{ file: A, line: 9, rule: 'math', message: /Invalid LaTeX: .*expected '}'.*Fix the formula/ }]],
  ['import-in-article', [
    { file: A, line: 6, rule: 'no-import-export', message: /cannot import or export code.*<Sim …\/>/ },
    { file: A, line: 8, rule: 'no-import-export', message: /cannot import or export code/ },
    { file: A, line: 10, rule: 'unknown-component', message: /<Chart> is not allowed in articles/ },
  ]],
  ['unsafe-markup', [
    { file: A, line: 7, rule: 'unsafe-url', message: /JaVaScRiPt:alert\(1\)" is not allowed/ },
    { file: A, line: 7, rule: 'unsafe-url', message: /javascript%3Aalert\(1\)" is not allowed/ },
    { file: A, line: 9, rule: 'unknown-component', message: /<iframe> is not allowed/ },
    { file: A, line: 11, rule: 'no-expression', message: /JavaScript expressions/ },
  ]],
  ['wrong-file-name', [
    { file: 'content/articles/poa.mdx', line: 2, rule: 'file-name', message: /rename poa\.mdx to price-of-anarchy\.mdx/ },
    { file: 'content/articles/notes.txt', line: 1, rule: 'stray-file', message: /Only articles/ },
  ]],
  // a prerequisite must exist (unlike a red link), reported on the line of the entry
  ['requires-unknown', [{ file: A, line: 9, rule: 'requires', message: /`requires` names "Wardrop equilibrium", which is not the title or alias of any article: a prerequisite must exist/ }]],
  // the cycle is named by titles from the first article by title, at its entry that closes the loop
  ['requires-cycle', [{ file: 'content/articles/nash-equilibrium.mdx', line: 6, rule: 'requires-cycle', message: /The prerequisites form a cycle: Nash equilibrium requires Price of anarchy requires Nash equilibrium\./ }]],
  ['bad-summaries', [{ file: 'content/articles/nash-equilibrium.mdx', line: 6, rule: 'frontmatter', message: /`summaries\.brief`: should be one or two sentences \(at least 20 characters\)/ }]],
  ['bad-sim', [
    { file: A, line: 7, rule: 'embed', message: /no simulation named "no-such-sim"\. Known simulations: .*commons-harvest/ },
    { file: A, line: 9, rule: 'embed', message: /<Sim name="commons-harvest"> has bad props: unknown prop "colour"/ },
    { file: A, line: 11, rule: 'prop-forbidden', message: /"client:load" is not allowed/ },
  ]],
];

describe('content checks on bad fixtures', () => {
  it.each(cases)('%s fails with file, line, rule and message', (fixture, expected) => {
    const problems = fixtureGraph(fixture).problems;
    for (const e of expected) {
      const found = problems.find((p) => p.file === e.file && p.line === e.line && p.rule === e.rule && e.message.test(p.message));
      expect(found, `expected ${e.file}:${e.line} ${e.rule} ${e.message}\nbut got:\n${problems.map(formatProblem).join('\n')}`).toBeDefined();
    }
    expect(problems).toHaveLength(expected.length);
  });

  it('the valid fixture has no problems', () => {
    expect(fixtureGraph('valid-wiki').problems.map(formatProblem)).toEqual([]);
  });
});
