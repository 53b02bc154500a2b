/**
 * The site's public address and its repository, set in one place. Every page that links to the
 * repository (edit, history, new-file links) or needs the public address reads them from here.
 * Deployments can override both with the SITE_URL and REPO_URL environment variables.
 */
const env = (name: string): string | undefined => {
  const value = typeof process !== 'undefined' ? process.env[name] : undefined;
  return value && value.trim() !== '' ? value.trim().replace(/\/+$/, '') : undefined;
};

export const siteConfig = {
  name: 'Equilibria',
  tagline: 'Why systems of individually optimising parts go wrong together, and how to design them so they don’t.',
  /** The public address the site is served from (canonical links, sitemap, feeds). */
  site: env('SITE_URL') ?? 'https://equilibria.example.org',
  /** The repository that holds the source of every page. */
  repo: env('REPO_URL') ?? 'https://github.com/equilibria-wiki/equilibria',
  /** The branch edits and new pages are proposed against. */
  branch: 'main',
  licence: 'CC BY-SA 4.0 for text, MIT for code',
} as const;

/** Link to edit a file of the repository in the host's web editor. */
export const editUrl = (path: string) => `${siteConfig.repo}/edit/${siteConfig.branch}/${path}`;
/** Link to a file's history. */
export const historyUrl = (path: string) => `${siteConfig.repo}/commits/${siteConfig.branch}/${path}`;
/** Link to view a file of the repository. */
export const sourceUrl = (path: string) => `${siteConfig.repo}/blob/${siteConfig.branch}/${path}`;
/** Link that opens the host's new-file page with a path and initial content filled in. */
export const newFileUrl = (path: string, content: string) =>
  `${siteConfig.repo}/new/${siteConfig.branch}?filename=${encodeURIComponent(path)}&value=${encodeURIComponent(content)}`;
