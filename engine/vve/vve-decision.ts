import type { Rng } from '../rng.ts';
import type { VveConfig } from './vve-config.ts';

/**
 * Decision feasibility: the probability that a package reaches the required majority of the votes cast
 * with the required quorum of all votes present (docs/domain.md §3: usually 2/3 and 2/3) — or, when the quorum is
 * not reached and the rules allow it, in a second meeting without quorum by the second meeting's majority of the
 * votes cast (model regulations, docs/domain.md §3). Attendance at the second meeting is drawn anew, independently
 * of the first (assumption). The corporation votes
 * as one block (configured: for, against or abstain); every other apartment right is one owner who attends
 * with probability `attend` and, when present, votes for with probability `support`, independently.
 *
 * Exact when the votes are whole numbers after scaling by 10^k (k ≤ 3) and their sum is at most
 * `exactMaxVotes`: a dynamic programme over (votes present, votes for) — a two-dimensional Poisson-binomial.
 * Otherwise seeded Monte Carlo, with its standard error.
 */
export interface Owner {
  votes: number;
  /** Probability of attending (in person or by proxy), 0–1. */
  attend: number;
  /** Probability of voting for when present, 0–1. */
  support: number;
}

export interface DecisionInput {
  owners: readonly Owner[];
  corporation: { votes: number; vote: VveConfig['decision']['corporationVote'] };
  majority: number;
  quorum: number;
  /** The second meeting without quorum; null when the rules (or the deed) do not allow one. */
  secondMeeting: { majority: number } | null;
}

export interface DecisionOutcome {
  /** P(decided): first meeting, or second meeting after a first without quorum. */
  probability: number;
  /** P(first meeting has its quorum and its majority). */
  firstMeeting: number;
  /** P(first meeting lacks its quorum): the case the second meeting decides. */
  quorumMissed: number;
  /** P(a second meeting, once held, reaches its majority of the votes cast); 0 when none is allowed. */
  secondMeeting: number;
  method: 'exact' | 'monte-carlo';
  /** Monte Carlo only: standard error of `probability`. */
  standardError: number | null;
}

/** P(for) of one owner: logistic in the net monthly saving (rises) and the monthly loan charge (falls), both € per month. */
export function ownerSupport(
  netSavingEurPerMonth: number,
  costEurPerMonth: number,
  s: VveConfig['decision']['support'],
): number {
  const z = s.intercept + s.perEurNetSavingPerMonth * netSavingEurPerMonth - s.perEurCostPerMonth * costEurPerMonth;
  return 1 / (1 + Math.exp(-z));
}

const EPS = 1e-9;

/** Votes as small whole numbers (scaled by 10^k and divided by their gcd), or null when not representable. */
export function integerVotes(votes: readonly number[]): number[] | null {
  for (let k = 0; k <= 3; k++) {
    const f = 10 ** k;
    const scaled = votes.map((v) => v * f);
    if (scaled.every((x) => Math.abs(x - Math.round(x)) < 1e-6)) {
      const ints = scaled.map((x) => Math.round(x));
      const g = ints.reduce((a, b) => gcd(a, b), 0) || 1;
      return ints.map((x) => x / g);
    }
  }
  return null;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

const quorate = (present: number, total: number, quorum: number): boolean =>
  present > 0 && present >= quorum * total - EPS;
const carried = (present: number, inFavour: number, majority: number): boolean =>
  present > 0 && inFavour >= majority * present - EPS;

/** The three probabilities of one meeting's outcome distribution combined into the decision outcome. */
function combine(first: number, missed: number, second: number, d: DecisionInput) {
  const s = d.secondMeeting ? second : 0;
  return { probability: Math.min(1, first + missed * s), firstMeeting: first, quorumMissed: missed, secondMeeting: s };
}

/**
 * P(every member signs the small-VvE consent statement): the corporation signs when it votes for; each owner signs
 * with `signFactor` × his P(for), independently.
 */
export function unanimityProbability(
  owners: readonly Pick<Owner, 'support'>[],
  corporation: DecisionInput['corporation'],
  signFactor: number,
): number {
  if (corporation.votes > 0 && corporation.vote !== 'for') return 0;
  return owners.reduce((p, o) => p * signFactor * o.support, 1);
}

export function decisionProbability(
  d: DecisionInput,
  opts: { exactMaxVotes: number; draws: number; rng: Rng },
): DecisionOutcome {
  const all = integerVotes([d.corporation.votes, ...d.owners.map((o) => o.votes)]);
  const ownerTotal = all ? all.slice(1).reduce((a, b) => a + b, 0) : Infinity;
  if (all && ownerTotal + all[0]! <= opts.exactMaxVotes)
    return { ...exact(d, all), method: 'exact', standardError: null };
  return monteCarlo(d, opts.draws, opts.rng);
}

function exact(d: DecisionInput, ints: number[]) {
  const corp = ints[0]!;
  const votes = ints.slice(1);
  const n = votes.reduce((a, b) => a + b, 0);
  const total = n + corp;
  const cp = d.corporation.vote === 'abstain' ? 0 : corp;
  const cf = d.corporation.vote === 'for' ? corp : 0;
  const W = n + 1;
  let cur = new Float64Array(W * W);
  let next = new Float64Array(W * W);
  cur[0] = 1;
  let reach = 0;
  d.owners.forEach((o, i) => {
    const v = votes[i]!;
    next.fill(0, 0, W * Math.min(W, reach + v + 1));
    const absent = 1 - o.attend,
      yes = o.attend * o.support,
      no = o.attend * (1 - o.support);
    for (let p = 0; p <= reach; p++) {
      for (let f = 0; f <= p; f++) {
        const x = cur[p * W + f]!;
        if (x === 0) continue;
        next[p * W + f]! += x * absent;
        next[(p + v) * W + f + v]! += x * yes;
        next[(p + v) * W + f]! += x * no;
      }
    }
    reach += v;
    [cur, next] = [next, cur];
  });
  let first = 0,
    missed = 0,
    second = 0;
  for (let p = 0; p <= reach; p++)
    for (let f = 0; f <= p; f++) {
      const x = cur[p * W + f]!;
      if (x === 0) continue;
      if (!quorate(p + cp, total, d.quorum)) missed += x;
      else if (carried(p + cp, f + cf, d.majority)) first += x;
      if (d.secondMeeting && carried(p + cp, f + cf, d.secondMeeting.majority)) second += x;
    }
  return combine(first, missed, second, d);
}

function monteCarlo(d: DecisionInput, draws: number, rng: Rng): DecisionOutcome {
  const n = d.owners.length;
  const votes = Float64Array.from(d.owners, (o) => o.votes);
  // One uniform per owner and draw: below attend × support votes for, below attend votes against, else absent.
  const yes = Float64Array.from(d.owners, (o) => o.attend * o.support);
  const present = Float64Array.from(d.owners, (o) => o.attend);
  const total = d.corporation.votes + votes.reduce((a, b) => a + b, 0);
  const cp = d.corporation.vote === 'abstain' ? 0 : d.corporation.votes;
  const cf = d.corporation.vote === 'for' ? d.corporation.votes : 0;
  const meeting = (): [number, number] => {
    let p = cp,
      f = cf;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      if (u < present[i]!) {
        p += votes[i]!;
        if (u < yes[i]!) f += votes[i]!;
      }
    }
    return [p, f];
  };
  // Each draw holds the first meeting and, when it misses its quorum, a second one with fresh attendance.
  let first = 0,
    missed = 0,
    second = 0;
  for (let k = 0; k < draws; k++) {
    const [p, f] = meeting();
    if (quorate(p, total, d.quorum)) {
      if (carried(p, f, d.majority)) first++;
      continue;
    }
    missed++;
    if (!d.secondMeeting) continue;
    const [p2, f2] = meeting();
    if (carried(p2, f2, d.secondMeeting.majority)) second++;
  }
  const probability = (first + second) / draws;
  return {
    ...combine(first / draws, missed / draws, missed ? second / missed : 0, d),
    probability,
    method: 'monte-carlo',
    standardError: Math.sqrt((probability * (1 - probability)) / draws),
  };
}
