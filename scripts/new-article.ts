/**
 * `npm run new -- "Title"`: writes content/articles/<slug>.mdx with valid frontmatter and a
 * skeleton to fill in. Refuses to overwrite, and refuses a title that another page already uses.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { slugify } from '../src/wiki/slug.ts';
import { buildWikiGraph, readContent, ARTICLES_DIR } from '../src/wiki/graph.ts';
import { articleTemplate } from '../src/wiki/template.ts';

const title = process.argv.slice(2).join(' ').trim();
if (title === '') {
  console.error('Usage: npm run new -- "Title in sentence case"');
  process.exit(2);
}
const slug = slugify(title);
if (slug === '') {
  console.error(`"${title}" has no letters or digits to make a page name from.`);
  process.exit(2);
}
const file = join(ARTICLES_DIR, `${slug}.mdx`);
if (existsSync(file)) {
  console.error(`${file} already exists: edit it instead.`);
  process.exit(1);
}
const graph = buildWikiGraph(readContent(process.cwd()));
const owner = graph.resolve(title);
if (owner) {
  console.error(`"${title}" already names the page "${graph.articles.get(owner)?.title}" (${graph.articles.get(owner)?.file}).`);
  process.exit(1);
}
const wanted = graph.wanted.find((w) => w.slug === slug);
writeFileSync(file, articleTemplate(title, wanted ? wanted.from.map((f) => graph.articles.get(f.slug)?.title ?? f.slug) : []));
console.log(`Wrote ${file}.${wanted ? ` ${wanted.from.length} page(s) already link here.` : ''} Fill in the summary and body, then run \`npm run check ${file}\`.`);
