/**
 * The first year's residents carry their buurt's low-income share (engine/buurt-parameters, the one set every
 * module reads): per buurt, one odds multiplier on the income band `laag` of every resident profile, chosen so the
 * expected low-income share of the buurt's dwellings equals the parameter. The tenure profiles keep their shape
 * (owner-occupiers stay better off than social renters); only their level follows the buurt.
 */
import { INCOME_LOW, TENURE_OF_OWNERSHIP } from './codes.ts';
import type { HouseholdProfile, HousingParams } from './params.ts';
import type { HousingStock } from './stock.ts';

const lowWeight = (p: HouseholdProfile): number => {
  const sum = p.income.reduce((a, b) => a + Math.max(0, b), 0);
  return sum > 0 ? Math.max(0, p.income[INCOME_LOW]!) / sum : 0;
};

/** P(laag) of a profile whose `laag` weight is multiplied by the odds λ. */
export function lowShareAtOdds(w: number, odds: number): number {
  if (w <= 0) return 0;
  if (w >= 1) return 1;
  return (odds * w) / (odds * w + 1 - w);
}

/** The income weights of a profile with its `laag` odds multiplied by λ. */
export function withLowOdds(p: HouseholdProfile, odds: number): HouseholdProfile {
  return { ...p, income: p.income.map((x, k) => (k === INCOME_LOW ? x * odds : x)) };
}

export interface ResidentIncome {
  /** Odds multiplier per buurt (1 = the tenure profiles as they are). */
  odds: Float64Array;
  /** The buurt parameter each buurt was fitted to. */
  target: Float64Array;
  /** The expected low-income share the odds give (equal to `target` unless it cannot be reached). */
  expected: Float64Array;
}

/**
 * Odds per buurt of `stock` so the expected first-year low-income share equals `target[b]` (dwellings labelled 55+
 * draw the senior profile, the rest their tenure's resident profile). Bisection on log λ: deterministic.
 */
export function residentIncomeOdds(
  stock: Pick<HousingStock, 'count' | 'buurt' | 'ownership' | 'buurtCodes'>,
  label55: Uint8Array,
  params: Pick<HousingParams, 'residents' | 'seniorApplicants'>,
  target: Float64Array,
): ResidentIncome {
  const nb = stock.buurtCodes.length;
  const byTenure = params.residents.map(lowWeight);
  const senior = lowWeight(params.seniorApplicants);
  const weights: number[][] = Array.from({ length: nb }, () => []);
  for (let i = 0; i < stock.count; i++) {
    const w = label55[i] ? senior : byTenure[TENURE_OF_OWNERSHIP[stock.ownership[i]!]!]!;
    weights[stock.buurt[i]!]!.push(w);
  }
  const odds = new Float64Array(nb).fill(1),
    expected = new Float64Array(nb);
  const mean = (ws: number[], l: number) => ws.reduce((a, w) => a + lowShareAtOdds(w, l), 0) / ws.length;
  for (let b = 0; b < nb; b++) {
    const ws = weights[b]!;
    if (ws.length === 0) continue;
    let lo = -30,
      hi = 30;
    for (let k = 0; k < 200; k++) {
      const mid = (lo + hi) / 2;
      if (mean(ws, Math.exp(mid)) < target[b]!) lo = mid;
      else hi = mid;
    }
    odds[b] = Math.exp((lo + hi) / 2);
    expected[b] = mean(ws, odds[b]!);
  }
  return { odds, target: Float64Array.from(target), expected };
}
