/**
 * Who pays what in a VvE building: the common elements — façade (cavity wall), roof and ground floor belong to the
 * VvE, not to the apartment under them (docs/domain.md §3) — are shared by breukdeel (votes / total votes); an
 * apartment's own measures (glazing, an owner's heat pump) stay its own; the ecological survey is common too. The
 * rights' totals add up to the VvE package cost exactly (whole euros, largest remainder), so the package cost and the
 * per-right figures are one set of numbers.
 */
import type { MeasureId } from '../retrofit/measure-ids.ts';
import type { VveMember } from './vve-members.ts';
import type { DwellingPackage } from './vve-retrofit.ts';

/** Measures on elements a VvE owns in common. */
export const COMMON_MEASURES: readonly MeasureId[] = ['cavity-wall', 'roof', 'floor'];

export interface RightShare {
  vboId: string;
  votes: number;
  /** Breukdeel: votes / total votes of the VvE. */
  share: number;
  /** Its share of the common elements' cost (façade, roof, floor), €. */
  commonCostEur: number;
  /** Its own measures in the package (glazing), €. */
  ownCostEur: number;
  /** Its share of the ecological survey, €. */
  surveyCostEur: number;
  /** All of it, whole euros; the rights add up to the package's total cost. */
  totalCostEur: number;
}

const isCommon = (id: MeasureId): boolean => COMMON_MEASURES.includes(id);
const cents = (x: number): number => Math.round(x * 100) / 100;

/** Whole euros per entry that add up to round(Σ x): floors, then the largest remainders get the missing euros. */
function largestRemainder(xs: readonly number[]): number[] {
  const target = Math.round(xs.reduce((a, b) => a + b, 0));
  const out = xs.map(Math.floor);
  let missing = target - out.reduce((a, b) => a + b, 0);
  const order = xs.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; missing > 0 && k < order.length; k++, missing--) out[order[k]!.i]!++;
  return out;
}

/** The per-right shares of a VvE's package: common works and survey by breukdeel, own measures per apartment. */
export function rightShares(
  members: readonly VveMember[],
  packages: ReadonlyMap<string, DwellingPackage>,
  surveyCostEur: number,
): RightShare[] {
  const totalVotes = members.reduce((a, m) => a + m.votes, 0);
  let common = 0;
  const own = members.map((m) => {
    const p = packages.get(m.dwelling.vboId);
    if (!p) throw new Error(`no retrofit figures for member ${m.dwelling.vboId}`);
    let mine = 0;
    for (const id of p.measures) {
      const c = p.costByMeasure[id] ?? 0;
      if (isCommon(id)) common += c;
      else mine += c;
    }
    return mine;
  });
  const exact = members.map((m, k) => ((common + surveyCostEur) * m.votes) / totalVotes + own[k]!);
  const totals = largestRemainder(exact);
  return members.map((m, k) => ({
    vboId: m.dwelling.vboId,
    votes: m.votes,
    share: Math.round((m.votes / totalVotes) * 1e6) / 1e6,
    commonCostEur: cents((common * m.votes) / totalVotes),
    ownCostEur: cents(own[k]!),
    surveyCostEur: cents((surveyCostEur * m.votes) / totalVotes),
    totalCostEur: totals[k]!,
  }));
}
