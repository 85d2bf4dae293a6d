import { describe, expect, it } from 'vitest';
import { MEASURE_IDS, MEASURE_REASON_NL, MEASURE_REASONS } from './measure-ids.ts';
import { whatIf } from './what-if.ts';

const base = {
  type: 'tussenwoning',
  bouwjaar: 1965,
  oppervlakte: 100,
  label: 'E',
  eigendom: 'eigenaar-bewoner',
  date: '2025-03-01',
} as const;
const run = (over: Record<string, unknown>) => {
  const r = whatIf({ ...base, ...over });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};
const reasons = (v: ReturnType<typeof run>) => Object.fromEntries(v.notApplicable.map((n) => [n.id, n.reason]));

describe('measures and why they do (not) apply', () => {
  it('every measure has a cost, gas and bill saving, CO₂, label after and payback when it applies', () => {
    const v = run({ elements: { cavityWall: 'N0', roof: 'N0', floor: 'N0', glazing: 'N1' } });
    expect(v.measures.map((m) => m.id)).toEqual([...MEASURE_IDS]);
    for (const m of v.measures) {
      expect(m.costEur).toBeGreaterThan(0);
      expect(m.paybackYears).toBeCloseTo(m.costEur / m.billSavingEurPerYear, 0);
      expect(m.co2SavingKgPerYear).toBeGreaterThan(0);
    }
    const cavity = v.measures.find((m) => m.id === 'cavity-wall')!;
    expect(cavity.billSavingEurPerYear).toBeCloseTo(cavity.gasSavingM3PerYear * 1.33, -1);
    expect(cavity.co2SavingKgPerYear).toBeCloseTo(cavity.gasSavingM3PerYear * 1.78, -1);
    const hp = v.measures.find((m) => m.id === 'hybrid-heat-pump')!;
    expect(hp.electricityKwhPerYear).toBeGreaterThan(0);
    expect(hp.billSavingEurPerYear).toBeLessThan(hp.gasSavingM3PerYear * 1.33);
  });
  it('already insulated: cavity N1, roof and floor N2, HR glass', () => {
    expect(reasons(run({ elements: { cavityWall: 'N1', roof: 'N2', floor: 'N3', glazing: 'N2' } }))).toEqual({
      'cavity-wall': 'already-insulated',
      roof: 'already-insulated',
      floor: 'already-insulated',
      glazing: 'already-insulated',
    });
  });
  it('no cavity to fill after 1992 (building code) or before 1920 (solid walls)', () => {
    expect(reasons(run({ bouwjaar: 2000, label: 'B' }))['cavity-wall']).toBe('insulated-at-construction');
    expect(reasons(run({ bouwjaar: 1910, label: 'F' }))['cavity-wall']).toBe('solid-wall');
  });
  it('flats: no own roof below the top floor, no ground floor above the ground floor; unknown position at its probability', () => {
    expect(reasons(run({ type: 'portiek', oppervlakte: 65, floorLevel: 1, storeys: 4 }))).toMatchObject({
      roof: 'no-own-roof',
      floor: 'no-ground-floor',
    });
    expect(
      reasons(run({ type: 'portiek', oppervlakte: 65, floorLevel: 3, storeys: 4, elements: { roof: 'N0' } })),
    ).not.toHaveProperty('roof');
    expect(
      reasons(run({ type: 'portiek', oppervlakte: 65, floorLevel: 0, storeys: 4, elements: { floor: 'N0' } })),
    ).not.toHaveProperty('floor');
    const unknown = run({ type: 'galerij', oppervlakte: 65, elements: { roof: 'N0', floor: 'N0' } });
    expect(reasons(unknown)).not.toHaveProperty('roof');
    const known = run({
      type: 'galerij',
      oppervlakte: 65,
      floorLevel: 3,
      storeys: 4,
      elements: { roof: 'N0', floor: 'N0' },
    });
    const cost = (r: typeof known, id: string) => r.measures.find((m) => m.id === id)!.costEur;
    // The expected share (25 %) of the top-floor flat's roof: cost and saving scale with it.
    expect(cost(unknown, 'roof') / cost(known, 'roof')).toBeCloseTo(0.25, 1);
  });
  it('no hybrid heat pump without a gas connection (new build from 2019)', () => {
    expect(reasons(run({ bouwjaar: 2022, label: 'A+++', date: '2025-01-01' }))['hybrid-heat-pump']).toBe(
      'no-gas-connection',
    );
  });
  it('project-wise is cheaper than individual for the same work', () => {
    const ind = run({ blockWise: false }).measures.find((m) => m.id === 'cavity-wall')!.costEur;
    const prj = run({ blockWise: true }).measures.find((m) => m.id === 'cavity-wall')!.costEur;
    expect(prj).toBeLessThan(ind);
  });
  it('has a Dutch explanation for every reason', () => {
    for (const r of MEASURE_REASONS) expect(MEASURE_REASON_NL[r].length).toBeGreaterThan(5);
  });
});
