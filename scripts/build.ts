/**
 * `npm run build`: runs `astro build` and fails when its log has an [ERROR] or a [WARN] that is
 * not on the allowlist below. Astro reports some content mistakes only as log lines and still
 * exits 0, so the log is part of the result. Output is passed through as it comes.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { classifyLogLine } from './build-log.ts';

const astro = join(import.meta.dirname, '..', 'node_modules', 'astro', 'bin', 'astro.mjs');
const child = spawn(process.execPath, [astro, 'build', ...process.argv.slice(2)], { stdio: ['ignore', 'pipe', 'pipe'] });
const offending: string[] = [];
let allowed = 0;
let pending = '';

function scan(chunk: Buffer, out: NodeJS.WriteStream) {
  out.write(chunk);
  pending += chunk.toString('utf8');
  const lines = pending.split('\n');
  pending = lines.pop() ?? '';
  for (const raw of lines) check(raw);
}
function check(line: string) {
  const verdict = classifyLogLine(line);
  if (verdict === 'error') offending.push(line.trim());
  else if (verdict === 'allowed') allowed++;
}
child.stdout.on('data', (c: Buffer) => scan(c, process.stdout));
child.stderr.on('data', (c: Buffer) => scan(c, process.stderr));
child.on('close', (code) => {
  if (pending) check(pending);
  if (code !== 0) process.exit(code ?? 1);
  if (offending.length > 0) {
    console.error(`\nThe build logged ${offending.length} error(s) or unexpected warning(s):\n${offending.map((l) => `  ${l}`).join('\n')}`);
    console.error('Fix them, or, if a warning is harmless, add it with its reason to ALLOWED_WARNINGS in scripts/build-log.ts.');
    process.exit(1);
  }
  console.log(`build log gate: no errors, no unexpected warnings (${allowed} known harmless warning${allowed === 1 ? '' : 's'}).`);
});
