/**
 * Why budget is left: the limit that keeps the remaining batches out. Each unplanned unit is judged by its
 * least-blocked season; when every one is blocked by the budget alone, the remainder is smaller than any batch;
 * otherwise the limit blocking most units is named (capacity, year cap, permit cap), and units without any
 * season (survey lead time, natuurkalender, corporation year) or all planned say so.
 */
import type { PlanModel, UnitOption } from './model.ts';
import type { PlanIssue } from './plan-types.ts';
import { blockingLimits, type Limit, type Usage } from './usage.ts';

const LIMIT_CODE: Record<Limit, PlanIssue['code']> = {
  budget: 'plan.binding.budget',
  'year-cap': 'plan.binding.year-cap',
  capacity: 'plan.binding.capacity',
  'permit-cap': 'plan.binding.permit-cap',
};

const LIMIT_TEXT: Record<Limit, string> = {
  budget: 'the remaining budget',
  'year-cap': 'the yearly budget caps',
  capacity: 'the capacity per season',
  'permit-cap': "the permit profile's volume cap per CBS buurt and period",
};

const euro = (x: number): string => `€${Math.round(x).toLocaleString('en-GB')}`;

/** The unplanned units' blocking limits, counted. */
export function blockers(
  m: PlanModel,
  usage: Usage,
  chosen: readonly UnitOption[],
): {
  unplanned: number;
  withoutSeason: number;
  counts: Map<Limit, number>;
  onlyBudget: number;
  cheapest: number;
  unplannedUnits: number[];
} {
  const planned = new Set(chosen.map((o) => o.unit));
  const byUnit = new Map<number, UnitOption[]>();
  for (const o of m.options) if (!planned.has(o.unit)) byUnit.set(o.unit, [...(byUnit.get(o.unit) ?? []), o]);
  const counts = new Map<Limit, number>();
  let onlyBudget = 0,
    cheapest = Infinity;
  for (const [u, opts] of byUnit) {
    let best: Limit[] | null = null;
    for (const o of opts) {
      const b = blockingLimits(m, usage, o);
      if (best === null || b.length < best.length) best = b;
    }
    for (const l of best!) counts.set(l, (counts.get(l) ?? 0) + 1);
    // Budget binds this unit when even its least-blocked season breaks the budget (other limits may bind too).
    if (best!.includes('budget')) onlyBudget++;
    cheapest = Math.min(cheapest, m.units[u]!.contributionEur);
  }
  const unplanned = m.units.length - planned.size;
  return {
    unplanned,
    withoutSeason: unplanned - byUnit.size,
    counts,
    onlyBudget,
    cheapest,
    unplannedUnits: [...byUnit.keys()],
  };
}

/** The reason `unspentEur` is left, or null when nothing is left. */
export function unspentReason(
  m: PlanModel,
  usage: Usage,
  chosen: readonly UnitOption[],
  unspentEur: number,
): PlanIssue | null {
  if (unspentEur <= 0) return null;
  if (m.units.length === 0) {
    return {
      code: 'plan.binding.candidates',
      message: `no candidate dwellings to plan: ${euro(unspentEur)} of the budget stays unspent`,
    };
  }
  const b = blockers(m, usage, chosen);
  if (b.unplanned === 0) {
    return {
      code: 'plan.binding.candidates',
      message: `every candidate batch is planned; ${euro(unspentEur)} of the budget is more than they need`,
    };
  }
  const withSeason = b.unplanned - b.withoutSeason;
  if (withSeason === 0 && m.excluded.capacity > m.excluded.calendar) {
    return {
      code: 'plan.binding.capacity',
      message: `${m.excluded.capacity} of ${b.unplanned} unplanned batches have more dwellings or crew-weeks than a season's capacity; ${euro(unspentEur)} stays unspent`,
    };
  }
  if (withSeason === 0) {
    return {
      code: 'plan.binding.calendar',
      message: `${b.withoutSeason} batches fit no season in the window: their survey lead time, the natuurkalender windows, the corporation's year or a capacity smaller than the batch keep them out; ${euro(unspentEur)} stays unspent`,
    };
  }
  if (b.onlyBudget === withSeason) {
    return {
      code: 'plan.binding.budget',
      message: `the remaining ${euro(unspentEur)} is less than the programme contribution of any unplanned batch (the cheapest needs ${euro(b.cheapest)})`,
    };
  }
  // Units that could go only in the seasons a permit profile covers, all kept out: the profile's end binds.
  const limited = b.unplannedUnits.filter((u) => m.units[u]!.permitLimited).length;
  if (limited * 2 > withSeason) {
    return {
      code: 'plan.binding.permit-validity',
      message: `${limited} of ${withSeason} unplanned batches need nature-rule works under a permit profile and fit only its valid seasons, which are taken; name a successor profile (permit.successor) to plan them later; ${euro(unspentEur)} of the budget stays unspent`,
    };
  }
  let top: Limit = 'capacity',
    n = -1;
  for (const l of ['capacity', 'year-cap', 'permit-cap', 'budget'] as const) {
    if (l !== 'budget' && (b.counts.get(l) ?? 0) > n) {
      top = l;
      n = b.counts.get(l) ?? 0;
    }
  }
  return {
    code: LIMIT_CODE[top],
    message: `${n} of ${withSeason} unplanned batches are kept out by ${LIMIT_TEXT[top]}; ${euro(unspentEur)} of the budget stays unspent`,
  };
}
