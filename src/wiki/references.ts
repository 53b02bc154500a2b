/** Loads and checks the bibliography, `content/references.yaml`. */
import YAML, { LineCounter, isMap, isSeq } from 'yaml';
import { ReferenceSchema, type Reference } from './schema.ts';
import type { Problem } from './problems.ts';

export type Bibliography = { entries: Map<string, Reference>; problems: Problem[] };

export function parseReferences(file: string, source: string): Bibliography {
  const entries = new Map<string, Reference>();
  const problems: Problem[] = [];
  const lineCounter = new LineCounter();
  const doc = YAML.parseDocument(source, { lineCounter, uniqueKeys: true });
  const at = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    for (const err of doc.errors) problems.push({ file, ...at(err.pos[0]), rule: 'references', message: `Broken YAML: ${err.message.split('\n')[0]}` });
    return { entries, problems };
  }
  if (!isSeq(doc.contents)) {
    problems.push({ file, line: 1, column: 1, rule: 'references', message: 'The bibliography must be a YAML list of entries (- key: …).' });
    return { entries, problems };
  }
  for (const item of doc.contents.items) {
    const place = at((item as unknown as { range?: [number, number, number] }).range?.[0] ?? 0);
    const parsed = ReferenceSchema.safeParse(isMap(item) ? item.toJS(doc) : item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ file, ...place, rule: 'references', message: `${issue.path.length ? `\`${issue.path.join('.')}\`: ` : ''}${issue.message}. Entries need key, authors, title, year, venue, and a doi or url where one exists.` });
      }
      continue;
    }
    if (entries.has(parsed.data.key)) {
      problems.push({ file, ...place, rule: 'references', message: `The key "${parsed.data.key}" is used twice: keys must be unique.` });
      continue;
    }
    entries.set(parsed.data.key, parsed.data);
  }
  return { entries, problems };
}

/** "Smith, J., & Jones, K." style is not needed here: authors joined for a reference list. */
export function formatAuthors(authors: readonly string[]): string {
  if (authors.length <= 2) return authors.join(' and ');
  if (authors.length > 6) return `${authors.slice(0, 6).join(', ')} et al.`;
  return `${authors.slice(0, -1).join(', ')} and ${authors[authors.length - 1]}`;
}

/** The address to link a reference to: its DOI resolver link, else its URL. */
export function referenceHref(ref: Reference): string | undefined {
  if (ref.doi) return `https://doi.org/${ref.doi}`;
  return ref.url;
}
