/**
 * The owner's net cost of a dwelling's package beside its gross cost: the subsidy rows of the subsidy file valid on
 * a planning date (subsidies.ts; ISDE for owner-occupiers, the municipal scheme, SVVE for VvE's) applied per package
 * measure. Subsidies change what the owner pays, not what the measure costs (docs/domain.md §5), so every
 * whole-stock result shows both. Unknown (null), never zero, when no subsidy row covers the date.
 */
import type { Ownership } from '../dwelling.ts';
import type { MeasureId } from './measure-ids.ts';
import { measuresOf, type MeasureResult, type PackageResult } from './measures.ts';
import type { ScoreColumns } from './score-table.ts';
import type { ScoreTables } from './score-tables.ts';
import { subsidiesFor, type SubsidyBook, type Tenure } from './subsidies.ts';

/** The subsidy file and planning date a whole-stock result applies. */
export interface NetCostBasis {
  book: SubsidyBook;
  /** Planning date YYYY-MM-DD. */
  date: string;
}

/** Which subsidy rows the owner can use: a VvE member through the VvE, an owner-occupier himself, others none of those. */
export function subsidyTenure(ownership: Ownership, inVve: boolean): Tenure {
  return inVve ? 'vve' : ownership === 'eigenaar-bewoner' ? 'owner-occupier' : 'other';
}

/**
 * Gross cost per package measure. In the package the hybrid heat pump is sized on the demand left after
 * insulation, so it costs the package total minus the insulation measures, not its stand-alone price:
 * the gross costs then add up to the package cost the owner pays.
 */
export function packageCosts(
  pkg: Pick<PackageResult, 'measures' | 'costEur'>,
  measures: readonly MeasureResult[],
): { id: MeasureId; grossEur: number }[] {
  const cost = new Map(measures.map((m) => [m.id, m.costEur]));
  const insulation = pkg.measures
    .filter((id) => id !== 'hybrid-heat-pump')
    .reduce((s, id) => s + (cost.get(id) ?? 0), 0);
  return pkg.measures.map((id) => ({
    id,
    grossEur: id === 'hybrid-heat-pump' ? Math.max(0, pkg.costEur - insulation) : (cost.get(id) ?? 0),
  }));
}

/** Subsidy and net cost (€) of dwelling i's package; null for both when the date is outside the subsidy file. */
export function netCostOf(
  o: ScoreColumns,
  T: ScoreTables,
  i: number,
  pkg: Pick<PackageResult, 'measures' | 'costEur'>,
  tenure: Tenure,
  basis: NetCostBasis,
): { subsidyEur: number | null; netCostEur: number | null } {
  if (pkg.measures.length === 0) return { subsidyEur: 0, netCostEur: 0 };
  const r = subsidiesFor(basis.book, tenure, packageCosts(pkg, measuresOf(o, T, i).measures), basis.date);
  return r.ok ? { subsidyEur: r.value.subsidyEur, netCostEur: r.value.netEur } : { subsidyEur: null, netCostEur: null };
}

/** Whether the file has a row valid on the date (else every net cost is unknown and the result says why). */
export function subsidyDateCovered(basis: NetCostBasis): boolean {
  return basis.book.rows.some((r) => r.validFrom <= basis.date && basis.date <= r.validTo);
}
