/**
 * The props a simulation island receives for the props an article wrote on `<Sim … />`. Sim.astro
 * renders the island with them, and the preview thumbnails (preview-figure.ts) render the same
 * static picture with them, so the two can never differ.
 */
import { siteConfig } from '../site.config.ts';

/** `written` without `name` and `id`, plus the embed key (`id`, else `embedKey`, else the name) and the repository address. */
export function simIslandProps(written: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { name, id, ...rest } = written;
  const key = [id, rest['embedKey'], name].find((k): k is string => typeof k === 'string');
  return { ...rest, embedKey: key, repoUrl: `${siteConfig.repo}/blob/${siteConfig.branch}` };
}
