import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, htmlPages, requireDist, type Page } from './dist.ts';
import { metaPolicy } from '../../src/wiki/csp.ts';

let pages: Page[] = [];
beforeAll(() => {
  requireDist();
  pages = htmlPages();
});

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const directive = (policy: string, name: string) => policy.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';

describe('Content-Security-Policy', () => {
  it('every page has a policy that hashes each of its inline scripts and styles', () => {
    let inline = 0;
    for (const page of pages) {
      const policy = metaPolicy(page.html);
      expect(policy, page.path).toBeDefined();
      const scripts = directive(policy!, 'script-src');
      const styles = directive(policy!, 'style-src');
      for (const m of page.html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/g)) {
        if (/type="application\/json"/.test(m[1] ?? '')) continue; // data, never executed
        inline++;
        expect(scripts, `${page.path}: inline script not hashed`).toContain(sha(m[2] ?? ''));
      }
      for (const m of page.html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) {
        inline++;
        expect(styles, `${page.path}: inline style not hashed`).toContain(sha(m[1] ?? ''));
      }
      expect(scripts).not.toContain("'unsafe-inline'");
      expect(scripts).not.toContain("'unsafe-eval'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("base-uri 'self'");
      expect(policy).toContain("worker-src 'self'");
    }
    // a check that found nothing to hash would pass silently: insist it saw real inline code
    expect(inline).toBeGreaterThan(50);
  });

  it('dist/_headers repeats each page policy with frame-ancestors', () => {
    const headers = readFileSync(join(DIST, '_headers'), 'utf8');
    for (const page of pages) {
      const policy = metaPolicy(page.html)!.trim().replace(/;\s*$/, '');
      expect(headers, page.path).toContain(`${page.path}\n  Content-Security-Policy: ${policy}; frame-ancestors 'none'`);
    }
    expect(headers).toMatch(/^\/\*\n {2}X-Content-Type-Options: nosniff/);
  });
});
