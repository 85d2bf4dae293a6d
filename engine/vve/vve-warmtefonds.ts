/**
 * Warmtefonds VvE Energiebespaarlening eligibility (docs/domain.md §3; terms from the dated rules, vve-rules.ts):
 * a small VvE (2–7 dwellings) borrows when every member signs — the probability of that is the VvE's decision
 * probability; from 8 dwellings the VvE needs a Maatwerk VvE Energieadvies and an MJOP that covers the loan term,
 * listed as preconditions to arrange, never as disqualifiers. The loan limits (minimum per VvE, maximum per right and
 * per VvE) do disqualify.
 */
import type { VveRules } from './vve-rules.ts';

export const WARMTEFONDS_FAILING = [
  'omvang.te-klein',
  'lening.te-hoog',
  'lening.te-laag',
  'lening.boven-maximum',
] as const;
export type WarmtefondsFailing = (typeof WARMTEFONDS_FAILING)[number];

export interface Precondition {
  /** Document id of the rule (maatwerk-vve-energieadvies, mjop-loan-term). */
  id: string;
  name: string;
  /** True when the register shows it in place, false when it is not, null when the register cannot tell. */
  met: boolean | null;
  /** What to arrange, in Dutch. */
  todo: string;
}

export interface Warmtefonds {
  eligible: boolean;
  /** small-all-sign: 2–7 dwellings, every member signs; large: 8 or more, documents to arrange; null: too small. */
  path: 'small-all-sign' | 'large' | null;
  failing: WarmtefondsFailing[];
  preconditions: Precondition[];
  maxPerRightEur: number;
  minLoanEur: number;
  annualRate: number;
  termYears: number;
}

export interface WarmtefondsFacts {
  units: number;
  totalCostEur: number;
  costPerRightEur: number;
  /** Year of the VvE's MJOP (null when unknown) and whether it is current (vve-activity.ts). */
  mjopYear: number | null;
  mjopCurrent: boolean;
  /** Years an MJOP plans ahead (configuration). */
  mjopHorizonYears: number;
  asOfYear: number;
}

export function warmtefonds(f: WarmtefondsFacts, r: VveRules['warmtefonds']): Warmtefonds {
  const failing: WarmtefondsFailing[] = [];
  const path =
    f.units >= r.largeMinDwellings
      ? 'large'
      : f.units >= r.smallMinDwellings && r.smallAllMembersSign
        ? 'small-all-sign'
        : null;
  if (path === null) failing.push('omvang.te-klein');
  if (f.costPerRightEur > r.maxPerRightEur) failing.push('lening.te-hoog');
  if (f.totalCostEur < r.minLoanEur) failing.push('lening.te-laag');
  if (f.totalCostEur > r.maxLoanEur) failing.push('lening.boven-maximum');
  const preconditions: Precondition[] =
    path !== 'large'
      ? []
      : r.largeDocuments.map((d) => {
          if (d.id === 'mjop-loan-term') {
            const until = f.asOfYear + r.termYears;
            const met = f.mjopYear === null ? null : f.mjopCurrent && f.mjopYear + f.mjopHorizonYears >= until;
            return {
              ...d,
              met,
              todo: met
                ? 'Aanwezig'
                : `MJOP opstellen of verlengen tot ten minste ${until} (looptijd ${r.termYears} jaar)`,
            };
          }
          // The register does not record energy advice: it is always to arrange (or to show).
          return { ...d, met: null, todo: `${d.name} laten opstellen (of aanleveren)` };
        });
  return {
    eligible: failing.length === 0,
    path,
    failing,
    preconditions,
    maxPerRightEur: r.maxPerRightEur,
    minLoanEur: r.minLoanEur,
    annualRate: r.annualRate,
    termYears: r.termYears,
  };
}
