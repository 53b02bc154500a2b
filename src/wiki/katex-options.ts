/**
 * KaTeX settings shared by the build (rehype-katex) and the content checker, so both accept and
 * reject the same LaTeX. `trust: false` blocks \href, \url and \includegraphics tricks; the bounds
 * stop a macro bomb from stalling the build.
 */
import type { KatexOptions } from 'katex';

export const katexOptions = {
  trust: false,
  strict: 'error',
  maxExpand: 1000,
  maxSize: 50,
  output: 'htmlAndMathml',
  throwOnError: false,
} as const satisfies KatexOptions;
