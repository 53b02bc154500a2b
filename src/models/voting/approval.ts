/** Approval voting: each voter approves any set of candidates; the most approvals wins. */
import { ballotCount, extremeIndices } from './ballots.ts';

/** A set of approved candidates, cast by `count` voters (default 1). */
export type ApprovalBallot = { readonly approved: readonly string[]; readonly count?: number };

/** Approvals per candidate (names sorted) and the winners. */
export type ApprovalTally = { candidates: string[]; approvals: number[]; winners: string[] };

/**
 * Returns approvals per candidate and the winners (all of them on an exact tie). Candidates are
 * `candidates` when given (so a candidate nobody approves still stands), else the names on the ballots.
 */
export function tallyApproval(ballots: readonly ApprovalBallot[], candidates?: readonly string[]): ApprovalTally {
  if (!Array.isArray(ballots)) throw new TypeError('tallyApproval: ballots must be an array of { approved, count? }');
  const names = new Set<string>(candidates ?? []);
  if (candidates !== undefined && names.size !== candidates.length) {
    throw new RangeError('tallyApproval: candidates must not repeat a name');
  }
  ballots.forEach((ballot, b) => {
    if (ballot === null || typeof ballot !== 'object' || !Array.isArray(ballot.approved)) {
      throw new TypeError(`tallyApproval: ballot ${b} must be an object with an approved array`);
    }
    ballotCount(ballot.count, `tallyApproval: ballot ${b}`);
    if (new Set(ballot.approved).size !== ballot.approved.length) {
      throw new RangeError(`tallyApproval: ballot ${b} approves a candidate twice`);
    }
    for (const name of ballot.approved) {
      if (candidates !== undefined && !names.has(name)) {
        throw new RangeError(
          `tallyApproval: ballot ${b} approves ${JSON.stringify(name)}, who is not among the candidates`,
        );
      }
      names.add(name);
    }
  });
  if (names.size === 0) throw new RangeError('tallyApproval: there must be at least one candidate');
  const sorted = [...names].sort();
  const indexOf = new Map(sorted.map((name, i) => [name, i] as const));
  const approvals = new Array<number>(sorted.length).fill(0);
  for (const ballot of ballots) {
    const count = ballot.count ?? 1;
    for (const name of ballot.approved) approvals[indexOf.get(name)!]! += count;
  }
  return { candidates: sorted, approvals, winners: extremeIndices(approvals).map((c) => sorted[c]!) };
}

/** Returns the approval-voting winners, sorted; more than one only on an exact tie. */
export function approvalWinners(ballots: readonly ApprovalBallot[], candidates?: readonly string[]): string[] {
  return tallyApproval(ballots, candidates).winners;
}
