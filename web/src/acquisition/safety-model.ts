import { z } from 'zod';
import { formatCount, formatDate, formatShare } from '../format.ts';

/** GET /api/signals/buurten: buurt aggregates after disclosure control (null = suppressed or no rate). */
const Controlled = z.number().nullable();
export const SafetyCollection = z.object({
  type: z.literal('FeatureCollection'),
  synthetic: z.boolean(),
  signalSource: z.enum(['register', 'synthetic', 'none']),
  window: z.object({ from: z.string(), to: z.string() }).nullable(),
  disclosureControl: z.object({ minCount: z.number(), roundTo: z.number(), minDenominator: z.number() }),
  vacancyMonthsThreshold: z.number(),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      properties: z.object({
        buurtcode: z.string(),
        buurtnaam: z.string(),
        dwellings: z.number(),
        nuisanceAddresses: Controlled,
        vacantAddresses: Controlled,
        roomLettingAddresses: Controlled,
        nuisanceRate: Controlled,
        vacancyRate: Controlled,
        roomLettingRate: Controlled,
      }),
      geometry: z.object({ type: z.string(), coordinates: z.array(z.unknown()) }),
    }),
  ),
});
export type SafetyCollection = z.infer<typeof SafetyCollection>;

/** A published count with its rate, e.g. "105 (6,0%)"; "< 10" when suppressed. */
export function controlledText(count: number | null, rate: number | null, minCount: number): string {
  if (count === null) return `< ${formatCount(minCount)}`;
  return rate === null ? formatCount(count) : `${formatCount(count)} (${formatShare(rate)})`;
}

export interface SafetyRow {
  buurtcode: string;
  buurtnaam: string;
  dwellings: string;
  lines: { label: string; value: string }[];
}

/** The safety panel in Dutch: one block per buurt that has dwellings. */
export function safetyRows(fc: SafetyCollection): SafetyRow[] {
  const min = fc.disclosureControl.minCount;
  return fc.features
    .filter((f) => f.properties.dwellings > 0)
    .map(({ properties: p }) => ({
      buurtcode: p.buurtcode,
      buurtnaam: p.buurtnaam,
      dwellings: `${formatCount(p.dwellings)} woningen`,
      lines: [
        { label: 'Adressen met overlastmeldingen', value: controlledText(p.nuisanceAddresses, p.nuisanceRate, min) },
        {
          label: `Langdurige leegstand (${fc.vacancyMonthsThreshold}+ mnd)`,
          value: controlledText(p.vacantAddresses, p.vacancyRate, min),
        },
        { label: 'Kamerverhuur (vergunning)', value: controlledText(p.roomLettingAddresses, p.roomLettingRate, min) },
      ],
    }));
}

/** The explanation under the safety panel. */
export function safetyNote(fc: SafetyCollection): string {
  const d = fc.disclosureControl;
  const period = fc.window
    ? `${formatDate(fc.window.from)} t/m ${formatDate(fc.window.to)}`
    : 'geen signalen beschikbaar';
  const source =
    fc.signalSource === 'synthetic'
      ? 'Synthetische signalen (verzonnen, geen echte adressen). '
      : fc.signalSource === 'none'
        ? 'Geen signalen geïmporteerd. '
        : '';
  return `${source}Periode: ${period}. Aantallen onder ${d.minCount} worden niet getoond, overige afgerond op ${d.roundTo}; percentages alleen bij ${d.minDenominator} of meer woningen. Alleen per CBS-buurt.`;
}

/** Nuisance rate classes of the map fill (share of dwellings with a nuisance report). */
export const SAFETY_CLASSES = [
  { upTo: 0.03, color: '#fde8c8', label: 'minder dan 3%' },
  { upTo: 0.06, color: '#f6b26b', label: '3–6%' },
  { upTo: 0.09, color: '#e07b39', label: '6–9%' },
  { upTo: Infinity, color: '#b4451f', label: '9% of meer' },
] as const;
export const SUPPRESSED_COLOR = '#c9ccd1';
