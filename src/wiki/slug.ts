/**
 * The one slug function of the wiki: routes, article file names and heading ids all come from it.
 *
 * Unicode NFKD, diacritics dropped, lower case, apostrophes (' ’) dropped, every other run of
 * characters that are not letters or digits becomes one `-`, and leading or trailing `-` go.
 */
export function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      // combining marks left behind by NFKD: the diacritics
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      // straight, curly and modifier apostrophes vanish: "Goodhart's" -> "goodharts"
      .replace(/['’ʼ‘]/g, '')
      // any other run of non-alphanumerics (Unicode-aware) is one hyphen
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
  );
}

/**
 * The key two link targets must share to name the same page: case, underscores versus spaces,
 * curly versus straight apostrophes and surrounding or repeated white space are ignored.
 */
export function linkKey(target: string): string {
  return target
    .normalize('NFC')
    .replace(/[’‘ʼ]/g, "'")
    .replace(/_/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
