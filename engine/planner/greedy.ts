/**
 * Greedy heuristic (baseline, MIP start and fallback). Two passes, the better kept:
 * 1. pick units by value per share of the scarce resources (budget and season capacity), each placed in its
 *    best-valued season that still fits;
 * 2. keep the units pass 1 picked but re-place them by how much value they lose per season of delay per dwelling
 *    (gas saving per dwelling: an exchange argument puts steep units first), then add any unit that still fits.
 * Deterministic: ties go by unit id and season.
 */
import type { PlanModel, UnitOption } from './model.ts';
import { addOption, blockingLimits, emptyUsage, objectiveOf } from './usage.ts';

function optionsByUnit(m: PlanModel): UnitOption[][] {
  const byUnit: UnitOption[][] = m.units.map(() => []);
  for (const o of m.options) byUnit[o.unit]!.push(o);
  for (const l of byUnit) l.sort((a, b) => b.value - a.value || a.season - b.season);
  return byUnit;
}

const finiteSum = (xs: number[]): number => xs.filter(Number.isFinite).reduce((a, b) => a + b, 0);

/** Places units in `order`, each in its first fitting option (options best value first). */
function place(
  m: PlanModel,
  byUnit: UnitOption[][],
  order: number[],
  pick: (opts: UnitOption[]) => UnitOption[] = (x) => x,
): UnitOption[] {
  const usage = emptyUsage(m);
  const chosen: UnitOption[] = [];
  for (const u of order) {
    const o = pick(byUnit[u]!).find((x) => blockingLimits(m, usage, x).length === 0);
    if (!o) continue;
    addOption(m, usage, o);
    chosen.push(o);
  }
  return chosen;
}

/** Mixes of budget and capacity in the resource weight of a unit: a small search over the two shadow prices. */
const MIXES = [0, 0.2, 0.35, 0.5, 0.65, 0.8, 1];

export function greedyPlan(m: PlanModel): UnitOption[] {
  const byUnit = optionsByUnit(m);
  const capD = finiteSum(m.capDwellings),
    capC = finiteSum(m.capCrewWeeks);
  const units = byUnit.map((opts, u) => ({ u, opts })).filter((x) => x.opts.length > 0);
  // Value lost per season of delay per dwelling (best minus latest option over their season distance).
  const slope = (u: number): number => {
    const opts = byUnit[u]!;
    let lo = opts[0]!,
      hi = opts[0]!;
    for (const o of opts) {
      if (o.season < lo.season) lo = o;
      if (o.season > hi.season) hi = o;
    }
    return hi.season > lo.season ? (lo.value - hi.value) / (hi.season - lo.season) / m.units[u]!.dwellings : 0;
  };
  const bySeason = (opts: UnitOption[]): UnitOption[] => [...opts].sort((a, b) => a.season - b.season);
  let best: UnitOption[] = [],
    bestValue = -1;
  for (const mix of MIXES) {
    const weight = (u: number): number => {
      const unit = m.units[u]!;
      return (
        mix * (m.budgetEur > 0 ? unit.contributionEur / m.budgetEur : 0) +
        (1 - mix) * Math.max(capD > 0 ? unit.dwellings / capD : 0, capC > 0 ? unit.crewWeeks / capC : 0)
      );
    };
    // Pass 1: by mean value over the unit's seasons per weighted resource use, each in its best fitting season.
    const order = units
      .map(({ u, opts }) => ({
        u,
        ratio: opts.reduce((a, o) => a + o.value, 0) / opts.length / Math.max(weight(u), 1e-12),
      }))
      .sort((a, b) => b.ratio - a.ratio || a.u - b.u)
      .map((x) => x.u);
    const first = place(m, byUnit, order);
    // Pass 2: the same units re-placed steepest first into their earliest fitting season, then the rest.
    const picked = first.map((o) => o.unit).sort((a, b) => slope(b) - slope(a) || a - b);
    const pickedSet = new Set(picked);
    const second = place(m, byUnit, [...picked, ...order.filter((u) => !pickedSet.has(u))], bySeason);
    for (const c of [first, second]) {
      const v = objectiveOf(c);
      if (v > bestValue) {
        best = c;
        bestValue = v;
      }
    }
  }
  return [...best].sort((a, b) => a.unit - b.unit);
}
