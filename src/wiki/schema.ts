/**
 * The schemas of the wiki's content: article frontmatter and the bibliography. Validated once, at
 * the edge, by the content checker (which the build runs too) and by Astro's content collection.
 */
import { z } from 'astro/zod';

/** Categories, titles, aliases: one line of text with no surrounding space and no brackets. */
const name = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine((s) => !/[[\]{}|#<>]/.test(s), 'must not contain [ ] { } | # < or >');

export const ArticleFrontmatterSchema = z
  .object({
    title: name.describe('the article title, in sentence case'),
    summary: z
      .string()
      .trim()
      .min(20, 'should be one or two sentences (at least 20 characters)')
      .max(400, 'should be one or two sentences (at most 400 characters)'),
    aliases: z.array(name).default([]),
    categories: z.array(name).min(1, 'needs at least one category'),
    related: z.array(name).default([]),
    /** The editorial state of the article; stubs invite expansion. */
    status: z.enum(['stub', 'draft', 'reviewed']).default('draft'),
  })
  .strict();

export type ArticleFrontmatter = z.infer<typeof ArticleFrontmatterSchema>;

export const ReferenceSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_-]*$/, 'keys are lower case letters, digits, - and _'),
    authors: z.array(z.string().min(1)).min(1),
    title: z.string().min(1),
    year: z.union([z.number().int(), z.string().regex(/^\d{4}[a-z]?$/)]),
    venue: z.string().min(1),
    doi: z.string().optional(),
    url: z.url().optional(),
  })
  .strict();

export type Reference = z.infer<typeof ReferenceSchema>;
