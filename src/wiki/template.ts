/** The starting text of a new article: valid frontmatter and a skeleton that says what goes where. */
export function articleTemplate(
  title: string,
  linkedFrom: readonly string[] = [],
  options: { categories?: readonly string[] | undefined; mentions?: readonly string[] } = {},
): string {
  const categories = options.categories && options.categories.length > 0 ? options.categories : ['Uncategorised'];
  const from = linkedFrom.length > 0 ? `\nPages that already link here: ${linkedFrom.map((t) => `[[${t}]]`).join(', ')}.\n` : '';
  const mentions =
    options.mentions && options.mentions.length > 0
      ? `\n{/* How other pages mention this topic (a starting point; delete this comment when done):\n${options.mentions.map((m) => `   ${m}`).join('\n')}\n*/}\n`
      : '';
  return `---
title: ${JSON.stringify(title)}
summary: >-
  One or two plain sentences that say what ${title} is. They appear in link previews and search results.
categories: [${categories.join(', ')}]
related: []
status: stub
---
${mentions}
Start with a paragraph that defines the concept and says why it matters. Link each concept you
mention the first time, like [[Nash equilibrium]], and cite primary sources, like [@nash1950].
${from}
## Definition

State it precisely. Formulas go in $\\LaTeX$: inline as $x_i$, or on lines of their own:

$$
\\text{cost}(x) = \\sum_e x_e \\, \\ell_e(x_e)
$$

## Examples

## History
`;
}
