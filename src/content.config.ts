import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ArticleFrontmatterSchema } from './wiki/schema.ts';

/** Articles: content/articles/<slug>.mdx, validated by the same schema as `npm run check`. */
const articles = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/articles' }),
  schema: ArticleFrontmatterSchema,
});

export const collections = { articles };
