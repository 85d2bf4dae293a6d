import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../retrofit/params.ts';
import { DEFAULT_WEIGHTS } from '../retrofit/weights.ts';
import { smallDataset } from '../test-fixtures/small-dataset.ts';
import { buildCandidates, corporationBlockYears } from './candidates.ts';
import { policyShare, SHIPPED_POLICIES, type PlanPolicy } from './plan-policy.ts';
import { GROUND_BOUND_TYPES } from '../dwelling.ts';
import { parsePlanInput } from './plan-input.ts';

const input = (over: Record<string, unknown> = {}) => {
  const r = parsePlanInput({
    runDate: '2025-07-01',
    budgetEur: 1,
    capacity: { perSeason: { dwellings: 10 } },
    ...over,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};

const POLICY = SHIPPED_POLICIES['isolatie-eerst']!;
const wider = {
  ...POLICY,
  id: 'breder',
  measures: [...POLICY.measures, { id: 'hybrid-heat-pump', programmeShare: 0.2 }],
  tenures: [...POLICY.tenures, { id: 'particuliere verhuur', programmeShare: 0.3 }],
  groundBoundOnly: false,
};

describe('policyShare', () => {
  it("takes the measure's own share, else the tenure's; 0 outside the policy", () => {
    const p = input({ policy: wider }).policy as PlanPolicy;
    expect(policyShare(p, 'hybrid-heat-pump', 'eigenaar-bewoner')).toBe(0.2);
    expect(policyShare(p, 'roof', 'particuliere verhuur')).toBe(0.3);
    expect(policyShare(p, 'roof', 'overig')).toBe(0);
    expect(policyShare(POLICY, 'hybrid-heat-pump', 'eigenaar-bewoner')).toBe(0);
  });
});

describe('buildCandidates', () => {
  it("takes the policy's programme areas when the plan names no buurten (Centrum-Oud is not the retrofit programme's)", () => {
    const ds = smallDataset();
    const inKalsdonk = (c: { buurtcode: string }) => c.buurtcode === 'BU16740202';
    const both = buildCandidates(ds, input(), DEFAULT_PARAMS, DEFAULT_WEIGHTS, new Set());
    expect(POLICY.areas).toEqual(['Kalsdonk', 'Westrand']);
    expect(both.candidates.some(inKalsdonk)).toBe(true);
    const none = buildCandidates(
      ds,
      input({ policy: { ...POLICY, id: 'alleen-centrum', areas: ['Centrum-Oud'] } }),
      DEFAULT_PARAMS,
      DEFAULT_WEIGHTS,
      new Set(),
    );
    expect(none.candidates).toEqual([]);
    const kalsdonk = buildCandidates(
      ds,
      input({ policy: { ...POLICY, id: 'alleen-kalsdonk', areas: ['Kalsdonk'] } }),
      DEFAULT_PARAMS,
      DEFAULT_WEIGHTS,
      new Set(),
    );
    expect(kalsdonk.candidates.length).toBeGreaterThan(0);
    expect(kalsdonk.candidates.every(inKalsdonk)).toBe(true);
  });

  it('leaves out corporation dwellings and fixed ones; project price is not above individual; shares follow the policy', () => {
    const ds = smallDataset();
    const all = buildCandidates(ds, input(), DEFAULT_PARAMS, DEFAULT_WEIGHTS, new Set());
    expect(all.candidates.length).toBeGreaterThan(0);
    expect(all.candidates.some((c) => c.ownership === 'corporatie')).toBe(false);
    expect(all.skipped.corporation).toBe(
      ds.dwellings.filter((d) => d.ownership === 'corporatie' && d.buurtcode.startsWith('BU1674')).length,
    );
    for (const c of all.candidates) {
      expect(c.costEur[1]).toBeLessThanOrEqual(c.costEur[0] + 1e-6);
      expect(c.contributionEur[0]).toBeCloseTo(c.costEur[0] * 0.5, 3);
      expect(c.measures.length).toBeGreaterThan(0);
      expect(c.gasSavingM3PerYear).toBeGreaterThan(0);
    }
    const first = all.candidates[0]!.vboId;
    const rest = buildCandidates(ds, input(), DEFAULT_PARAMS, DEFAULT_WEIGHTS, new Set([first]));
    expect(rest.candidates.map((c) => c.vboId)).not.toContain(first);
    expect(rest.skipped.fixed).toBe(1);
    const none = buildCandidates(
      ds,
      input({ policy: { ...POLICY, tenures: [{ id: 'eigenaar-bewoner', programmeShare: 0 }] } }),
      DEFAULT_PARAMS,
      DEFAULT_WEIGHTS,
      new Set(),
    );
    for (const c of none.candidates) expect(c.contributionEur).toEqual([0, 0]);
  });

  it("keeps to the default scope: insulation of owner-occupied ground-bound dwellings and VvE's below label B", () => {
    const ds = smallDataset();
    const byId = new Map(ds.dwellings.map((d) => [d.vboId, d]));
    const set = buildCandidates(ds, input(), DEFAULT_PARAMS, DEFAULT_WEIGHTS, new Set());
    for (const c of set.candidates) {
      const d = byId.get(c.vboId)!;
      expect(c.ownership).toBe('eigenaar-bewoner');
      expect(d.vveId !== null || GROUND_BOUND_TYPES.includes(d.type)).toBe(true);
      expect(c.measures).not.toContain('hybrid-heat-pump');
      expect(['A++++', 'A+++', 'A++', 'A+', 'A', 'B']).not.toContain(c.labelBefore);
      expect(c.byMeasure.reduce((a, m) => a + m.contributionEur[0], 0)).toBeCloseTo(c.contributionEur[0], 6);
    }
    // A wider policy brings heat pumps and private rental in, each at its own share.
    const first = set.candidates[0]!.vboId;
    const rented = {
      ...ds,
      dwellings: ds.dwellings.map((d) =>
        d.vboId === first ? { ...d, ownership: 'particuliere verhuur' as const } : d,
      ),
    };
    expect(
      buildCandidates(rented, input(), DEFAULT_PARAMS, DEFAULT_WEIGHTS, new Set()).candidates.map((c) => c.vboId),
    ).not.toContain(first);
    const wide = buildCandidates(rented, input({ policy: wider }), DEFAULT_PARAMS, DEFAULT_WEIGHTS, new Set());
    expect(wide.candidates.some((c) => c.measures.includes('hybrid-heat-pump'))).toBe(true);
    expect(wide.candidates.some((c) => c.ownership === 'particuliere verhuur')).toBe(true);
  });

  it('codes an unknown measure or tenure in a policy', () => {
    const bad = (policy: unknown) => {
      const r = parsePlanInput({ runDate: '2025-07-01', budgetEur: 1, policy });
      return r.ok ? null : r.issues.map((i) => [i.code, i.path]);
    };
    expect(bad({ ...POLICY, measures: [{ id: 'zonnepanelen' }] })).toEqual([
      ['plan.policy.unknown-measure', ['policy', 'measures', 0, 'id']],
    ]);
    expect(bad({ ...POLICY, tenures: [{ id: 'huur', programmeShare: 0.5 }] })).toEqual([
      ['plan.policy.unknown-tenure', ['policy', 'tenures', 0, 'id']],
    ]);
    expect(bad('alles')).toEqual([['plan.policy.unknown', ['policy']]]);
  });

  it('maps the corporation schedule to blocks and rejects an unknown pand', () => {
    const ds = smallDataset();
    const corp = ds.dwellings.find((d) => d.ownership === 'corporatie')!;
    const r = corporationBlockYears(ds, input({ corporationSchedule: [{ pandIds: [corp.pandId], year: 2028 }] }));
    expect(r.ok && [...r.value.values()]).toEqual([2028]);
    const bad = corporationBlockYears(
      ds,
      input({ corporationSchedule: [{ pandIds: ['9999999999999999'], year: 2028 }] }),
    );
    expect(bad.ok ? null : bad.issues[0]!.path).toEqual(['corporationSchedule', 0, 'pandIds', 0]);
  });
});
