import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../engine/dataset.ts';
import { RetrofitPlan } from '../../engine/housing/retrofit-plan.ts';
import { dayNumber } from '../../engine/retrofit/iso-day.ts';
import { SHIPPED_CALENDARS } from '../../engine/retrofit/natuurkalender.ts';
import { readDataset } from '../../geodata/dataset-store.ts';
import { ensureShippedDataset, SHIPPED_DATASET } from '../../geodata/shipped.ts';
import { highsMipSolver } from '../../workers/planner-highs.ts';
import type { MipModel, MipOutcome, MipSolveOptions, MipSolver } from '../../engine/planner/mip.ts';
import { parsePlanInput } from '../../engine/planner/plan-input.ts';
import {
  canonicalPlan,
  planSchema,
  toRetrofitPlanFile,
  type Plan,
  type PlanInputRaw,
} from '../../engine/planner/plan-types.ts';
import { planModel, planRetrofit } from '../../engine/planner/planner.ts';
import { SHIPPED_PERMIT_PROFILES } from '../../engine/planner/permit-profile.ts';

// The shipped synthetic dataset, Kalsdonk only (one programme area keeps the MIP small for a test).
let ds: Dataset;
beforeAll(() => {
  ensureShippedDataset();
  ds = readDataset(SHIPPED_DATASET);
});

const cal = SHIPPED_CALENDARS.landelijk!;
const highs = highsMipSolver();
/** Every MIP the planner hands HiGHS in this file, with HiGHS's answer (for the determinism test below). */
const solved: { model: MipModel; options: MipSolveOptions; outcome: MipOutcome }[] = [];
const solver: MipSolver = {
  async solve(model, options) {
    const outcome = await highs.solve(model, options);
    solved.push({ model, options, outcome });
    return outcome;
  },
};
let clock = 0;
const deps = { solver, now: () => (clock += 1) };

const BASE = {
  runDate: '2025-07-01',
  budgetEur: 1_500_000,
  capacity: { perSeason: { dwellings: 25 } },
  buurten: ['BU16740202'],
  mipRelGap: 0.005,
};

async function plan(over: Partial<PlanInputRaw> = {}, fixed: Plan['batches'] = []): Promise<Plan> {
  const input = parsePlanInput({ ...BASE, ...over });
  if (!input.ok) throw new Error(JSON.stringify(input.issues));
  const r = await planRetrofit(ds, input.value, fixed, deps);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return planSchema.parse(r.value);
}

/** The MIP plan of BASE, solved once for the file, with the solver call that made it. */
let base: Promise<{ plan: Plan; call: (typeof solved)[number] }> | undefined;
const basePlan = (): Promise<{ plan: Plan; call: (typeof solved)[number] }> =>
  (base ??= (async () => {
    const at = solved.length;
    const p = await plan();
    return { plan: p, call: solved[at]! };
  })());

const d = (iso: string): number => dayNumber(iso)!;

function expectValid(p: Plan): void {
  const input = p.meta.input;
  expect(p.totals.programmeContributionEur).toBeLessThanOrEqual(input.budgetEur);
  // The compensation task is a fixed budget line beside the planned contributions.
  expect(p.totals.programmeContributionEur + p.unspent.eur + (p.meta.natureCosts?.compensation?.eur ?? 0)).toBe(
    input.budgetEur,
  );
  const seasons = new Map(p.seasons.map((s) => [s.id, s]));
  const seen = new Set<string>();
  for (const b of p.batches) {
    const s = seasons.get(b.season)!;
    // The batch's money is expected over the owners' answers: Σ p × the dwelling's contribution (rounded per dwelling).
    const expected = b.dwellings.reduce((a, x) => a + (x.acceptProbability ?? 1) * x.programmeContributionEur, 0);
    const slack = b.dwellings.reduce((a, x) => a + 0.0005 * x.programmeContributionEur + 0.5, 0);
    expect(Math.abs(b.programmeContributionEur - expected)).toBeLessThanOrEqual(slack);
    for (const x of b.dwellings) {
      expect(seen.has(x.vboId)).toBe(false);
      seen.add(x.vboId);
      expect(d(x.insulationFrom)).toBeLessThanOrEqual(d(x.insulationUntil));
      expect(d(x.insulationUntil)).toBeLessThanOrEqual(d(input.window.until));
      if (x.natuurvrijVanaf !== null) {
        // Exclusion inside the season's natuurkalender window; insulation only after the flaps' minimum days.
        expect(d(x.natuurvrijVanaf)).toBeGreaterThanOrEqual(d(s.exclusionFrom));
        expect(d(x.natuurvrijVanaf)).toBeLessThanOrEqual(d(s.exclusionUntil));
        expect(d(x.insulationFrom)).toBeGreaterThanOrEqual(d(x.natuurvrijVanaf) + cal.exclusionMinDays);
        expect(d(x.natuurvrijVanaf)).toBeGreaterThanOrEqual(d(input.window.from) + 2);
      }
    }
  }
  for (const s of p.totals.bySeason) {
    const cap =
      input.capacity.bySeason.find((c) => c.season === s.season)?.dwellings ??
      input.capacity.perSeason.dwellings ??
      Infinity;
    // Capacity holds for the owners expected to accept (more are invited).
    const expected = p.batches
      .filter((b) => b.season === s.season)
      .reduce((a, b) => a + (b.expectedDwellings ?? b.dwellings.length), 0);
    expect(expected).toBeLessThanOrEqual(cap + 1e-6);
    const crew = input.capacity.perSeason.crewWeeks ?? Infinity;
    expect(s.crewWeeks).toBeLessThanOrEqual(crew + 1e-9);
  }
}

describe('planRetrofit on Kalsdonk (shipped synthetic data)', () => {
  it('MIP: within budget and capacity, dates inside the natuurkalender, objective ≥ greedy', async () => {
    const p = (await basePlan()).plan;
    expectValid(p);
    expect(p.meta.solver.used).toBe('mip');
    expect(p.meta.objective).toBeGreaterThanOrEqual(p.meta.greedyObjective);
    expect(p.meta.mipGap).not.toBeNull();
    expect(p.meta.mipGap!).toBeLessThanOrEqual(0.005 + 1e-9);
    expect(p.totals.dwellings).toBeGreaterThan(100);
    expect(p.meta.dataset.synthetic).toBe(true);
  }, 120_000);

  it('greedy: within every limit too', async () => {
    const p = await plan({
      solver: 'greedy',
      capacity: { perSeason: { dwellings: 30, crewWeeks: 5 }, crewWeeksPerDwelling: 0.25 },
    });
    expectValid(p);
    expect(p.meta.solver.used).toBe('greedy');
    expect(p.meta.mipGap).toBeNull();
    expect(p.meta.objective).toBe(p.meta.greedyObjective);
    expect(Math.max(...p.totals.bySeason.map((s) => s.expectedDwellings!))).toBeLessThanOrEqual(20 + 1e-6); // 5 crew-weeks / 0.25, for the expected acceptances
  });

  it('surveys take their lead time: no batch option before its longest survey (548 days for a full survey) and registration', () => {
    const input = parsePlanInput(BASE);
    if (!input.ok) throw new Error('input');
    const built = planModel(ds, input.value, []);
    if (!built.ok) throw new Error('model');
    const m = built.value.model;
    const from = d('2025-07-01');
    let full = 0;
    for (const o of m.options) {
      const unit = m.units[o.unit]!;
      const lead = Math.max(...unit.members.map((c) => c.leadTimeDays));
      if (lead >= 548) full++;
      if (unit.members.some((c) => c.natureRule)) expect(o.exclusionDay).toBeGreaterThanOrEqual(from + lead + 2);
    }
    expect(full).toBeGreaterThan(0);
  });

  it('is deterministic: the same input gives identical plan JSON', async () => {
    // Without solving twice: HiGHS is deterministic for identical input (single-threaded WebAssembly, random_seed 0 in
    // workers/planner-highs.ts), so it suffices that a second planning run hands the solver a byte-identical model
    // and options and, given the same answer, assembles identical plan JSON.
    const { plan: p, call } = await basePlan();
    const a = JSON.stringify(canonicalPlan(p));
    const replay: MipSolver = {
      solve: async (model, options) => {
        expect(model).toEqual(call.model);
        expect(options).toEqual(call.options);
        return call.outcome;
      },
    };
    const input = parsePlanInput(BASE);
    if (!input.ok) throw new Error(JSON.stringify(input.issues));
    const again = await planRetrofit(ds, input.value, [], { solver: replay, now: deps.now });
    if (!again.ok) throw new Error(JSON.stringify(again.issues));
    const b = JSON.stringify(canonicalPlan(planSchema.parse(again.value)));
    expect(b).toBe(a);
    const g1 = JSON.stringify(canonicalPlan(await plan({ solver: 'greedy' })));
    const g2 = JSON.stringify(canonicalPlan(await plan({ solver: 'greedy' })));
    expect(g1).toBe(g2);
  }, 120_000);

  it('keeps fixed batches as given and plans the rest around them', async () => {
    const first = await plan({ solver: 'greedy' });
    const fixed = first.batches.slice(0, 3);
    const again = await plan({ solver: 'greedy', budgetEur: 1_000_000 }, fixed);
    expectValid(again);
    for (const f of fixed) expect(again.batches.find((b) => b.id === f.id)).toEqual({ ...f, fixed: true });
    const fixedIds = new Set(fixed.flatMap((b) => b.dwellings.map((x) => x.vboId)));
    const elsewhere = again.batches
      .filter((b) => !b.fixed)
      .flatMap((b) => b.dwellings)
      .filter((x) => fixedIds.has(x.vboId));
    expect(elsewhere).toEqual([]);
    // Fixed batches take their season's capacity first.
    const s = fixed[0]!.season;
    expect(again.totals.bySeason.find((x) => x.season === s)!.expectedDwellings!).toBeLessThanOrEqual(25 + 1e-6);
  });

  it('never proposes an excluded dwelling (e.g. afgezien), and rejects an exclude id not in the dataset', async () => {
    const first = await plan({ solver: 'greedy' });
    const exclude = first.batches.slice(0, 2).flatMap((b) => b.dwellings.map((x) => x.vboId));
    expect(exclude.length).toBeGreaterThan(0);
    const again = await plan({ solver: 'greedy', exclude });
    expectValid(again);
    const proposed = new Set(again.batches.flatMap((b) => b.dwellings.map((x) => x.vboId)));
    expect(exclude.filter((id) => proposed.has(id))).toEqual([]);
    const input = parsePlanInput({ ...BASE, exclude: ['1674019999999999'] });
    if (!input.ok) throw new Error(JSON.stringify(input.issues));
    const r = await planRetrofit(ds, input.value, [], deps);
    expect(r.ok ? null : r.issues[0]).toMatchObject({ code: 'plan.exclude.unknown-dwelling', path: ['exclude', 0] });
  });

  it('fixed batches costing more than the budget are infeasible, with the reason', async () => {
    const first = await plan({ solver: 'greedy' });
    const input = parsePlanInput({ ...BASE, budgetEur: 1000, solver: 'greedy' });
    if (!input.ok) throw new Error('input');
    const r = await planRetrofit(ds, input.value, first.batches.slice(0, 2), deps);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.code).toBe('plan.infeasible.fixed-exceed-budget');
  });

  it('explains an empty plan by its binding constraint: a capacity smaller than any batch', async () => {
    const p = await plan({
      solver: 'greedy',
      capacity: { perSeason: { dwellings: 1 } },
      batching: { unit: 'street' },
      uptake: { enabled: false },
    });
    expect(p.totals.dwellings).toBe(0);
    expect(p.unspent.eur).toBe(1_500_000 - p.meta.natureCosts!.compensation!.eur);
    expect(p.meta.natureCosts!.compensation!.deadlines).toEqual([
      { share: 0.8, before: '2025-02-15' },
      { share: 0.2, before: '2026-04-01' },
    ]);
    expect(p.unspent.reason?.code).toBe('plan.binding.capacity');
  });

  it('names the budget when the remainder is below any batch, and capacity when capacity binds', async () => {
    expect(
      (await plan({ solver: 'greedy', budgetEur: 200_000, capacity: { perSeason: { dwellings: 1000 } } })).unspent
        .reason?.code,
    ).toBe('plan.binding.budget');
    // Under the (placeholder) SMP, valid all through the window, so no permit end binds first.
    const tight = await plan({
      solver: 'greedy',
      budgetEur: 50_000_000,
      capacity: { perSeason: { dwellings: 10 } },
      window: { from: '2029-06-01' },
      permit: { profile: 'smp' },
    });
    expect(tight.unspent.reason?.code).toBe('plan.binding.capacity');
  });

  it('respects year caps and the permit profile: caps per CBS buurt and period, no permit work outside its validity', async () => {
    const p = await plan({ solver: 'greedy', yearCapsEur: [{ year: 2026, capEur: 100_000 }] });
    expectValid(p);
    expect(p.totals.byYear.find((y) => y.year === 2026)!.programmeContributionEur).toBeLessThanOrEqual(100_000);
    const nvi = SHIPPED_PERMIT_PROFILES['landelijke-lijn-nvi']!;
    expect(p.meta.permit).toMatchObject({
      profiles: [{ id: nvi.id, validUntil: '2027-05-16' }],
      afterValidity: 'refused',
    });
    // Count the permit works per buurt and cap period straight from the batches.
    const counted = new Map<string, number>();
    for (const b of p.batches)
      for (const x of b.dwellings) {
        if (x.route !== 'pre-smp' || x.natuurvrijVanaf === null) continue;
        expect(b.permitProfile).toBe(nvi.id);
        expect(d(x.insulationFrom)).toBeLessThanOrEqual(d(nvi.validUntil));
        const period = nvi.cap!.periods.find((c) => c.from <= x.natuurvrijVanaf! && x.natuurvrijVanaf! <= c.until)!;
        counted.set(`${b.buurtcode} ${period.from}`, (counted.get(`${b.buurtcode} ${period.from}`) ?? 0) + 1);
      }
    expect(counted.size).toBeGreaterThan(0);
    for (const g of p.meta.permit!.caps) {
      expect(g.planned).toBe(counted.get(`${g.buurtcode} ${g.from}`) ?? 0);
      expect(g.planned).toBeLessThanOrEqual(g.cap);
      const share = nvi.cap!.periods.find((c) => c.from === g.from)!.share;
      expect(g.cap).toBe(Math.floor(share * g.base));
    }
    // With a successor, later permit works go under it.
    const q = await plan({ solver: 'greedy', permit: { successor: 'pre-smp' } });
    expect(q.meta.permit!.afterValidity).toBe('successor');
    expect(q.batches.some((b) => b.permitProfile === 'pre-smp' && b.season > '2027')).toBe(true);
  });

  it('invites more owners than the budget pays for if all accepted; expected spend meets the budget, with p10–p90 bands; answers per buurt feed back', async () => {
    const p = await plan({ solver: 'greedy', budgetEur: 400_000, capacity: { perSeason: { dwellings: 1000 } } });
    const u = p.meta.uptake!;
    const invitedEur = p.batches.flatMap((b) => b.dwellings).reduce((a, x) => a + x.programmeContributionEur, 0);
    expect(invitedEur).toBeGreaterThan(p.meta.input.budgetEur);
    expect(u.programmeContributionEur.expected).toBeLessThanOrEqual(p.meta.input.budgetEur + u.invited);
    expect(u.programmeContributionEur.expected).toBeGreaterThan(0.9 * p.meta.input.budgetEur);
    for (const band of [u.dwellings, u.programmeContributionEur, u.gasSavingM3PerYear]) {
      expect(band.p10).toBeLessThanOrEqual(band.expected);
      expect(band.expected).toBeLessThanOrEqual(band.p90);
      expect(band.p10).toBeLessThan(band.p90);
    }
    expect(u.invited).toBe(p.totals.dwellings);
    expect(u.dwellings.expected).toBeLessThan(u.invited);
    // Many declines in Kalsdonk lower its probabilities (the re-plan invites accordingly).
    const after = await plan({
      solver: 'greedy',
      budgetEur: 400_000,
      capacity: { perSeason: { dwellings: 1000 } },
      uptake: { observed: [{ buurtcode: 'BU16740202', accepted: 2, declined: 40 }] },
    });
    expect(after.meta.uptake!.buurtFactors).toMatchObject([{ buurtcode: 'BU16740202', accepted: 2, declined: 40 }]);
    expect(after.meta.uptake!.buurtFactors[0]!.factor).toBeLessThan(1);
    const mean = (x: Plan): number => {
      const ds = x.batches.flatMap((b) => b.dwellings);
      return ds.reduce((a, d) => a + d.acceptProbability!, 0) / ds.length;
    };
    expect(mean(after)).toBeLessThan(mean(p));
    // Seeded: the same plan gives the same bands.
    expect(
      (await plan({ solver: 'greedy', budgetEur: 400_000, capacity: { perSeason: { dwellings: 1000 } } })).meta.uptake,
    ).toEqual(u);
  });

  it("couples a block to the corporation's renovation year at project price", async () => {
    const row = ds.dwellings.filter((x) => x.buurtcode === 'BU16740202' && x.type === 'tussenwoning');
    const corp = row.find(
      (x) =>
        x.ownership === 'corporatie' &&
        row.some(
          (y) =>
            y.ownership === 'eigenaar-bewoner' && y.address.street === x.address.street && y.bouwjaar === x.bouwjaar,
        ),
    )!;
    const p = await plan({
      solver: 'greedy',
      budgetEur: 5_000_000,
      capacity: { perSeason: { dwellings: 200 } },
      corporationSchedule: [{ corporation: 'Alwel', pandIds: [corp.pandId], year: 2029 }],
      permit: { successor: 'smp' },
    });
    const unitId = `rij:${corp.buurtcode}:${corp.address.street}:${corp.bouwjaar}`;
    const b = p.batches.find((x) => x.unitId === unitId)!;
    expect(b).toBeDefined();
    expect(b.season.startsWith('2029-')).toBe(true);
    expect(b.corporationYear).toBe(2029);
    expect(b.projectPrice).toBe(true);
  });

  it('rejects a corporation pand that is not in the dataset', async () => {
    const input = parsePlanInput({ ...BASE, corporationSchedule: [{ pandIds: ['0000000000000000'], year: 2028 }] });
    if (!input.ok) throw new Error('input');
    const r = await planRetrofit(ds, input.value, [], deps);
    expect(r.ok ? null : r.issues[0]).toMatchObject({
      code: 'plan.input.invalid',
      path: ['corporationSchedule', 0, 'pandIds', 0],
    });
  });

  it('gives a voorraad-retrofit-plan file a scenario can link', async () => {
    const p = await plan({ solver: 'greedy' });
    const file = toRetrofitPlanFile(p, 'plan Kalsdonk')!;
    expect(RetrofitPlan.parse(file).measures).toHaveLength(p.totals.dwellings);
    expect(file.measures[0]!.year).toBeGreaterThanOrEqual(2025);
    const empty = await plan({ solver: 'greedy', budgetEur: 0 });
    expect(toRetrofitPlanFile(empty)).toBeNull();
  });
});
