/**
 * What the simulation reports per unit (buurt or programme area) and year. A run accumulates
 * additive counters per buurt; a unit's metrics are computed from the sum of its buurten's counters,
 * so programme areas are exact aggregates, not averages of buurt figures.
 */

/** Counter slots per buurt (additive). */
export const C_DWELLINGS = 0;
export const C_HOUSEHOLDS = 1;
/** C_TENURE + tenure index (6 tenures, codes.ts TENURES). */
export const C_TENURE = 2;
export const C_SINGLE_FAMILY = 8;
export const C_HH_SINGLE = 9;
export const C_HH_FAMILY = 10;
export const C_FAMILY_IN_APARTMENT = 11;
export const C_LOW_INCOME = 12;
export const C_55PLUS = 13;
export const C_LABEL_SUM = 14;
export const C_ENERGY_SUM = 15;
export const C_INFLOW = 16;
export const C_INFLOW_LOW = 17;
/** Sum of the monthly rents of social-rent dwellings (their count is C_TENURE + 1). */
export const C_SOCIAL_RENT_SUM = 18;
/** Cumulative intervention flows, FLOWS order. */
export const C_FLOW = 19;
export const FLOWS = [
  'sold',
  'liberalised',
  'acquired',
  'demolished',
  'built',
  'split',
  'merged',
  'retrofitted',
] as const;
export type Flow = (typeof FLOWS)[number];
export const N_COUNTERS = C_FLOW + FLOWS.length;

export type MetricKind = 'count' | 'share' | 'flag' | 'mean';

export interface MetricDef {
  id: string;
  kind: MetricKind;
  /** Dutch label for tables and the web app. */
  label: string;
  /** Unit of the value: '' for counts, 'share' 0–1, 'label-index' (0 = A++++ … 10 = G), 'eur-per-year', 'eur-per-month'. */
  unit: '' | 'share' | 'flag' | 'label-index' | 'eur-per-year' | 'eur-per-month';
}

/** Every metric, in output order. `corporatiebuurt` is a 0/1 flag whose mean over runs is its probability. */
export const METRICS = [
  { id: 'dwellings', kind: 'count', label: 'Woningen', unit: '' },
  { id: 'households', kind: 'count', label: 'Huishoudens', unit: '' },
  { id: 'vacancy', kind: 'share', label: 'Leegstand', unit: 'share' },
  { id: 'share-owner-occupied', kind: 'share', label: 'Koop', unit: 'share' },
  { id: 'share-social-rent', kind: 'share', label: 'Sociale huur', unit: 'share' },
  { id: 'share-mid-rent-corporation', kind: 'share', label: 'Middenhuur (corporatie)', unit: 'share' },
  { id: 'share-private-rent', kind: 'share', label: 'Particuliere huur', unit: 'share' },
  { id: 'share-municipal', kind: 'share', label: 'Gemeentebezit', unit: 'share' },
  { id: 'share-corporation', kind: 'share', label: 'Corporatiebezit', unit: 'share' },
  { id: 'corporatiebuurt', kind: 'flag', label: 'Corporatiebuurt (> 2/3 corporatiebezit)', unit: 'flag' },
  { id: 'share-single-family', kind: 'share', label: 'Eengezinswoningen', unit: 'share' },
  { id: 'share-single-person', kind: 'share', label: 'Eenpersoonshuishoudens', unit: 'share' },
  { id: 'share-family', kind: 'share', label: 'Gezinnen (3+ personen)', unit: 'share' },
  { id: 'share-families-in-apartments', kind: 'share', label: 'Gezinnen in meergezinswoning', unit: 'share' },
  { id: 'share-low-income', kind: 'share', label: 'Lage inkomens', unit: 'share' },
  { id: 'share-55plus', kind: 'share', label: 'Huishoudens 55+', unit: 'share' },
  { id: 'inflow-low-income', kind: 'share', label: 'Instroom sociale huur met laag inkomen', unit: 'share' },
  { id: 'average-label', kind: 'mean', label: 'Gemiddeld energielabel', unit: 'label-index' },
  { id: 'energy-cost', kind: 'mean', label: 'Energiekosten per huishouden', unit: 'eur-per-year' },
  { id: 'social-rent', kind: 'mean', label: 'Gemiddelde kale huur sociale huurwoning', unit: 'eur-per-month' },
  { id: 'sold', kind: 'count', label: 'Verkocht (cumulatief)', unit: '' },
  { id: 'liberalised', kind: 'count', label: 'Geliberaliseerd (cumulatief)', unit: '' },
  { id: 'acquired', kind: 'count', label: 'Verworven door gemeente (cumulatief)', unit: '' },
  { id: 'demolished', kind: 'count', label: 'Gesloopt (cumulatief)', unit: '' },
  { id: 'built', kind: 'count', label: 'Nieuw gebouwd (cumulatief)', unit: '' },
  { id: 'split', kind: 'count', label: 'Gesplitst (cumulatief)', unit: '' },
  { id: 'merged', kind: 'count', label: 'Samengevoegd (cumulatief)', unit: '' },
  { id: 'retrofitted', kind: 'count', label: 'Verduurzaamd (cumulatief)', unit: '' },
] as const satisfies readonly MetricDef[];

export type MetricId = (typeof METRICS)[number]['id'];
export const METRIC_IDS = METRICS.map((m) => m.id) as [MetricId, ...MetricId[]];
export const N_METRICS = METRICS.length;

export function metricIndex(id: MetricId): number {
  return METRIC_IDS.indexOf(id);
}

/** A buurt is a "corporatiebuurt" when more than two thirds of its stock is corporation-owned (docs/domain.md §4, RIGO/Aedes). */
export const CORPORATIEBUURT_SHARE = 2 / 3;

const share = (a: number, b: number): number => (b > 0 ? a / b : Number.NaN);

/**
 * Writes the metric values of one unit (counters `c` summed over its buurten) at `out[offset…]`;
 * a share whose denominator is zero is NaN (reported as null).
 */
export function writeMetrics(c: Float64Array, out: Float64Array, offset: number): void {
  const dw = c[C_DWELLINGS]!,
    hh = c[C_HOUSEHOLDS]!;
  const corp = c[C_TENURE + 1]! + c[C_TENURE + 2]!;
  let k = offset;
  out[k++] = dw;
  out[k++] = hh;
  out[k++] = dw > 0 ? 1 - hh / dw : Number.NaN;
  for (let t = 0; t < 5; t++) out[k++] = share(c[C_TENURE + t]!, dw);
  out[k++] = share(corp, dw);
  out[k++] = dw > 0 && corp / dw > CORPORATIEBUURT_SHARE ? 1 : 0;
  out[k++] = share(c[C_SINGLE_FAMILY]!, dw);
  out[k++] = share(c[C_HH_SINGLE]!, hh);
  out[k++] = share(c[C_HH_FAMILY]!, hh);
  out[k++] = share(c[C_FAMILY_IN_APARTMENT]!, c[C_HH_FAMILY]!);
  out[k++] = share(c[C_LOW_INCOME]!, hh);
  out[k++] = share(c[C_55PLUS]!, hh);
  out[k++] = share(c[C_INFLOW_LOW]!, c[C_INFLOW]!);
  out[k++] = share(c[C_LABEL_SUM]!, dw);
  out[k++] = share(c[C_ENERGY_SUM]!, hh);
  out[k++] = share(c[C_SOCIAL_RENT_SUM]!, c[C_TENURE + 1]!);
  for (let f = 0; f < FLOWS.length; f++) out[k++] = c[C_FLOW + f]!;
}
