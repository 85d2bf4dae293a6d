import { describe, expect, it } from 'vitest';
import { FIXTURE_AREAS, FIXTURE_NAMES, fixtureStock } from '../test-fixtures/housing-stock.ts';
import { createRng } from '../rng.ts';
import { allocateVacancies, rentCap } from './allocate.ts';
import { INCOME_LOW, T_SOCIAL } from './codes.ts';
import { compileScenario } from './compile.ts';
import { profileTable } from './households.ts';
import { parseScenarioObject } from './scenario-yaml.ts';
import { createWorkspace, resetWorkspace } from './workspace.ts';

const stock = fixtureStock();

/** Between the 2025 caps: above the lower cap (1–2 persons, € 682,96), under the higher cap (3+, € 731,93). */
const RENT = 700;

/**
 * A workspace with every social dwelling vacant and let at RENT (above the lower cap); applicants drawn from
 * `income` weights.
 */
function vacantAboveCap(income: number[], size: number[]) {
  const p = parseScenarioObject({
    name: 'T',
    description: 't',
    horizon: { start: 2025, end: 2026 },
    seed: 1,
    runs: 1,
    allocation: { passendToewijzen: 1, urgentShare: 0, label55Plus: 0 },
  });
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  const c = compileScenario(p.scenario, { stock, programmeAreas: FIXTURE_AREAS, buurtNames: FIXTURE_NAMES });
  if (!c.ok) throw new Error(JSON.stringify(c.issues));
  const sc = { ...c.value, params: { ...c.value.params, frictionalVacancy: 0 } };
  const w = createWorkspace(stock, sc);
  resetWorkspace(w);
  w.hh.edges.set(sc.incomeEdges.subarray(0, 10));
  const social: number[] = [];
  for (let i = 0; i < w.n; i++)
    if (w.active[i] && w.tenure[i] === T_SOCIAL) {
      social.push(i);
      w.hh.present[i] = 0;
      w.rent[i] = RENT;
    }
  const table = profileTable({ size, age: [0, 1, 0, 0], income }, [1, 1, 1, 1, 1]);
  w.profiles.newcomers[T_SOCIAL] = [table, table];
  return { w, social };
}

describe('passend toewijzen allocates dwellings, never changes incomes (docs/domain.md §4)', () => {
  it('lowers the rent to the lower cap when no applicant fits: the low-income household keeps its income', () => {
    const { w, social } = vacantAboveCap([1, 0, 0, 0], [1, 0, 0, 0, 0]);
    const rng = createRng(5);
    allocateVacancies(w, 0, () => rng.next());
    expect(social.length).toBeGreaterThan(5);
    expect(rentCap(w, 0, 1)).toBe(682.96);
    for (const i of social) {
      expect(w.hh.present[i]).toBe(1);
      expect(w.hh.income[i]).toBe(INCOME_LOW);
      // Under the year's passend-toewijzen limit for one person (config/rules/housing-limits.json, 2025 row).
      expect(w.hh.incomeEur[i]).toBeLessThan(28335);
      expect(w.rent[i]).toBeCloseTo(682.96, 2);
    }
  });

  it('lets a low-income household of 3+ persons in at the rent: it is under the higher cap', () => {
    const { w, social } = vacantAboveCap([1, 0, 0, 0], [0, 0, 1, 0, 0]);
    const rng = createRng(7);
    allocateVacancies(w, 0, () => rng.next());
    for (const i of social) {
      expect(w.hh.income[i]).toBe(INCOME_LOW);
      expect(w.hh.incomeEur[i]).toBeLessThan(38478);
      expect(w.rent[i]).toBe(RENT);
    }
  });

  it('gives an above-cap dwelling to a fitting household when one applies, keeping the rent', () => {
    // Half the applicants are low-income one-person households, half are 3-person DAEB households.
    const { w, social } = vacantAboveCap([1, 1, 0, 0], [1, 0, 1, 0, 0]);
    const rng = createRng(6);
    allocateVacancies(w, 0, () => rng.next());
    let kept = 0;
    for (const i of social) {
      if (w.rent[i] === RENT) {
        kept++;
        // Who moves in above the cap is not a 1–2-person low-income household (passendToewijzen 1: no margin).
        expect(w.hh.income[i] !== INCOME_LOW || w.hh.size[i]! > 2).toBe(true);
      }
    }
    // With 8 applicants tried, nearly every dwelling finds a fitting household.
    expect(kept).toBeGreaterThan(social.length * 0.9);
  });
});

describe('DAEB: social dwellings go to households under the DAEB income limit, beyond the free allocation space', () => {
  it('lets at most the free share (7.5 %) to applicants above the limit when others apply', () => {
    // Half the applicants are above the DAEB limit (band midden), half under it; three persons, under the higher cap.
    const { w, social } = vacantAboveCap([0, 1, 1, 0], [0, 0, 1, 0, 0]);
    expect(w.sc.daebFreeShare[0]).toBe(0.075);
    const rng = createRng(8);
    allocateVacancies(w, 0, () => rng.next());
    const above = social.filter((i) => w.hh.income[i]! >= 2);
    expect(above.length).toBeGreaterThan(0);
    expect(above.length).toBeLessThanOrEqual(Math.floor(0.075 * social.length) + 1);
    // Above the limit means above the 2025 DAEB limit for more persons (config/rules/housing-limits.json).
    for (const i of above) expect(w.hh.incomeEur[i]).toBeGreaterThanOrEqual(54847);
  });
});
