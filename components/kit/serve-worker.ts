/**
 * The worker side of the Web Worker runner (import this file, not worker.ts, inside a worker: it
 * pulls in no Preact). A page runs `useWorkerRun` (worker.ts); a worker file calls `serveWorker`.
 */

/** Messages from the page to the worker. */
export type ToWorker<I> =
  { readonly type: 'run'; readonly id: number; readonly input: I } | { readonly type: 'cancel'; readonly id: number };

/** Messages from the worker to the page. */
export type FromWorker<R> =
  | { readonly type: 'progress'; readonly id: number; readonly value: number }
  | { readonly type: 'done'; readonly id: number; readonly result: R }
  | { readonly type: 'error'; readonly id: number; readonly message: string }
  | { readonly type: 'cancelled'; readonly id: number };

/**
 * Work done in a worker. Do the work in chunks and `await reportProgress(fraction)` between them:
 * it posts progress, yields so a cancel message can arrive, and ends the run (by throwing) once
 * cancelled. `isCancelled()` lets long chunks check too.
 */
export type WorkerHandler<I, R> = (
  input: I,
  reportProgress: (fraction: number) => Promise<void>,
  isCancelled: () => boolean,
) => R | Promise<R>;

/** The part of a worker's global scope that `serveWorker` uses. */
export type WorkerScope = {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  postMessage(message: unknown): void;
};

class RunCancelled extends Error {}

function isToWorker(data: unknown): data is ToWorker<unknown> {
  if (typeof data !== 'object' || data === null) return false;
  const { type, id } = data as { type?: unknown; id?: unknown };
  return (type === 'run' || type === 'cancel') && typeof id === 'number';
}

/** Answers run and cancel messages by calling `handler`, posting progress, the result, a cancellation or the error text (never an uncaught error). */
export function serveWorker<I, R>(
  handler: WorkerHandler<I, R>,
  scope: WorkerScope = globalThis as unknown as WorkerScope,
): void {
  const cancelled = new Set<number>();
  scope.addEventListener('message', (event) => {
    const message = event.data as unknown;
    if (!isToWorker(message)) return;
    const { id } = message;
    if (message.type === 'cancel') {
      cancelled.add(id);
      return;
    }
    const input = message.input as I;
    const isCancelled = () => cancelled.has(id);
    const post = (m: FromWorker<R>) => scope.postMessage(m);
    const reportProgress = async (fraction: number) => {
      post({ type: 'progress', id, value: Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0 });
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (isCancelled()) throw new RunCancelled('cancelled');
    };
    void (async () => {
      try {
        const result = await handler(input, reportProgress, isCancelled);
        post(isCancelled() ? { type: 'cancelled', id } : { type: 'done', id, result });
      } catch (error) {
        if (error instanceof RunCancelled || isCancelled()) post({ type: 'cancelled', id });
        else post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
      } finally {
        cancelled.delete(id);
      }
    })();
  });
}
