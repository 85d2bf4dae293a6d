/**
 * Income band edges per scenario year from the dated limits (config/rules/housing-limits.json): a household is
 * `laag` under the passend-toewijzen income limit of its size, `daeb` under the DAEB limit, `midden` and `hoog` above
 * (docs/domain.md §4). The outer edges are multiples of the limits (params.ts), so incomes are drawn within bands.
 */
import type { YearLimits } from './housing-rules.ts';
import type { HousingParams } from './params.ts';

/** Edges per year: [yi * 10 + sizeClass * 5 + k], sizeClass 0 = one person, 1 = more; k = 0 … 4 (€ per year). */
export function incomeEdges(
  limits: readonly YearLimits[],
  p: Pick<HousingParams, 'incomeFloorFactor' | 'highIncomeFactor' | 'topIncomeFactor'>,
): Float64Array {
  const out = new Float64Array(limits.length * 10);
  limits.forEach((l, yi) => {
    const classes = [
      [l.passendIncomeSingle, l.daebIncomeSingle],
      [l.passendIncomeMulti, l.daebIncomeMulti],
    ] as const;
    classes.forEach(([passend, daeb], c) => {
      const at = yi * 10 + c * 5;
      out.set([p.incomeFloorFactor * passend, passend, daeb, p.highIncomeFactor * daeb, p.topIncomeFactor * daeb], at);
    });
  });
  return out;
}
