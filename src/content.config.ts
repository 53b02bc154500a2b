import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ArticleFrontmatterSchema } from './wiki/schema.ts';

/**
 * Articles: content/articles/<slug>.mdx, validated by the same schema as `npm run check`.
 * `retainBody: false`: pages render the compiled MDX and the link graph reads the files itself,
 * so the data store need not hold every article's source too (less memory in large builds).
 * `deferRender` is not set: Astro already compiles MDX entries as modules rendered on demand,
 * so the option changes nothing for this collection (BENCHMARKS.md).
 */
const articles = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/articles', retainBody: false }),
  schema: ArticleFrontmatterSchema,
});

export const collections = { articles };
