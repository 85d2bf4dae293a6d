import type { Rng } from '../rng.ts';
import type { VveConfig } from './vve-config.ts';

/**
 * Decision feasibility: the probability that a package reaches the required majority of the votes cast
 * with the required quorum of all votes present (docs/domain.md §3: usually 2/3 and 2/3). The corporation votes
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
}

export interface DecisionOutcome {
  probability: number;
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

const passes = (
  present: number,
  inFavour: number,
  total: number,
  d: Pick<DecisionInput, 'majority' | 'quorum'>,
): boolean => present > 0 && present >= d.quorum * total - EPS && inFavour >= d.majority * present - EPS;

export function decisionProbability(
  d: DecisionInput,
  opts: { exactMaxVotes: number; draws: number; rng: Rng },
): DecisionOutcome {
  const all = integerVotes([d.corporation.votes, ...d.owners.map((o) => o.votes)]);
  const ownerTotal = all ? all.slice(1).reduce((a, b) => a + b, 0) : Infinity;
  if (all && ownerTotal + all[0]! <= opts.exactMaxVotes)
    return { probability: exact(d, all), method: 'exact', standardError: null };
  return monteCarlo(d, opts.draws, opts.rng);
}

function exact(d: DecisionInput, ints: number[]): number {
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
  let prob = 0;
  for (let p = 0; p <= reach; p++)
    for (let f = 0; f <= p; f++) {
      const x = cur[p * W + f]!;
      if (x !== 0 && passes(p + cp, f + cf, total, d)) prob += x;
    }
  return Math.min(1, prob);
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
  let hits = 0;
  for (let k = 0; k < draws; k++) {
    let p = cp,
      f = cf;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      if (u < present[i]!) {
        p += votes[i]!;
        if (u < yes[i]!) f += votes[i]!;
      }
    }
    if (passes(p, f, total, d)) hits++;
  }
  const probability = hits / draws;
  return { probability, method: 'monte-carlo', standardError: Math.sqrt((probability * (1 - probability)) / draws) };
}
