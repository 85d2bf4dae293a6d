/**
 * The seeded programme fixture's plan as a full planner plan (engine/planner/plan-types.ts), so tests and benches
 * can save it in the plan store and read it back the way a real plan is: the monitor's facts come from the fixture,
 * the rest gets neutral values (cavity wall on the pre-smp route, owner-occupied, a point in Roosendaal). Synthetic.
 */
import { planInputSchema, planSchema, PLAN_KIND, PLAN_VERSION, type Plan } from '../planner/plan-types.ts';
import type { MonitorPlan } from './monitor-plan.ts';

export function fixtureAsPlan(mp: MonitorPlan): Plan {
  const input = planInputSchema.parse({ budgetEur: 8_400_000, runDate: '2025-01-01', window: { from: '2025-01-01' } });
  const batches = mp.batches.map((b) => {
    const season = b.id.slice(0, b.id.indexOf(':'));
    const dwellings = b.dwellings.map((d) => ({
      ...d,
      measures: ['cavity-wall'],
      insulationUntil: d.insulationFrom,
      costEur: d.programmeContributionEur,
      ownerContributionEur: 0,
      route: 'pre-smp',
      ownership: 'eigenaar-bewoner',
      location: [4.46, 51.53],
    }));
    const sum = (f: (d: (typeof dwellings)[number]) => number) => dwellings.reduce((s, d) => s + f(d), 0);
    return {
      id: b.id,
      season,
      unit: 'block',
      unitId: b.id.slice(season.length + 1),
      buurtcode: b.buurtcode,
      programmeArea: b.programmeArea,
      projectPrice: false,
      corporationYear: null,
      fixed: false,
      dwellings,
      costEur: sum((d) => d.costEur),
      programmeContributionEur: sum((d) => d.programmeContributionEur),
      gasSavingM3PerYear: sum((d) => d.gasSavingM3PerYear),
      crewWeeks: dwellings.length * 0.2,
    };
  });
  const all = batches.flatMap((b) => b.dwellings);
  const total = (f: (d: (typeof all)[number]) => number) => all.reduce((s, d) => s + f(d), 0);
  return planSchema.parse({
    kind: PLAN_KIND,
    version: PLAN_VERSION,
    meta: {
      dataset: { name: 'Synthetisch monitorprogramma', synthetic: true, dataDate: null },
      input,
      solver: { requested: 'greedy', used: 'greedy', status: 'heuristic' },
      objective: 0,
      greedyObjective: 0,
      mipGap: null,
      bound: null,
      candidates: { dwellings: all.length, units: batches.length },
    },
    seasons: [],
    batches,
    totals: {
      dwellings: all.length,
      batches: batches.length,
      costEur: total((d) => d.costEur),
      programmeContributionEur: total((d) => d.programmeContributionEur),
      ownerContributionEur: 0,
      gasSavingM3PerYear: total((d) => d.gasSavingM3PerYear),
      energyPoorHouseholds: 0,
      bySeason: [],
      byYear: [],
    },
    unspent: { eur: 0, reason: null },
    warnings: [],
  });
}
