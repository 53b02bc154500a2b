/**
 * Small hooks shared by the simulations: the animation loop, the reduced-motion preference, a
 * hydration flag and a throttled value for live regions.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

/** Options of `useAnimationLoop`. */
export type AnimationOptions = {
  /** Whether the loop runs. */
  readonly running: boolean;
  /** Model steps per second (fractions accumulate across frames). */
  readonly speed: number;
  /**
   * With reduced motion the loop still plays, but redraws at most every `REDUCED_MOTION_INTERVAL_MS`,
   * taking all the steps due since the last redraw in one jump: the same pace, no smooth motion.
   */
  readonly reducedMotion?: boolean;
};

/** Shortest time between redraws when the reader prefers reduced motion, in milliseconds. */
export const REDUCED_MOTION_INTERVAL_MS = 600;

// A frame gap longer than this (a background tab, a debugger pause) counts as this long, so the
// model never jumps thousands of steps at once.
const MAX_FRAME_MS = 100;

/**
 * Calls `step(n)` from requestAnimationFrame while `running`, with n ≥ 1 the whole number of
 * model steps due at `speed` steps per second; the model is stepped by hand, never by timers.
 */
export function useAnimationLoop(step: (steps: number) => void, options: AnimationOptions): void {
  const { running, speed, reducedMotion = false } = options;
  const stepRef = useRef(step);
  stepRef.current = step;
  // Kept across restarts of the loop (Pause and Play, or a simulation that stops the loop while a
  // worker computes each step), so the reduced-motion interval holds between them too.
  const lastDraw = useRef(-Infinity);
  useEffect(() => {
    if (!running || !(speed > 0)) return undefined;
    let frame = 0;
    let due = 0;
    let previous: number | undefined;
    const tick = (now: number) => {
      due += previous === undefined ? speed / 60 : (Math.min(MAX_FRAME_MS, Math.max(0, now - previous)) / 1000) * speed;
      previous = now;
      const whole = Math.floor(due);
      if (whole >= 1 && (!reducedMotion || now - lastDraw.current >= REDUCED_MOTION_INTERVAL_MS)) {
        due -= whole;
        lastDraw.current = now;
        stepRef.current(whole);
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [running, speed, reducedMotion]);
}

const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';

/** Returns true when the reader asks for reduced motion (false on the server and before hydration), following changes. */
export function usePrefersReducedMotion(): boolean {
  const [reduced, setReduced] = useState(false);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return undefined;
    const query = window.matchMedia(REDUCED_MOTION_QUERY);
    const update = () => setReduced(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return reduced;
}

/**
 * Autoplay for a simulation: calls `start` once, when `ready` first holds (on mount by default;
 * a simulation that must first read its settings from the link passes that flag), if `autoplay`
 * is set and the reader does not prefer reduced motion; calls `stop` if that preference turns on
 * later.
 */
export function useAutoplay(autoplay: boolean | undefined, reducedMotion: boolean, start: () => void, stop: () => void, ready = true): void {
  const decided = useRef(false);
  useEffect(() => {
    if (!ready || decided.current) return;
    decided.current = true;
    // Read the preference directly: usePrefersReducedMotion is still false during this first effect.
    const reduce = typeof window.matchMedia === 'function' && window.matchMedia(REDUCED_MOTION_QUERY).matches;
    if (autoplay && !reduce) start();
    // Autoplay is decided once.
  }, [ready]);
  useEffect(() => {
    if (reducedMotion && autoplay) stop();
  }, [reducedMotion, autoplay]);
}

/** Returns false during the server render and the hydrating render, true from the first effect on. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** Returns `value`, but changing at most once per `intervalMs` (the last change always lands): for aria-live regions. */
export function useThrottledValue<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const lastChange = useRef(-Infinity);
  useEffect(() => {
    const wait = lastChange.current + intervalMs - Date.now();
    const apply = () => {
      lastChange.current = Date.now();
      setShown(value);
    };
    if (wait <= 0) {
      apply();
      return undefined;
    }
    const timer = setTimeout(apply, wait);
    return () => clearTimeout(timer);
  }, [value, intervalMs]);
  return shown;
}
