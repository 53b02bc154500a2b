// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { useWorkerRun } from '../../components/kit/worker.ts';
import { serveWorker, type FromWorker, type WorkerScope } from '../../components/kit/serve-worker.ts';

afterEach(cleanup);

type Listener = (event: Event) => void;

/** A stand-in Worker: records what the page posts and lets the test answer as the worker would. */
class FakeWorker {
  static made: FakeWorker[] = [];
  readonly posted: unknown[] = [];
  terminated = false;
  private readonly listeners = new Map<string, Listener[]>();
  constructor() {
    FakeWorker.made.push(this);
  }
  addEventListener(type: string, listener: Listener) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  removeEventListener() {}
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  get runId(): number {
    return (this.posted[0] as { id: number }).id;
  }
  reply(message: FromWorker<number> | Record<string, unknown>) {
    act(() => {
      for (const l of this.listeners.get('message') ?? []) l(new MessageEvent('message', { data: message }));
    });
  }
  crash(message: string) {
    act(() => {
      for (const l of this.listeners.get('error') ?? []) l(new ErrorEvent('error', { message, cancelable: true }));
    });
  }
}

function Runner(props: { create?: () => Worker }) {
  const job = useWorkerRun<{ n: number }, number>(props.create ?? (() => new FakeWorker() as unknown as Worker));
  return (
    <div>
      <button type="button" onClick={() => job.run({ n: 10 })}>
        Run
      </button>
      <button type="button" onClick={job.cancel}>
        Cancel
      </button>
      <p data-testid="state">
        {job.status} {Math.round(job.progress * 100)}% {job.result ?? '-'} {job.error ?? ''}
      </p>
    </div>
  );
}

const state = () => screen.getByTestId('state').textContent?.trim();
const last = () => FakeWorker.made.at(-1)!;

describe('useWorkerRun with a fake Worker', () => {
  test('run(input) posts the input, shows progress and then the result, and ends the worker', () => {
    FakeWorker.made = [];
    render(<Runner />);
    expect(state()).toBe('idle 0% -');
    fireEvent.click(screen.getByText('Run'));
    expect(last().posted[0]).toMatchObject({ type: 'run', input: { n: 10 } });
    expect(state()).toBe('running 0% -');
    last().reply({ type: 'progress', id: last().runId, value: 0.4 });
    expect(state()).toBe('running 40% -');
    last().reply({ type: 'done', id: last().runId, result: 55 });
    expect(state()).toBe('done 100% 55');
    expect(last().terminated).toBe(true);
  });

  test('cancel() ends the run at once and ignores the worker’s late messages', () => {
    FakeWorker.made = [];
    render(<Runner />);
    fireEvent.click(screen.getByText('Run'));
    const w = last();
    w.reply({ type: 'progress', id: w.runId, value: 0.25 });
    fireEvent.click(screen.getByText('Cancel'));
    expect(state()).toBe('cancelled 25% -');
    expect(w.terminated).toBe(true);
    expect(w.posted[1]).toMatchObject({ type: 'cancel' });
    w.reply({ type: 'done', id: w.runId, result: 1 });
    expect(state()).toBe('cancelled 25% -');
  });

  test('a worker that posts an error shows the message, and the next run works', () => {
    FakeWorker.made = [];
    render(<Runner />);
    fireEvent.click(screen.getByText('Run'));
    last().reply({ type: 'error', id: last().runId, message: 'agents must be at least 2' });
    expect(state()).toBe('error 0% - agents must be at least 2');
    expect(last().terminated).toBe(true);
    fireEvent.click(screen.getByText('Run'));
    expect(FakeWorker.made).toHaveLength(2);
    last().reply({ type: 'done', id: last().runId, result: 7 });
    expect(state()).toBe('done 100% 7');
  });

  test('a worker that throws (an error event) sets status error with its message', () => {
    FakeWorker.made = [];
    render(<Runner />);
    fireEvent.click(screen.getByText('Run'));
    last().crash('Uncaught RangeError: bad');
    expect(state()).toBe('error 0% - Uncaught RangeError: bad');
  });

  test('a worker that cannot be created sets status error instead of throwing', () => {
    render(
      <Runner
        create={() => {
          throw new Error('workers are blocked');
        }}
      />,
    );
    fireEvent.click(screen.getByText('Run'));
    expect(state()).toBe('error 0% - Could not start the worker: workers are blocked');
  });

  test('messages of an earlier run or garbage are ignored', () => {
    FakeWorker.made = [];
    render(<Runner />);
    fireEvent.click(screen.getByText('Run'));
    const first = last();
    fireEvent.click(screen.getByText('Run'));
    expect(first.terminated).toBe(true);
    first.reply({ type: 'done', id: first.runId, result: 1 });
    last().reply({ nonsense: true });
    expect(state()).toBe('running 0% -');
  });
});

/** A fake worker scope: the test posts into it and reads what it posts back. */
function fakeScope() {
  const out: FromWorker<number>[] = [];
  let listener: ((event: MessageEvent) => void) | undefined;
  const scope: WorkerScope = {
    addEventListener: (_type, l) => {
      listener = l;
    },
    postMessage: (m) => out.push(m as FromWorker<number>),
  };
  const send = (data: unknown) => listener?.(new MessageEvent('message', { data }));
  return { scope, out, send };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));
const waitFor = async (ok: () => boolean) => {
  for (let k = 0; k < 200 && !ok(); k++) await settle();
};

describe('serveWorker', () => {
  test('serveWorker runs the handler in chunks, posting progress and then the result', async () => {
    const { scope, out, send } = fakeScope();
    serveWorker<{ n: number }, number>(async (input, report) => {
      let sum = 0;
      for (let i = 1; i <= input.n; i++) {
        sum += i;
        if (i % 5 === 0) await report(i / input.n);
      }
      return sum;
    }, scope);
    send({ type: 'run', id: 3, input: { n: 10 } });
    await waitFor(() => out.some((m) => m.type === 'done'));
    expect(out).toEqual([
      { type: 'progress', id: 3, value: 0.5 },
      { type: 'progress', id: 3, value: 1 },
      { type: 'done', id: 3, result: 55 },
    ]);
  });

  test('serveWorker stops at the next progress report after a cancel message', async () => {
    const { scope, out, send } = fakeScope();
    let chunks = 0;
    serveWorker<null, number>(async (_input, report) => {
      for (let i = 0; i < 1000; i++) {
        chunks++;
        await report(i / 1000);
      }
      return 1;
    }, scope);
    send({ type: 'run', id: 1, input: null });
    send({ type: 'cancel', id: 1 });
    await waitFor(() => out.some((m) => m.type === 'cancelled'));
    expect(out.at(-1)).toEqual({ type: 'cancelled', id: 1 });
    expect(chunks).toBeLessThan(1000);
  });

  test('serveWorker turns a throwing handler into an error message and ignores garbage', async () => {
    const { scope, out, send } = fakeScope();
    serveWorker<null, number>(() => {
      throw new RangeError('agents must be at least 2');
    }, scope);
    send('garbage');
    send({ type: 'run', id: 9, input: null });
    await waitFor(() => out.length > 0);
    expect(out).toEqual([{ type: 'error', id: 9, message: 'agents must be at least 2' }]);
  });
});
