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

/** A summary: one or two sentences of plain text. */
const oneOrTwoSentences = z
  .string()
  .trim()
  .min(20, 'should be one or two sentences (at least 20 characters)')
  .max(400, 'should be one or two sentences (at most 400 characters)');

export const ArticleFrontmatterSchema = z
  .object({
    title: name.describe('the article title, in sentence case'),
    summary: oneOrTwoSentences,
    aliases: z.array(name).default([]),
    categories: z.array(name).min(1, 'needs at least one category'),
    related: z.array(name).default([]),
    /** Prerequisites: titles or aliases of articles to read first; each must exist, and they must not loop. */
    requires: z.array(name).default([]),
    /** Other versions of the summary for the page's "simpler / deeper" switch. */
    summaries: z
      .object({
        brief: oneOrTwoSentences.optional(),
        technical: oneOrTwoSentences.optional(),
      })
      .strict()
      .optional(),
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

/** A calendar date written YYYY-MM-DD that exists (no 2026-02-30). */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a real calendar date');

/** Markdown prose of a talk page: an argument, a response, a reason. */
const prose = z.string().trim().min(1, 'must not be empty');

export type TalkResponse = { author: string; date: string; body: string; replies: TalkResponse[] };
type TalkResponseInput = { author: string; date: string; body: string; replies?: TalkResponseInput[] | undefined };

/** One response to a challenge; `replies` answer it in turn, so a discussion is a thread. */
export const TalkResponseSchema: z.ZodType<TalkResponse, TalkResponseInput> = z.lazy(() =>
  z
    .object({
      author: name,
      date: isoDate,
      body: prose,
      replies: z.array(TalkResponseSchema).default([]),
    })
    .strict(),
);

/** A challenge's life: raised (open), replied to (answered), or settled one of three ways. */
export const CHALLENGE_STATUSES = ['open', 'answered', 'accepted', 'rejected', 'outdated'] as const;

export const ChallengeSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower case letters and digits joined by single hyphens, e.g. "design-needs-optimisers"'),
    title: z.string().trim().min(3, 'must say in a few words what is disputed'),
    section: name.describe('the heading of the section the quote is in, or "Lead" before the first heading'),
    quote: z.string().trim().min(12, 'must quote at least a phrase (12 characters) of the article, word for word'),
    author: name,
    date: isoDate,
    status: z.enum(CHALLENGE_STATUSES),
    argument: prose,
    /** For `accepted`: the commit (hash) or pull request (https address) that changed the article. */
    change: z
      .string()
      .trim()
      .regex(/^(?:[0-9a-f]{7,40}|https:\/\/\S+)$/, 'must be a commit hash (7 to 40 hex digits) or the https address of a pull request')
      .optional(),
    /** For `rejected` and `outdated`: why. */
    reason: prose.optional(),
    responses: z.array(TalkResponseSchema).default([]),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.status === 'accepted' && c.change === undefined) {
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'an accepted challenge needs `change`: the commit or pull request that changed the article' });
    }
    if ((c.status === 'rejected' || c.status === 'outdated') && c.reason === undefined) {
      ctx.addIssue({ code: 'custom', path: ['status'], message: `a ${c.status} challenge needs \`reason\`: say why` });
    }
    if (c.change !== undefined && c.status !== 'accepted') {
      ctx.addIssue({ code: 'custom', path: ['change'], message: 'only an accepted challenge names a `change`' });
    }
    if (c.reason !== undefined && c.status !== 'rejected' && c.status !== 'outdated') {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'only a rejected or outdated challenge gives a `reason`' });
    }
  });

export type Challenge = z.infer<typeof ChallengeSchema>;

/** The frontmatter of a talk page, `content/talk/<slug>.mdx`: the article and its challenges. */
export const TalkFrontmatterSchema = z
  .object({
    article: name.describe('the title of the article discussed'),
    challenges: z.array(ChallengeSchema).min(1, 'needs at least one challenge'),
  })
  .strict();

export type TalkFrontmatter = z.infer<typeof TalkFrontmatterSchema>;
