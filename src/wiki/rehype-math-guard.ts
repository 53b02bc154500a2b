/**
 * Runs right after rehype-katex. rehype-katex renders bad LaTeX as a red `katex-error` span and
 * only records a message, so the build would pass; this plugin turns those messages into a build
 * error with file and line. It also hides KaTeX's MathML copy (with the TeX source) from search,
 * and makes display formulas focusable, since a wide one scrolls sideways.
 */
import { relative } from 'node:path';
import { visit } from 'unist-util-visit';
import type { Root } from 'hast';
import type { VFile } from 'vfile';

export function rehypeMathGuard() {
  return (tree: Root, file: VFile) => {
    const bad = file.messages.filter((m) => m.source === 'rehype-katex');
    const errorSpans: string[] = [];
    visit(tree, 'element', (node) => {
      const cls: unknown = node.properties['className'];
      const classes = Array.isArray(cls) ? cls.map(String) : typeof cls === 'string' ? cls.split(' ') : [];
      if (classes.includes('katex-mathml')) node.properties['dataPagefindIgnore'] = '';
      // a wide display formula scrolls sideways; keyboard users must be able to reach it to scroll
      if (classes.includes('katex-display')) node.properties['tabIndex'] = 0;
      if (classes.includes('katex-error')) errorSpans.push(String(node.properties['title'] ?? 'invalid LaTeX'));
    });
    if (bad.length === 0 && errorSpans.length === 0) return;
    const rel = file.path ? relative(process.cwd(), file.path) : '(unknown file)';
    const lines = bad.length > 0
      ? bad.map((m) => `${rel}:${m.line ?? 1}:${m.column ?? 1} math ${m.cause instanceof Error ? m.cause.message : m.reason}`)
      : errorSpans.map((t) => `${rel}:1:1 math ${t}`);
    throw new Error(`Invalid LaTeX (KaTeX could not render it):\n${lines.join('\n')}`);
  };
}
