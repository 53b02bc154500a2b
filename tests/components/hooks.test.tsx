// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { REDUCED_MOTION_INTERVAL_MS, useAnimationLoop, useAutoplay, useThrottledValue } from '../../components/kit/hooks.ts';

let frames: FrameRequestCallback[] = [];
beforeEach(() => {
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
  vi.stubGlobal('cancelAnimationFrame', () => {
    frames = [];
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function runFrames(from: number, to: number, every: number) {
  for (let now = from; now <= to; now += every) {
    const due = frames;
    frames = [];
    act(() => {
      for (const cb of due) cb(now);
    });
  }
}

function Loop(props: { onStep: (n: number) => void; running: boolean; speed: number; reducedMotion?: boolean }) {
  useAnimationLoop(props.onStep, {
    running: props.running,
    speed: props.speed,
    reducedMotion: props.reducedMotion ?? false,
  });
  return null;
}

describe('useAnimationLoop', () => {
  test('useAnimationLoop steps about speed × seconds in total, a few steps per frame', () => {
    const calls: number[] = [];
    render(<Loop onStep={(n) => calls.push(n)} running speed={60} />);
    runFrames(0, 1000, 1000 / 60);
    const total = calls.reduce((s, n) => s + n, 0);
    // 60 frames of 1/60 s after the first at 60 steps/s: 60 steps, give or take one for rounding.
    expect(Math.abs(total - 61)).toBeLessThanOrEqual(1);
    // About one step per frame (float rounding can carry a step into the next frame).
    expect(Math.max(...calls)).toBeLessThanOrEqual(2);
    expect(calls.length).toBeGreaterThan(50);
  });

  test('useAnimationLoop with reduced motion keeps the pace but redraws only in jumps', () => {
    const calls: number[] = [];
    render(<Loop onStep={(n) => calls.push(n)} running speed={60} reducedMotion />);
    runFrames(0, 3000, 1000 / 60);
    const total = calls.reduce((s, n) => s + n, 0);
    // 3 s at 60 steps/s is 180 steps; all but the last interval's worth must have been drawn.
    expect(total).toBeGreaterThanOrEqual(180 - (60 * REDUCED_MOTION_INTERVAL_MS) / 1000);
    expect(total).toBeLessThanOrEqual(181);
    expect(calls.length).toBeLessThanOrEqual(Math.ceil(3000 / REDUCED_MOTION_INTERVAL_MS) + 1);
    expect(Math.max(...calls)).toBeGreaterThanOrEqual(30);
  });

  test('useAnimationLoop with reduced motion keeps the interval across a pause and restart', () => {
    const calls: number[] = [];
    const view = render(<Loop onStep={(n) => calls.push(n)} running speed={60} reducedMotion />);
    runFrames(0, 100, 1000 / 60);
    expect(calls).toHaveLength(1);
    // Stopped and started again at once (as a simulation does while a worker computes a step):
    // the next redraw still waits for the interval since the last one.
    view.rerender(<Loop onStep={(n) => calls.push(n)} running={false} speed={60} reducedMotion />);
    view.rerender(<Loop onStep={(n) => calls.push(n)} running speed={60} reducedMotion />);
    runFrames(150, REDUCED_MOTION_INTERVAL_MS - 50, 1000 / 60);
    expect(calls).toHaveLength(1);
    runFrames(REDUCED_MOTION_INTERVAL_MS + 50, REDUCED_MOTION_INTERVAL_MS + 100, 1000 / 60);
    expect(calls).toHaveLength(2);
  });

  test('useAnimationLoop does nothing while not running', () => {
    const onStep = vi.fn();
    render(<Loop onStep={onStep} running={false} speed={60} />);
    expect(frames).toHaveLength(0);
    expect(onStep).not.toHaveBeenCalled();
  });
});

function Throttled(props: { value: string }) {
  return <p>{useThrottledValue(props.value, 1000)}</p>;
}

describe('useThrottledValue', () => {
  test('useThrottledValue passes at most one change per interval and always lands on the last value', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { container, rerender } = render(<Throttled value="a" />);
    expect(container.textContent).toBe('a');
    rerender(<Throttled value="b" />);
    rerender(<Throttled value="c" />);
    expect(container.textContent).toBe('a');
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(container.textContent).toBe('c');
  });
});

function Autoplay(props: { autoplay: boolean; reduced: boolean; ready?: boolean; start: () => void; stop: () => void }) {
  useAutoplay(props.autoplay, props.reduced, props.start, props.stop, props.ready);
  return null;
}

describe('useAutoplay', () => {
  const media = (matches: boolean) => vi.stubGlobal('matchMedia', () => ({ matches, addEventListener() {}, removeEventListener() {} }));

  test('useAutoplay starts once on mount, and waits for `ready` when given, starting once only', () => {
    media(false);
    const start = vi.fn();
    const stop = vi.fn();
    const { rerender } = render(<Autoplay autoplay reduced={false} ready={false} start={start} stop={stop} />);
    expect(start).not.toHaveBeenCalled();
    rerender(<Autoplay autoplay reduced={false} ready start={start} stop={stop} />);
    expect(start).toHaveBeenCalledTimes(1);
    rerender(<Autoplay autoplay reduced={false} ready={false} start={start} stop={stop} />);
    rerender(<Autoplay autoplay reduced={false} ready start={start} stop={stop} />);
    expect(start).toHaveBeenCalledTimes(1);
    cleanup();
    const start2 = vi.fn();
    render(<Autoplay autoplay reduced={false} start={start2} stop={stop} />);
    expect(start2).toHaveBeenCalledTimes(1);
  });

  test('useAutoplay does not start when the reader prefers reduced motion, and stops when the preference turns on', () => {
    media(true);
    const start = vi.fn();
    const stop = vi.fn();
    render(<Autoplay autoplay reduced={false} start={start} stop={stop} />);
    expect(start).not.toHaveBeenCalled();
    cleanup();
    media(false);
    const { rerender } = render(<Autoplay autoplay reduced={false} start={start} stop={stop} />);
    expect(start).toHaveBeenCalledTimes(1);
    rerender(<Autoplay autoplay reduced start={start} stop={stop} />);
    expect(stop).toHaveBeenCalledTimes(1);
  });

  test('useAutoplay does nothing without autoplay', () => {
    media(false);
    const start = vi.fn();
    const stop = vi.fn();
    const { rerender } = render(<Autoplay autoplay={false} reduced={false} start={start} stop={stop} />);
    rerender(<Autoplay autoplay={false} reduced start={start} stop={stop} />);
    expect(start).not.toHaveBeenCalled();
    expect(stop).not.toHaveBeenCalled();
  });
});
