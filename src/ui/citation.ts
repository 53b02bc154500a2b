/** "Cite this page": plain text and BibTeX for an article, pinned to the commit it was built from. */
import { siteConfig } from '../site.config.ts';

export type PageCitation = { text: string; bibtex: string };

/** Citation of the article `title` at `url`, last changed on `updated` (ISO date), built from `commit`. */
export function citePage(options: { title: string; url: string; updated?: string | undefined; commit?: string | undefined }): PageCitation {
  const { title, url, updated, commit } = options;
  const year = updated ? updated.slice(0, 4) : undefined;
  const date = updated ? updated.slice(0, 10) : undefined;
  const version = commit ? `, version ${commit.slice(0, 12)}` : '';
  const text = `${siteConfig.name} contributors${year ? ` (${year})` : ''}. “${title}”. ${siteConfig.name}${version}${date ? `, last changed ${date}` : ''}. ${url}`;
  const key = `equilibria-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
  const fields = [
    `  author = {{${siteConfig.name} contributors}}`,
    `  title = {${title.replace(/[{}]/g, '')}}`,
    `  howpublished = {${siteConfig.name}}`,
    year ? `  year = {${year}}` : undefined,
    commit ? `  note = {Version ${commit.slice(0, 12)}${date ? `, last changed ${date}` : ''}}` : undefined,
    `  url = {${url}}`,
  ].filter((f): f is string => f !== undefined);
  return { text, bibtex: `@misc{${key},\n${fields.join(',\n')}\n}` };
}
