import type { Vve } from '../dwelling.ts';
import { dayNumber } from '../retrofit/iso-day.ts';
import type { VveConfig } from './vve-config.ts';

/**
 * Active or dormant (slapend), after the Wet verbetering functioneren VvE (docs/domain.md §3, H): a VvE is active
 * when it held a recent ALV and either has an MJOP of at most 5 years old or a reserve of at least 0.5 % of
 * the rebuild value. A register field that is missing counts as "not met" and is listed as an assumption —
 * never a silent default.
 */
export interface Assumption {
  field: 'lastAlvDate' | 'mjopYear' | 'reserveFundEur';
  /** Dutch statement of what was assumed. */
  assumed: string;
}

export interface VveActivity {
  active: boolean;
  /** 'complete' when every field was present (in the register, or the synthetic set); 'assumed' when at least one was missing. */
  basis: 'complete' | 'assumed';
  lastAlvDate: string | null;
  alvRecent: boolean;
  mjopYear: number | null;
  mjopCurrent: boolean;
  reserveFundEur: number | null;
  /** 0.5 % × rebuild value (usable area × €/m²), euro. */
  reserveRequiredEur: number;
  reserveSufficient: boolean;
  assumptions: Assumption[];
}

const DAYS_PER_MONTH = 365.25 / 12;

export function assessActivity(
  vve: Pick<Vve, 'lastAlvDate' | 'mjopYear' | 'reserveFundEur'>,
  totalAreaM2: number,
  asOf: string,
  cfg: VveConfig['activity'],
): VveActivity {
  const today = dayNumber(asOf);
  if (today === null) throw new RangeError(`asOf: "${asOf}" is not a date as YYYY-MM-DD`);
  const assumptions: Assumption[] = [];
  const alvDay = vve.lastAlvDate === null ? null : dayNumber(vve.lastAlvDate);
  if (alvDay === null)
    assumptions.push({
      field: 'lastAlvDate',
      assumed: 'Datum laatste ALV onbekend: aangenomen dat er geen recente ALV was',
    });
  const alvRecent = alvDay !== null && today - alvDay <= cfg.maxAlvAgeMonths * DAYS_PER_MONTH && alvDay <= today;
  if (vve.mjopYear === null)
    assumptions.push({ field: 'mjopYear', assumed: 'MJOP onbekend: aangenomen dat er geen actueel MJOP is' });
  const asOfYear = Number(asOf.slice(0, 4));
  const mjopCurrent =
    vve.mjopYear !== null && asOfYear - vve.mjopYear <= cfg.maxMjopAgeYears && vve.mjopYear <= asOfYear;
  const reserveRequiredEur = Math.round(cfg.reserveRateOfRebuildValue * cfg.rebuildValueEurPerM2 * totalAreaM2);
  if (vve.reserveFundEur === null)
    assumptions.push({
      field: 'reserveFundEur',
      assumed: 'Reservefonds onbekend: aangenomen dat het onder de wettelijke 0,5% van de herbouwwaarde ligt',
    });
  const reserveSufficient = vve.reserveFundEur !== null && vve.reserveFundEur >= reserveRequiredEur;
  return {
    active: alvRecent && (mjopCurrent || reserveSufficient),
    basis: assumptions.length ? 'assumed' : 'complete',
    lastAlvDate: vve.lastAlvDate,
    alvRecent,
    mjopYear: vve.mjopYear,
    mjopCurrent,
    reserveFundEur: vve.reserveFundEur,
    reserveRequiredEur,
    reserveSufficient,
    assumptions,
  };
}
