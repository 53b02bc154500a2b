/**
 * Runs one `astro build` of the project in the current directory, in this process, and prints
 * its wall time and this process's peak resident memory as JSON (Pagefind's indexer runs as a
 * child binary and is not included in the memory figure).
 */
import { build } from 'astro';

const started = performance.now();
await build({ root: process.cwd(), logLevel: 'warn' });
const wallMs = performance.now() - started;
console.log(JSON.stringify({ wallMs, maxRssKb: process.resourceUsage().maxRSS }));
