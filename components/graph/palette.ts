/**
 * Category colours of the link graph, shared by the static page, its legend and the island so
 * they always agree. Browser-safe: no imports.
 */

/** Ten colours that stay distinguishable on light and dark backgrounds (Okabe–Ito's eight plus two). */
export const GRAPH_PALETTE: readonly string[] = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#9a8c00', '#7a5195', '#8c8c8c', '#2f9e9e'];

/** Colour of articles without a category. */
export const UNCATEGORISED = '#8c8c8c';

/** Returns each group name (sorted, '' last as "Uncategorised") with its colour; colours repeat after ten groups. */
export function groupColours(groups: Iterable<string>): { group: string; colour: string }[] {
  const names = [...new Set(groups)].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'en')));
  let i = 0;
  return names.map((group) => ({ group, colour: group === '' ? UNCATEGORISED : GRAPH_PALETTE[i++ % GRAPH_PALETTE.length]! }));
}
