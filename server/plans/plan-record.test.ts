import { describe, expect, it } from 'vitest';
import { planSchema, type Plan } from '../../engine/planner/plan-types.ts';
import { datasetSha256, fixedBatches, toNewPlan } from './plan-record.ts';

const dwelling = (vboId: string) => ({
  vboId,
  measures: ['roof' as const],
  natuurvrijVanaf: null,
  insulationFrom: '2027-04-01',
  insulationUntil: '2027-09-30',
  costEur: 100,
  programmeContributionEur: 50,
  ownerContributionEur: 50,
  gasSavingM3PerYear: 10,
  route: 'pre-smp' as const,
  ownership: 'eigenaar-bewoner' as const,
  labelBefore: 'E' as const,
  labelAfter: 'C' as const,
  location: [4.4, 51.5] as [number, number],
});
const batch = (id: string, ids: string[]) => ({
  id,
  season: '2027-voorjaar',
  unit: 'block' as const,
  unitId: id,
  buurtcode: 'BU16740202',
  programmeArea: null,
  projectPrice: false,
  corporationYear: null,
  fixed: false,
  dwellings: ids.map(dwelling),
  costEur: 100 * ids.length,
  programmeContributionEur: 50 * ids.length,
  gasSavingM3PerYear: 10 * ids.length,
  crewWeeks: 0.2 * ids.length,
});
const input = planSchema.shape.meta.shape.input.parse({
  runDate: '2025-07-01',
  window: { from: '2025-07-01' },
  budgetEur: 1000,
  capacity: { perSeason: { dwellings: 5 } },
});
const plan: Plan = planSchema.parse({
  kind: 'voorraad-plan',
  version: 1,
  meta: {
    dataset: { name: 'd', synthetic: true, dataDate: null },
    input,
    solver: { requested: 'mip', used: 'greedy', status: 'fallback' },
    objective: 12,
    greedyObjective: 12,
    mipGap: null,
    bound: null,
    candidates: { dwellings: 3, units: 2 },
  },
  seasons: [],
  batches: [batch('a', ['1674010900000001', '1674010900000002']), batch('b', ['1674010900000003'])],
  totals: {
    dwellings: 3,
    batches: 2,
    costEur: 300,
    programmeContributionEur: 150,
    ownerContributionEur: 150,
    gasSavingM3PerYear: 30,
    energyPoorHouseholds: 0,
    bySeason: [],
    byYear: [],
  },
  unspent: { eur: 850, reason: null },
  warnings: [],
});

describe('plan record', () => {
  it('lists every dwelling with its batch and takes solver facts from the plan (the solver used, not requested)', () => {
    const r = toNewPlan('n', input, plan, { name: 'd', sha256: 'x', synthetic: true });
    expect(r.dwellings).toEqual([
      { vboId: '1674010900000001', batchId: 'a' },
      { vboId: '1674010900000002', batchId: 'a' },
      { vboId: '1674010900000003', batchId: 'b' },
    ]);
    expect([r.solver, r.objective, r.gap, r.greedyObjective, r.batches]).toEqual(['greedy', 12, null, 12, 2]);
  });

  it('passes started batches back unchanged as fixed', () => {
    const started = [{ batchId: 'b', dwellings: [] }];
    expect(fixedBatches(JSON.parse(JSON.stringify(plan)), started)).toEqual([plan.batches[1]]);
    expect(fixedBatches(plan, [])).toEqual([]);
  });

  it('hashes the dwelling table', () => {
    expect(datasetSha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
