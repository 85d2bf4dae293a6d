import { z } from 'zod';
import { quantileBreaks } from '../class-breaks.ts';
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

/** Colours of the nuisance classes, low to high (ColorBrewer BrBG, brown side; apart from the other layers). */
export const SAFETY_COLORS = ['#f6e8c3', '#dfc27d', '#bf812d', '#8c510a'] as const;
export const SUPPRESSED_COLOR = '#c9ccd1';

/** A rate as the panel shows it: a percentage with one decimal (0.0596 shows "6,0%", so it is classed as 0.060). */
export const displayedRate = (rate: number): number => Math.round(rate * 1000) / 1000;

export interface SafetyClass {
  /** Lower bound (displayed rate, 0–1). */
  from: number;
  color: string;
  label: string;
}

/**
 * Nuisance classes fitted to the published rates: quantile bounds of the displayed rates (at most four
 * classes, fewer when rates tie), so the colours spread over the rates that occur.
 */
export function safetyClasses(fc: SafetyCollection): SafetyClass[] {
  const rates = fc.features
    .map((f) => f.properties.nuisanceRate)
    .filter((r): r is number => r !== null)
    .map(displayedRate);
  const bounds = quantileBreaks(rates, SAFETY_COLORS.length);
  return bounds.map((from, i) => ({
    from,
    color: SAFETY_COLORS[bounds.length === 1 ? 0 : Math.round((i * (SAFETY_COLORS.length - 1)) / (bounds.length - 1))]!,
    label:
      i + 1 < bounds.length ? `${formatShare(from)} – ${formatShare(bounds[i + 1]!)}` : `${formatShare(from)} of meer`,
  }));
}

/** Class index of a buurt's rate as displayed; -1 when suppressed or unpublished. */
export function safetyClassOf(classes: readonly SafetyClass[], rate: number | null): number {
  if (rate === null) return -1;
  const v = displayedRate(rate);
  let k = 0;
  while (k + 1 < classes.length && v >= classes[k + 1]!.from) k++;
  return k;
}

/** The legend's note on how the classes were made. */
export const SAFETY_CLASS_NOTE =
  'Klassen: kwantielen van de gepubliceerde percentages (elke klasse ongeveer evenveel buurten), ingedeeld op het getoonde percentage.';
