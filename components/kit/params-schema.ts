/**
 * Build-time validation of <Sim> props and of parameter specs. This file imports zod, so only
 * Node code (the registry, the content check, tests) may import it, never a component.
 */
import { z } from 'astro/zod';
import { MAX_SEED, validValue, type ParamSpec, type ParamSpecs } from './params.ts';

/** An embed key: the query-string key and element-id stem of one embed; lower-case letters, digits and hyphens. */
export const EMBED_KEY_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;

/** Prop names every simulation takes besides its parameters (`repoUrl` comes from the site, not from authors). */
export const COMMON_PROPS = ['embedKey', 'id', 'autoplay'] as const;

const RESERVED = new Set<string>([...COMMON_PROPS, 'name', 'repoUrl', 'client']);
const PARAM_NAME = /^[a-zA-Z][a-zA-Z0-9]*$/;
// Select values travel in URLs and props: keep them to safe characters.
const OPTION_VALUE = /^[a-zA-Z0-9_.-]+$/;

function schemaOf(p: ParamSpec): z.ZodType {
  switch (p.kind) {
    case 'number':
      return z
        .number({ error: `expected a number from ${p.min} to ${p.max}` })
        .min(p.min, { error: `must be at least ${p.min}` })
        .max(p.max, { error: `must be at most ${p.max}` });
    case 'integer':
      return z
        .number({ error: `expected a whole number from ${p.min} to ${p.max}` })
        .int({ error: 'must be a whole number' })
        .min(p.min, { error: `must be at least ${p.min}` })
        .max(p.max, { error: `must be at most ${p.max}` });
    case 'seed':
      return z
        .number({ error: `expected a whole number from 0 to ${MAX_SEED}` })
        .int({ error: 'must be a whole number' })
        .min(0, { error: 'must be at least 0' })
        .max(MAX_SEED, { error: `must be at most ${MAX_SEED}` });
    case 'boolean':
      return z.boolean({ error: 'expected true or false' });
    case 'select': {
      const values = p.options.map((o) => o.value);
      return z.enum(values as [string, ...string[]], {
        error: `expected one of ${values.map((v) => `"${v}"`).join(', ')}`,
      });
    }
  }
}

const embedKeySchema = z.string().regex(EMBED_KEY_PATTERN, {
  error: 'expected lower-case letters, digits and hyphens, starting with a letter (at most 40)',
});

/**
 * Returns the strict zod schema of a simulation's author-facing props: every parameter optional
 * with its type and range, plus `embedKey`/`id` (the same thing; give one) and `autoplay`;
 * unknown props fail.
 */
export function schemaFromParams(spec: ParamSpecs) {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, p] of Object.entries(spec)) shape[name] = schemaOf(p).optional();
  shape['embedKey'] = embedKeySchema.optional();
  shape['id'] = embedKeySchema.optional();
  shape['autoplay'] = z.boolean({ error: 'expected true or false' }).optional();
  return z
    .object(shape)
    .strict()
    .refine((props) => props['embedKey'] === undefined || props['id'] === undefined, {
      error: 'give either id or embedKey, not both',
    });
}

/** Returns what is wrong with a parameter spec (bad names, ranges, defaults, options), or [] when it is sound. */
export function specProblems(spec: ParamSpecs): string[] {
  const problems: string[] = [];
  for (const [name, p] of Object.entries(spec)) {
    const at = `parameter "${name}"`;
    if (!PARAM_NAME.test(name)) problems.push(`${at}: names are letters and digits, starting with a letter`);
    if (RESERVED.has(name)) problems.push(`${at}: the name is reserved for a common prop`);
    if (p.kind !== 'seed' && p.label.trim() === '') problems.push(`${at}: needs a label`);
    if (p.kind === 'number' || p.kind === 'integer') {
      if (!(Number.isFinite(p.min) && Number.isFinite(p.max) && p.min < p.max))
        problems.push(`${at}: needs finite min < max`);
      if (!(p.step > 0 && Number.isFinite(p.step))) problems.push(`${at}: needs a step > 0`);
      if (p.kind === 'integer' && !(Number.isInteger(p.min) && Number.isInteger(p.max) && Number.isInteger(p.step))) {
        problems.push(`${at}: an integer parameter needs whole min, max and step`);
      }
    }
    if (p.kind === 'select') {
      const values = p.options.map((o) => o.value);
      if (values.length === 0) problems.push(`${at}: needs at least one option`);
      if (new Set(values).size !== values.length) problems.push(`${at}: option values must be unique`);
      for (const v of values)
        if (!OPTION_VALUE.test(v)) problems.push(`${at}: option value "${v}" may use only letters, digits, _ . -`);
    }
    if (validValue(p, p.default) === undefined)
      problems.push(`${at}: the default ${JSON.stringify(p.default)} is not a valid value`);
  }
  return problems;
}
