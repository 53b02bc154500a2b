/** A content problem found at a place in a file: the shape every checker in the wiki reports. */
export type Problem = {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  /** A short stable identifier of the rule broken, e.g. `wikilink-section`. */
  rule: string;
  /** What was expected, what was found, and what to do. */
  message: string;
};

/** One line per problem: `file:line:col rule message`, the format editors and CI understand. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column} ${p.rule} ${p.message}`;
}

/** Sorts problems by file, then line, then column, so reports read top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}

/** Thrown by the build when content is broken; its message lists every problem. */
export class ContentError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    const sorted = sortProblems(problems);
    super(
      `${sorted.length} content problem${sorted.length === 1 ? '' : 's'}:\n` +
        sorted.map(formatProblem).join('\n') +
        '\nRun `npm run check` to see them without a full build.',
    );
    this.name = 'ContentError';
    this.problems = sorted;
  }
}

/** Line and column (both 1-based) of a character offset in `text`. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastBreak = i;
    }
  }
  return { line, column: offset - lastBreak };
}
