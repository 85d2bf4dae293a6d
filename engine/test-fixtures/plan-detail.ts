import { planInputSchema, PLAN_KIND, PLAN_STATUSES, PLAN_VERSION } from '../planner/plan-types.ts';
import { planDetailSchema, type PlanDetail } from '../planner/saved-plan.ts';

type Loose = Record<string, unknown>;

/** The parts of a saved plan's detail a test cares about; the rest is filled with neutral values. */
export interface PlanDetailSketch extends Loose {
  id: number;
  solver: string;
  input: { budgetEur: number; window: { from: string; until?: string } } & Loose;
  plan: {
    meta?: Loose;
    seasons: ({ id: string; year: number; exclusionFrom: string; insulationUntil: string } & Loose)[];
    batches: ({ dwellings: ({ costEur: number; programmeContributionEur: number } & Loose)[] } & Loose)[];
    totals: ({ costEur: number; programmeContributionEur: number } & Loose) | Loose;
  } & Loose;
  statusCounts?: Loose;
}

/** Programme money per year of the batches' seasons, as the planner totals it (no year caps). */
function byYear(batches: readonly Loose[]): { year: number; programmeContributionEur: number; capEur: null }[] {
  const out = new Map<number, number>();
  for (const b of batches) {
    const year = Number(String(b.season).slice(0, 4));
    out.set(year, (out.get(year) ?? 0) + Number(b.programmeContributionEur ?? 0));
  }
  return [...out]
    .sort(([a], [b]) => a - b)
    .map(([year, eur]) => ({ year, programmeContributionEur: eur, capEur: null }));
}

/**
 * A plan detail as the plan routes send it (engine/planner/saved-plan.ts), built from a sketch: seasons, batches
 * and dwellings get the fields the sketch leaves out (owner contribution = cost − programme contribution, a
 * season's exclusion and insulation windows start at `exclusionFrom`, money per year summed from the batches), and the result is parsed with the shared
 * schema, so a test of the panel works on a shape the server could have sent.
 */
export function planDetailFixture(s: PlanDetailSketch): PlanDetail {
  const input = planInputSchema.parse({ runDate: s.input.window.from, ...s.input });
  const owner = (x: Loose) => Number(x.costEur ?? 0) - Number(x.programmeContributionEur ?? 0);
  const { meta, seasons, batches, totals, ...plan } = s.plan;
  const dataset = { name: 'fixture', sha256: 'fixture', synthetic: true, ...(s.dataset as Loose | undefined) };
  return planDetailSchema.parse({
    rootId: s.id,
    name: 'Proef',
    createdBy: 'vhf',
    createdAt: '2026-11-28T09:00:00.000Z',
    parentId: null,
    version: 1,
    supersededBy: null,
    objective: 1,
    gap: null,
    greedyObjective: 1,
    synthetic: true,
    permissions: { create: true, updateStatus: true, export: true },
    statuses: [],
    history: [],
    warnings: [],
    dwellings: batches.reduce((n, b) => n + b.dwellings.length, 0),
    batches: batches.length,
    ...s,
    dataset,
    statusCounts: { ...Object.fromEntries(PLAN_STATUSES.map((x) => [x, 0])), ...s.statusCounts },
    input,
    plan: {
      kind: PLAN_KIND,
      version: PLAN_VERSION,
      meta: {
        dataset: { name: dataset.name, synthetic: dataset.synthetic, dataDate: null },
        solver: { requested: s.solver, used: s.solver, status: 'heuristic' },
        objective: 1,
        greedyObjective: 1,
        mipGap: null,
        bound: null,
        candidates: { dwellings: 0, units: 0 },
        ...meta,
        input: { ...input, ...(meta?.input as Loose | undefined) },
      },
      seasons: seasons.map((x) => ({ exclusionUntil: x.exclusionFrom, insulationFrom: x.exclusionFrom, ...x })),
      batches: batches.map((b) => ({
        programmeArea: null,
        crewWeeks: 1,
        ...b,
        dwellings: b.dwellings.map((d) => ({ ownerContributionEur: owner(d), ...d })),
      })),
      totals: {
        dwellings: batches.reduce((n, b) => n + b.dwellings.length, 0),
        batches: batches.length,
        gasSavingM3PerYear: 0,
        energyPoorHouseholds: 0,
        ownerContributionEur: owner(totals),
        bySeason: [],
        byYear: byYear(batches),
        ...totals,
      },
      unspent: { eur: 0, reason: null },
      warnings: [],
      ...plan,
    },
  });
}
