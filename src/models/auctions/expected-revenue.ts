/**
 * Expected revenue of the standard auctions with iid U[0, 1] values, and Myerson's optimal
 * reserve. By revenue equivalence every standard format earns the same in expectation.
 */
import { checkBidders, checkUnit } from './equilibrium-bids.ts';

/**
 * Returns the seller's expected revenue with `bidders` iid U[0, 1] bidders and reserve `reserve`
 * (default 0), the same for first-price, second-price and all-pay: n∫_r^1 (2v − 1)vⁿ⁻¹ dv =
 * 2n(1 − rⁿ⁺¹)/(n + 1) − (1 − rⁿ); with no reserve (n − 1)/(n + 1).
 * @see Myerson (1981), Optimal Auction Design; Vickrey (1961).
 */
export function expectedRevenue(bidders: number, reserve = 0): number {
  const n = checkBidders(bidders, 'expectedRevenue');
  const r = checkUnit(reserve, 'reserve', 'expectedRevenue');
  return (2 * n * (1 - r ** (n + 1))) / (n + 1) - (1 - r ** n);
}

/**
 * Returns Myerson's virtual value v − (1 − F(v))/f(v) of a U[0, 1] value, 2v − 1: the marginal
 * revenue of selling to that type.
 * @see Myerson (1981), Optimal Auction Design.
 */
export function virtualValue(value: number): number {
  return 2 * checkUnit(value, 'value', 'virtualValue') - 1;
}

/**
 * Returns the revenue-maximising reserve for `bidders` iid U[0, 1] bidders, found by maximising
 * `expectedRevenue` numerically (golden-section search to 1e-10); Myerson's theory says 1/2, where
 * the virtual value 2v − 1 turns positive, whatever the number of bidders.
 * @see Myerson (1981), Optimal Auction Design.
 */
export function optimalReserve(bidders: number): number {
  const n = checkBidders(bidders, 'optimalReserve');
  const phi = (Math.sqrt(5) - 1) / 2;
  let lo = 0;
  let hi = 1;
  let a = hi - phi * (hi - lo);
  let c = lo + phi * (hi - lo);
  let fa = expectedRevenue(n, a);
  let fc = expectedRevenue(n, c);
  while (hi - lo > 1e-10) {
    if (fa >= fc) {
      hi = c;
      c = a;
      fc = fa;
      a = hi - phi * (hi - lo);
      fa = expectedRevenue(n, a);
    } else {
      lo = a;
      a = c;
      fa = fc;
      c = lo + phi * (hi - lo);
      fc = expectedRevenue(n, c);
    }
  }
  return (lo + hi) / 2;
}
