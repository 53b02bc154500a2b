/**
 * The page side of the Web Worker runner: one worker per run, progress, cancel, and errors that
 * leave the UI usable. Workers are created by the caller, e.g.
 * `() => new Worker(new URL('./heavy.worker.ts', import.meta.url), { type: 'module' })`,
 * and answer with `serveWorker` from serve-worker.ts.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { FromWorker, ToWorker } from './serve-worker.ts';

// Re-exported for discovery; a worker file should import it from serve-worker.ts (no Preact there).
export { serveWorker, type WorkerHandler } from './serve-worker.ts';

/** Where a run stands. */
export type WorkerStatus = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

/** What `useWorkerRun` returns. */
export type WorkerRun<I, R> = {
  readonly run: (input: I) => void;
  readonly cancel: () => void;
  readonly status: WorkerStatus;
  /** Share of the run done, 0 to 1. */
  readonly progress: number;
  /** The last successful run's result. */
  readonly result: R | undefined;
  /** What went wrong, in words, when status is 'error'. */
  readonly error: string | undefined;
};

type RunState<R> = { status: WorkerStatus; progress: number; result: R | undefined; error: string | undefined };

const IDLE: RunState<never> = { status: 'idle', progress: 0, result: undefined, error: undefined };

function describe(error: unknown, fallback: string): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return fallback;
}

/**
 * Runs inputs in Web Workers made by `createWorker`: `run(input)` starts a fresh worker (ending any
 * run in progress), `cancel()` ends it at once; a worker that throws, posts an error or cannot be
 * created sets status 'error' with a message, and the next `run` works as before.
 */
export function useWorkerRun<I, R>(createWorker: () => Worker): WorkerRun<I, R> {
  const [state, setState] = useState<RunState<R>>(IDLE);
  const factory = useRef(createWorker);
  factory.current = createWorker;
  const worker = useRef<Worker | null>(null);
  const current = useRef(0);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);

  useEffect(() => stop, [stop]);

  const fail = useCallback(
    (message: string) => {
      stop();
      setState((s) => ({ ...s, status: 'error', error: message }));
    },
    [stop],
  );

  const run = useCallback(
    (input: I) => {
      stop();
      const id = ++current.current;
      let w: Worker;
      try {
        w = factory.current();
      } catch (error) {
        fail(`Could not start the worker: ${describe(error, 'unknown error')}`);
        return;
      }
      worker.current = w;
      setState({ status: 'running', progress: 0, result: undefined, error: undefined });
      w.addEventListener('message', (event: MessageEvent) => {
        const m = event.data as FromWorker<R> | null;
        // Messages of an earlier run (or garbage) are ignored.
        if (!m || typeof m !== 'object' || m.id !== id || current.current !== id) return;
        if (m.type === 'progress') setState((s) => ({ ...s, progress: m.value }));
        else if (m.type === 'done') {
          stop();
          setState({ status: 'done', progress: 1, result: m.result, error: undefined });
        } else if (m.type === 'error') fail(m.message || 'The worker reported an error.');
        else if (m.type === 'cancelled') {
          stop();
          setState((s) => ({ ...s, status: 'cancelled' }));
        }
      });
      w.addEventListener('error', (event: ErrorEvent) => {
        if (current.current !== id) return;
        // Handled here: keep it out of the console as an uncaught error.
        event.preventDefault();
        fail(event.message || 'The worker stopped with an error.');
      });
      w.addEventListener('messageerror', () => {
        if (current.current === id) fail('The worker sent a message that could not be read.');
      });
      try {
        w.postMessage({ type: 'run', id, input } satisfies ToWorker<I>);
      } catch (error) {
        fail(`Could not send the input to the worker: ${describe(error, 'unknown error')}`);
      }
    },
    [stop, fail],
  );

  const cancel = useCallback(() => {
    const w = worker.current;
    if (!w) return;
    try {
      w.postMessage({ type: 'cancel', id: current.current } satisfies ToWorker<I>);
    } catch {
      // The worker is terminated next anyway.
    }
    stop();
    current.current++;
    setState((s) => ({ ...s, status: 'cancelled' }));
  }, [stop]);

  return { run, cancel, ...state };
}
