/**
 * What a selection of unit options uses of the model's limits (budget, year caps, capacity per season,
 * permit caps per CBS buurt and period), and which limits adding one more option would break. Shared by the greedy heuristic, the
 * explanation of unspent budget and the checks in the tests.
 */
import type { PlanModel, UnitOption } from './model.ts';

export type Limit = 'budget' | 'year-cap' | 'capacity' | 'permit-cap';

/** Tolerance for float sums of crew-weeks. */
const EPS = 1e-9;

export interface Usage {
  eur: number;
  eurByYear: Map<number, number>;
  dwellings: number[];
  crewWeeks: number[];
  permitCaps: number[];
}

export function emptyUsage(m: PlanModel): Usage {
  return {
    eur: 0,
    eurByYear: new Map(),
    dwellings: m.seasons.map(() => 0),
    crewWeeks: m.seasons.map(() => 0),
    permitCaps: m.permitCaps.map(() => 0),
  };
}

/** Limits `o` would break on top of `u` (empty: it fits). */
export function blockingLimits(m: PlanModel, u: Usage, o: UnitOption): Limit[] {
  const unit = m.units[o.unit]!,
    s = o.season,
    out: Limit[] = [];
  if (u.eur + unit.contributionEur > m.budgetEur) out.push('budget');
  const year = m.seasons[s]!.year,
    cap = m.yearCap.get(year);
  if (cap !== undefined && (u.eurByYear.get(year) ?? 0) + unit.contributionEur > cap) out.push('year-cap');
  if (
    u.dwellings[s]! + unit.dwellings > m.capDwellings[s]! + EPS ||
    u.crewWeeks[s]! + unit.crewWeeks > m.capCrewWeeks[s]! + EPS
  )
    out.push('capacity');
  const g = m.permitCapOf[o.unit * m.seasons.length + s]!;
  if (g >= 0 && u.permitCaps[g]! + unit.permitCount > m.permitCaps[g]!.cap) out.push('permit-cap');
  return out;
}

export function addOption(m: PlanModel, u: Usage, o: UnitOption): void {
  const unit = m.units[o.unit]!,
    s = o.season,
    year = m.seasons[s]!.year;
  u.eur += unit.contributionEur;
  u.eurByYear.set(year, (u.eurByYear.get(year) ?? 0) + unit.contributionEur);
  u.dwellings[s] = u.dwellings[s]! + unit.dwellings;
  u.crewWeeks[s] = u.crewWeeks[s]! + unit.crewWeeks;
  const g = m.permitCapOf[o.unit * m.seasons.length + s]!;
  if (g >= 0) u.permitCaps[g] = u.permitCaps[g]! + unit.permitCount;
}

/** Usage of a whole selection, and every limit it breaks (empty for a valid selection). */
export function checkSelection(m: PlanModel, chosen: readonly UnitOption[]): { usage: Usage; violations: string[] } {
  const u = emptyUsage(m);
  const seen = new Set<number>();
  const violations: string[] = [];
  for (const o of chosen) {
    if (seen.has(o.unit)) violations.push(`unit ${m.units[o.unit]!.id} chosen twice`);
    seen.add(o.unit);
    addOption(m, u, o);
  }
  if (u.eur > m.budgetEur) violations.push(`budget: ${u.eur} > ${m.budgetEur}`);
  for (const [y, eur] of u.eurByYear)
    if (m.yearCap.has(y) && eur > m.yearCap.get(y)!) violations.push(`year cap ${y}: ${eur} > ${m.yearCap.get(y)}`);
  m.seasons.forEach((s, i) => {
    if (u.dwellings[i]! > m.capDwellings[i]! + EPS)
      violations.push(`capacity ${s.id}: ${u.dwellings[i]} dwellings > ${m.capDwellings[i]}`);
    if (u.crewWeeks[i]! > m.capCrewWeeks[i]! + EPS)
      violations.push(`capacity ${s.id}: ${u.crewWeeks[i]} crew-weeks > ${m.capCrewWeeks[i]}`);
  });
  m.permitCaps.forEach((g, i) => {
    if (u.permitCaps[i]! > g.cap)
      violations.push(`permit cap ${g.profile} ${g.buurtcode} ${g.from}…${g.until}: ${u.permitCaps[i]} > ${g.cap}`);
  });
  return { usage: u, violations };
}

export const objectiveOf = (chosen: readonly UnitOption[]): number => chosen.reduce((a, o) => a + o.value, 0);
