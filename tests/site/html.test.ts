import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { DIST, distFiles, requireDist } from './dist.ts';
import { hoistIslandStyle } from '../../src/wiki/integration.ts';

describe('HTML', () => {
  it('html-validate (recommended rules, see .htmlvalidate.mjs) reports no error on any page', async () => {
    requireDist();
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const pages = distFiles().filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(100);
    const errors: string[] = [];
    for (const page of pages) {
      const report = await validator.validateFile(join(DIST, page));
      for (const result of report.results) {
        for (const m of result.messages) errors.push(`${page}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
      }
    }
    expect(errors).toEqual([]);
  });

  it('hoistIslandStyle moves Astro’s island style from the body into the head, once', () => {
    const style = '<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>';
    const page = `<html><head><title>x</title></head><body><div>${style}<astro-island></astro-island></div></body></html>`;
    const fixed = hoistIslandStyle(page);
    expect(fixed).toBe(`<html><head><title>x</title>${style}</head><body><div><astro-island></astro-island></div></body></html>`);
    expect(hoistIslandStyle(fixed)).toBe(fixed);
  });
});
