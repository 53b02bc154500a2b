/** The build-log gate's rules: which log lines fail a build. Pure, so tests can pin them. */

/** Warnings known to be harmless, each with the reason. Anything else fails the build. */
export const ALLOWED_WARNINGS: { pattern: RegExp; reason: string }[] = [
  {
    pattern: /\[MODULE_LEVEL_DIRECTIVE\].*"use astro:head-inject" in "content\/articles\/[^"]+\.mdx\?astroPropagatedAssets"/,
    reason: 'Astro 7 with MDX marks every MDX module with this directive; the bundler notes it for each article and keeps the semantics Astro needs.',
  },
  {
    pattern: /\[WARN\] \[csp\] `security\.csp\.styleDirective` defines `style-src` resources \('self'\) as well as `style-src-attr` resources/,
    reason: "style-src-attr 'unsafe-inline' is meant to be the whole policy for style attributes (KaTeX and the simulations position things with them); 'self' has no meaning for attributes anyway.",
  },
];

/** A log line without terminal colour codes (they would hide the text from the patterns). */
export const plainLine = (line: string) => line.replace(/\u001b\[[0-9;]*m/g, '');

/** 'error' for an [ERROR] or an unknown [WARN] line, 'allowed' for a known harmless warning, else 'ok'. */
export function classifyLogLine(raw: string): 'error' | 'allowed' | 'ok' {
  const line = plainLine(raw);
  if (/\[ERROR\]/.test(line)) return 'error';
  if (/\[WARN\]/.test(line)) return ALLOWED_WARNINGS.some((w) => w.pattern.test(line)) ? 'allowed' : 'error';
  return 'ok';
}
