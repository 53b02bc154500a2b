import { join } from 'node:path';
import { buildWikiGraph, readContent, type WikiGraph } from '../../src/wiki/graph.ts';

/** The wiki graph of one fixture wiki under tests/fixtures/. */
export function fixtureGraph(name: string): WikiGraph {
  return buildWikiGraph(readContent(join(import.meta.dirname, '..', 'fixtures', name)));
}
