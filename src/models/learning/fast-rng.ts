/**
 * A tiny, fast 32-bit generator for hot loops that draw tens of millions of numbers (sfc32, the
 * "small fast chaotic" generator, four 32-bit words of state). It is seeded from the
 * package's seeded `Rng`, so a run is still determined by its seed; it exists only because a call
 * through the general generator costs more than a whole period of the Q-learning loop.
 */
import type { Rng } from '../random.ts';

/** The four state words of an sfc32 generator; `nextUint32` mutates them in place for speed. */
export type FastRngState = Int32Array;

/** Returns a fresh sfc32 state seeded from four draws of `rng`, warmed up by 16 discarded outputs. */
export function createFastRng(rng: Rng): FastRngState {
  const state = new Int32Array(4);
  for (let i = 0; i < 4; i++) state[i] = Math.floor(rng() * 4294967296) | 0;
  for (let i = 0; i < 16; i++) nextUint32(state);
  return state;
}

/** Returns the next uniform integer on [0, 2³²) and advances `s` (mutates it, for speed). */
export function nextUint32(s: FastRngState): number {
  const a = s[0]!;
  const b = s[1]!;
  const c = s[2]!;
  const d = (s[3]! + 1) | 0;
  const t = (((a + b) | 0) + d) | 0;
  s[0] = b ^ (b >>> 9);
  s[1] = (c + (c << 3)) | 0;
  s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
  s[3] = d;
  return t >>> 0;
}

/** 2⁻³², to turn a 32-bit integer into a fraction of [0, 1). */
export const UINT32_SCALE = 2.3283064365386963e-10;
