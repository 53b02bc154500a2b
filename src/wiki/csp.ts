/**
 * The Content-Security-Policy of every page, in one place. Astro writes it as a <meta> element
 * with the hashes of the inline scripts and styles it emits; the build then writes the same
 * policy, plus what only a header can say (frame-ancestors), to dist/_headers for hosts that
 * read that file. Pagefind needs WebAssembly ('wasm-unsafe-eval') and a worker; KaTeX and the
 * simulations position things with style attributes, so inline styles are allowed as
 * attributes only, never as <style> elements.
 */
export const cspConfig = {
  algorithm: 'SHA-256',
  directives: [
    "default-src 'self'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ],
  scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
  styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }] },
} as const;

/** What a header adds to the <meta> policy (meta elements cannot carry these). */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"];

/** Other security headers for every path. */
export const EXTRA_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/** The policy in a page's <meta http-equiv="content-security-policy">, or undefined. */
export function metaPolicy(html: string): string | undefined {
  const m = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
  return m?.[1]?.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** The _headers file (Netlify/Cloudflare format): per page, its policy plus the header-only directives. */
export function headersFile(pages: readonly { path: string; policy: string }[]): string {
  const blocks = [`/*\n${Object.entries(EXTRA_HEADERS).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`];
  for (const { path, policy } of pages) {
    const full = `${policy.trim().replace(/;\s*$/, '')}; ${HEADER_ONLY_DIRECTIVES.join('; ')}`;
    blocks.push(`${path}\n  Content-Security-Policy: ${full}`);
  }
  return `${blocks.join('\n\n')}\n`;
}
