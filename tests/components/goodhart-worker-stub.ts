/**
 * A stand-in for the browser's Worker in component tests (happy-dom has none): it answers with
 * the real serveWorker around the real handler, in the same thread, with a setTimeout hop for
 * each message as a real worker would have. `rewrite` may shrink the input (fewer chunks) so the
 * tests stay quick.
 */
import { serveWorker, type WorkerHandler } from '../../components/kit/serve-worker.ts';

type Listener = (event: { data: unknown }) => void;

/** What the tests can see of the fake workers they made. */
export type FakeWorkerLog = { created: number; terminated: number; inputs: unknown[] };

/** Returns a Worker class that runs `handler` in-process, and the log of its instances. */
export function fakeWorker<I, R>(
  handler: WorkerHandler<I, R>,
  rewrite: (input: I) => I = (input) => input,
): { FakeWorker: new (...args: unknown[]) => unknown; log: FakeWorkerLog } {
  const log: FakeWorkerLog = { created: 0, terminated: 0, inputs: [] };
  class FakeWorker {
    private readonly listeners = new Map<string, Set<Listener>>();
    private inner: ((event: MessageEvent) => void) | null = null;
    private terminated = false;

    constructor() {
      log.created++;
      serveWorker<I, R>(
        (input, progress, cancelled) => {
          log.inputs.push(input);
          return handler(rewrite(input), progress, cancelled);
        },
        {
          addEventListener: (_type, listener) => {
            this.inner = listener;
          },
          postMessage: (message) => {
            setTimeout(() => {
              if (this.terminated) return;
              for (const l of this.listeners.get('message') ?? []) l({ data: message });
            }, 0);
          },
        },
      );
    }

    addEventListener(type: string, listener: Listener): void {
      if (!this.listeners.has(type)) this.listeners.set(type, new Set());
      this.listeners.get(type)!.add(listener);
    }

    removeEventListener(type: string, listener: Listener): void {
      this.listeners.get(type)?.delete(listener);
    }

    postMessage(data: unknown): void {
      setTimeout(() => {
        if (!this.terminated) this.inner?.({ data } as MessageEvent);
      }, 0);
    }

    terminate(): void {
      if (!this.terminated) log.terminated++;
      this.terminated = true;
    }
  }
  return { FakeWorker, log };
}
