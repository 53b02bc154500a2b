/**
 * `npm run new:challenge -- "Article title"`: adds an open challenge to the article's talk page,
 * content/talk/<slug>.mdx, creating the page if it has none. The template's placeholder quote
 * fails `npm run check` on purpose until it is replaced by the article's exact words.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWikiGraph, readContent } from '../src/wiki/graph.ts';
import { challengeTemplate, TALK_DIR } from '../src/wiki/talk.ts';

const title = process.argv.slice(2).join(' ').trim();
if (title === '') {
  console.error('Usage: npm run new:challenge -- "Article title"');
  process.exit(2);
}
const root = process.cwd();
const graph = buildWikiGraph(readContent(root));
const slug = graph.resolve(title);
const article = slug === undefined ? undefined : graph.articles.get(slug);
if (slug === undefined || article === undefined) {
  console.error(`There is no article "${title}": a challenge disputes an existing article, named by its title or an alias.`);
  process.exit(1);
}
// the day the challenge is raised (a scaffold for a person to edit, not build output)
const date = new Date().toISOString().slice(0, 10);
const file = join(TALK_DIR, `${slug}.mdx`);
mkdirSync(join(root, TALK_DIR), { recursive: true });
const existing = existsSync(join(root, file)) ? readFileSync(join(root, file), 'utf8') : undefined;
writeFileSync(join(root, file), challengeTemplate(article.title, date, existing));
console.log(`${existing ? 'Added a challenge to' : 'Wrote'} ${file}. Fill in the quote (the article's exact words), the section, your argument and sources, then run \`npm run check ${file}\`.`);
