/** Every internal address the wiki builds, in one place. */
import { slugify } from './slug.ts';

export const articleHref = (slug: string) => `/wiki/${slug}/`;
export const wantedHref = (title: string) => `/special/wanted-pages/#${slugify(title)}`;
export const categoryHref = (name: string) => `/category/${slugify(name)}/`;
export const referenceHref = (key: string) => `/special/references/#${key}`;
export const talkHref = (slug: string) => `/talk/${slug}/`;
/** The preview thumbnail of an article whose first figure is a simulation (src/pages/thumbs/). */
export const thumbHref = (slug: string) => `/thumbs/${slug}.svg`;
