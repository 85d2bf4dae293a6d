import { z } from 'zod';
import { REASON_LABELS } from '../../../engine/acquisition/reason-codes.ts';
import { OrdinanceSummary } from '../../../engine/acquisition/ordinance.ts';
import { ZoneSummarySchema, zoneSummaryText } from '../../../engine/acquisition/zone-summary.ts';
import { formatCount, formatDate } from '../format.ts';

/** GET /api/acquisition/candidates (the fields the map uses). */
export const CandidateCollection = z.object({
  type: z.literal('FeatureCollection'),
  synthetic: z.boolean(),
  usesSignals: z.boolean(),
  budgetEur: z.number(),
  selectedCount: z.number(),
  selectedCostEur: z.number(),
  totalCandidates: z.number(),
  zones: z.array(ZoneSummarySchema),
  ordinance: OrdinanceSummary.nullable().optional(),
  warnings: z.array(
    z.object({ code: z.string(), message: z.string(), path: z.array(z.union([z.string(), z.number()])).optional() }),
  ),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      properties: z
        .object({
          rank: z.number(),
          selected: z.boolean(),
          vboId: z.string(),
          address: z.string(),
          postcode: z.string(),
          buurtcode: z.string(),
          zoneName: z.string(),
          score: z.number(),
          estimatedCostEur: z.number(),
          reasons: z.array(z.string()),
          label: z.string(),
          bouwjaar: z.number(),
          ownership: z.string(),
          wozBand: z.string(),
          nuisanceBand: z.string().optional(),
          vacancyBand: z.string().optional(),
          permitStatus: z.string().optional(),
        })
        .passthrough(),
      geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
    }),
  ),
});
export type CandidateCollection = z.infer<typeof CandidateCollection>;
export type CandidateProps = CandidateCollection['features'][number]['properties'];

const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const score1 = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatEuro(n: number): string {
  return euro.format(n);
}

/** The Dutch text of a reason code (the code itself when unknown). */
export function reasonText(code: string): string {
  return (REASON_LABELS as Record<string, string>)[code] ?? code;
}

/** "Budget € 1.500.000 · 10 woningen geselecteerd (€ 1.490.400) uit 2.967 kandidaten". */
export function budgetSummary(fc: CandidateCollection): string {
  return `Budget ${formatEuro(fc.budgetEur)} · ${formatCount(fc.selectedCount)} ${fc.selectedCount === 1 ? 'woning' : 'woningen'} geselecteerd (${formatEuro(fc.selectedCostEur)}) uit ${formatCount(fc.totalCandidates)} kandidaten`;
}

/** One line per zone: candidates, selection, its share of the budget and why (engine/acquisition/zone-summary.ts). */
export function zoneLines(fc: CandidateCollection): string[] {
  return fc.zones.map((z) => zoneSummaryText(z, formatEuro));
}

/**
 * MapLibre circle radius (pixels) that draws `metres` on the ground at latitude `lat`: Web Mercator's metres per pixel
 * halve with every zoom level, so an exponential interpolation of base 2 between zoom 0 and 22 is exact.
 */
export function metresRadius(metres: number, lat: number): unknown[] {
  const atZoom0 = metres / ((156_543.03392 * Math.cos((lat * Math.PI) / 180)) / 2);
  return ['interpolate', ['exponential', 2], ['zoom'], 0, atZoom0, 22, atZoom0 * 2 ** 22];
}

/** The ordinance line of the panel: which rules the scores use and what the circles on the map mean. */
export function ordinanceNote(fc: CandidateCollection): string {
  const o = fc.ordinance;
  if (!o) return 'Geen huisvestingsverordening van kracht: de scores houden er geen rekening mee.';
  return (
    `${o.title} (${formatDate(o.validFrom)} t/m ${o.validTo ? formatDate(o.validTo) : 'nader te bepalen'}) telt mee in de score` +
    (fc.usesSignals
      ? `; cirkels op de kaart: afstandscriterium van ${formatCount(o.distanceRuleM)} m rond adressen met kamerverhuur.`
      : '.')
  );
}

/** Notes for the panel: zones without candidates and whether signals were used. */
export function acquisitionNotes(fc: CandidateCollection): string[] {
  const notes = fc.zones
    .filter((z) => z.candidates === 0)
    .map((z) => `Zone ${z.name}: geen kandidaten in deze dataset.`);
  notes.push(
    fc.usesSignals
      ? 'Scores wegen signalen (overlast, leegstand, kamerverhuur) mee; die staan alleen in klassen op de lijst.'
      : 'Uw rol ziet geen signalen: scores zijn berekend op staat, prijs en strategische ligging.',
  );
  return notes;
}

export interface CandidateLine {
  vboId: string;
  title: string;
  detail: string;
  reasons: string[];
}

export function candidateLine(p: CandidateProps): CandidateLine {
  return {
    vboId: p.vboId,
    title: `${p.rank}. ${p.address} — score ${score1.format(p.score)}`,
    detail: `${p.zoneName} · label ${p.label} · bouwjaar ${p.bouwjaar} · ${p.ownership} · ca. ${formatEuro(p.estimatedCostEur)}`,
    reasons: p.reasons.map(reasonText),
  };
}

/** Popup rows of a candidate; signal bands only when the API sent them (gemeente). */
export function candidatePopupRows(p: CandidateProps): { label: string; value: string }[] {
  const rows = [
    { label: 'Rang', value: `${p.rank}${p.selected ? ' (geselecteerd binnen budget)' : ''}` },
    { label: 'Score', value: score1.format(p.score) },
    { label: 'Doelzone', value: p.zoneName },
    { label: 'Geraamde kosten', value: formatEuro(p.estimatedCostEur) },
  ];
  if (p.nuisanceBand !== undefined) rows.push({ label: 'Overlastmeldingen (klasse)', value: p.nuisanceBand });
  if (p.vacancyBand !== undefined) rows.push({ label: 'Leegstand (klasse)', value: p.vacancyBand });
  if (p.permitStatus !== undefined) rows.push({ label: 'Kamerverhuur', value: p.permitStatus });
  rows.push({ label: 'Redenen', value: p.reasons.map(reasonText).join('; ') || '–' });
  return rows;
}

/** Export links (downloads through the session cookie; every export is audited). */
export const EXPORT_LINKS = [
  { format: 'csv', label: 'CSV (Excel)' },
  { format: 'xlsx', label: 'Excel (.xlsx)' },
  { format: 'geojson', label: 'GeoJSON (GIS)' },
] as const;

export function exportHref(format: string, purpose = 'verwerving'): string {
  return `/api/acquisition/export?${new URLSearchParams({ format, purpose })}`;
}

/** Colour ramp of the candidates by score (interpolated between the stops): the map and its legend use this list. */
export const ACQUISITION_SCORE_STOPS = [
  { score: 20, color: '#e9d8f0' },
  { score: 45, color: '#b07cc6' },
  { score: 70, color: '#5b1a73' },
] as const;
