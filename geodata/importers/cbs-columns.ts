import type { BuurtStatistics } from '../../engine/registers.ts';

/**
 * Column names of the CBS Wijk- en Buurtkaart: long names since 2023, short ones before (docs/domain.md §7);
 * the first present alias wins. Values ≤ −99995 are CBS's codes for "missing" / "secret".
 */
export const CBS_KEY_COLUMNS = {
  buurtcode: ['buurtcode', 'BU_CODE'],
  buurtnaam: ['buurtnaam', 'BU_NAAM'],
  wijkcode: ['wijkcode', 'WK_CODE'],
  gemeentecode: ['gemeentecode', 'GM_CODE'],
} as const;

export const CBS_STAT_COLUMNS: Record<Exclude<keyof BuurtStatistics, 'buurtcode' | 'dataDate'>, readonly string[]> = {
  inhabitants: ['aantal_inwoners', 'AANT_INW'],
  dwellings: ['woningvoorraad', 'aantal_woningen', 'WONINGEN'],
  ownerOccupiedPct: ['percentage_koopwoningen', 'P_KOOPWON'],
  rentalPct: ['percentage_huurwoningen', 'P_HUURWON'],
  corporationPct: [
    'percentage_huurwoningen_in_bezit_woningcorporaties',
    'perc_huurwoningen_in_bezit_woningcorporaties',
    'P_HUURCORP',
    'P_WCORPW',
  ],
  averageWozKEur: ['gemiddelde_woningwaarde', 'gemiddelde_woz_waarde_woning', 'WOZ', 'G_WOZ'],
  lowIncomeHouseholdsPct: [
    'percentage_huishoudens_met_laag_inkomen',
    'percentage_huishoudens_met_een_laag_inkomen',
    'P_LAAGINKH',
    'P_HH_LI',
  ],
};

/** CBS publishes missing values as −99995 … −99999. */
export const CBS_MISSING_MAX = -99995;

/** The first alias present among the columns (case-insensitive), or null. */
export function findColumn(columns: readonly string[], aliases: readonly string[]): string | null {
  const lower = new Map(columns.map((c) => [c.toLowerCase(), c]));
  for (const a of aliases) {
    const c = lower.get(a.toLowerCase());
    if (c !== undefined) return c;
  }
  return null;
}

/** A CBS figure: null when absent, empty or a missing-value code; undefined when not a number. */
export function cbsNumber(v: unknown): number | null | undefined {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(String(v).trim().replace(',', '.'));
  if (!Number.isFinite(n)) return undefined;
  return n <= CBS_MISSING_MAX ? null : n;
}
