/** The built site served by `scripts/serve.ts` for a benchmark: started, waited for, stopped. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** Resolves once `url` answers 200, polling every 100 ms; rejects after about 10 s. */
export async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

/** Serves `dist` on 127.0.0.1:`port` and resolves when it answers, with its base URL and a stop function. */
export async function serveDist(dist: string, port: number): Promise<{ base: string; stop: () => void }> {
  const server = spawn(process.execPath, [join(ROOT, 'scripts', 'serve.ts'), dist, String(port)], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/`);
  } catch (e) {
    server.kill();
    throw e;
  }
  return { base, stop: () => server.kill() };
}
