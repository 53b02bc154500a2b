/** Input checks shared by the evolutionary-dynamics functions (internal to the model package). */
import { checkDistribution, checkMatrix } from '../games/validate.ts';

/** Throws unless A is a square matrix of finite numbers; returns its size. */
export function checkSquare(fn: string, A: readonly (readonly number[])[]): number {
  const [m, n] = checkMatrix(fn, 'A', A);
  if (m !== n) throw new RangeError(`${fn}: A must be square (one row and one column per strategy), got ${m}×${n}`);
  return n;
}

export { checkDistribution };
