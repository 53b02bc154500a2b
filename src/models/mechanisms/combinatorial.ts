/**
 * VCG for a few items sold together: bidders value bundles (an XOR bid: the best single listed
 * bundle the bidder receives counts), every assignment of items is an outcome, and VCG picks the
 * one with the most value.
 */
import { runVcg } from './vcg.ts';

/** A bid for a bundle of items: the value of receiving all of them. */
export type BundleBid = { readonly bundle: readonly string[]; readonly value: number };

/** The largest number of allocations enumerated ((bidders + 1)^items). */
export const MAX_ALLOCATIONS = 250_000;

/** The VCG result for bundles: who gets each item, each bidder's bundle, payments, and the value matrix. */
export type CombinatorialResult = {
  /** For each item, the index of the bidder who gets it, or null if unsold. */
  allocation: (number | null)[];
  /** Each bidder's items, in the order of `items`. */
  bundles: string[][];
  payments: number[];
  /** Total value of the chosen allocation. */
  welfare: number;
  /**
   * The VCG outcome: the allocation's index in base n + 1, item 0 the least significant digit,
   * digit 0 for unsold and i + 1 for bidder i (so among equally good allocations, ties leave
   * items unsold rather than hand them to someone who does not value them).
   */
  outcome: number;
  /** values[i][k]: bidder i's value for allocation k. */
  values: number[][];
};

/**
 * Returns the VCG allocation of `items` among bidders whose bids are `bids[i]` (XOR bundle bids;
 * a bidder's value for a set is its best bid contained in it, 0 if none), with Clarke payments;
 * every assignment of each item to a bidder or to no one is an outcome.
 * @see Vickrey (1961); Groves (1973).
 */
export function combinatorialVcg(options: {
  items: readonly string[];
  bids: readonly (readonly BundleBid[])[];
}): CombinatorialResult {
  const caller = 'combinatorialVcg';
  const { items, bids } = options;
  if (!Array.isArray(items) || items.length === 0 || new Set(items).size !== items.length) {
    throw new RangeError(`${caller}: items must be a non-empty array of distinct names`);
  }
  if (!Array.isArray(bids) || bids.length === 0)
    throw new RangeError(`${caller}: bids must hold one array of bundle bids per bidder`);
  const m = items.length;
  const n = bids.length;
  const outcomes = (n + 1) ** m;
  if (m > 20 || outcomes > MAX_ALLOCATIONS) {
    throw new RangeError(
      `${caller}: ${n} bidders and ${m} items give ${outcomes} allocations; at most ${MAX_ALLOCATIONS} can be enumerated`,
    );
  }
  const itemIndex = new Map(items.map((name, i) => [name, i] as const));
  // Value of every subset of items (as a bit mask) to each bidder: its best bid inside the subset.
  const subsetValue = bids.map((list, i) => {
    if (!Array.isArray(list)) throw new TypeError(`${caller}: bids[${i}] must be an array of { bundle, value }`);
    const best = new Float64Array(1 << m);
    list.forEach((bid, j) => {
      if (bid === null || typeof bid !== 'object' || !Array.isArray(bid.bundle)) {
        throw new TypeError(`${caller}: bids[${i}][${j}] must be { bundle: string[], value: number }`);
      }
      if (!(bid.value >= 0) || !Number.isFinite(bid.value)) {
        throw new RangeError(`${caller}: bids[${i}][${j}].value must be a finite number >= 0, got ${bid.value}`);
      }
      let mask = 0;
      for (const name of bid.bundle) {
        const k = itemIndex.get(name);
        if (k === undefined)
          throw new RangeError(`${caller}: bids[${i}][${j}] names an unknown item ${JSON.stringify(name)}`);
        mask |= 1 << k;
      }
      for (let s = 0; s < best.length; s++) if ((s & mask) === mask && bid.value > best[s]!) best[s] = bid.value;
    });
    return best;
  });
  const values = bids.map(() => new Array<number>(outcomes));
  const masks = new Int32Array(n);
  for (let k = 0; k < outcomes; k++) {
    masks.fill(0);
    let rest = k;
    for (let item = 0; item < m; item++) {
      const digit = rest % (n + 1);
      rest = (rest - digit) / (n + 1);
      if (digit > 0) masks[digit - 1]! |= 1 << item;
    }
    for (let i = 0; i < n; i++) values[i]![k] = subsetValue[i]![masks[i]!]!;
  }
  const { outcome, payments } = runVcg(values);
  const allocation: (number | null)[] = [];
  let rest = outcome;
  for (let item = 0; item < m; item++) {
    const digit = rest % (n + 1);
    rest = (rest - digit) / (n + 1);
    allocation.push(digit > 0 ? digit - 1 : null);
  }
  return {
    allocation,
    bundles: bids.map((_, i) => items.filter((_, item) => allocation[item] === i)),
    payments,
    welfare: values.reduce((sum, row) => sum + row[outcome]!, 0),
    outcome,
    values,
  };
}
