/**
 * Whole-stock scores ranked by priority, and as GeoJSON points for GIS; the CSV is written by the shared writer
 * (geodata/exports/scores-csv.ts).
 */
import type { DwellingScore } from './scores-json.ts';
import { FACTOR_IDS } from './weights.ts';
import { dwellingTypeNl, ownershipNl } from '../labels-nl.ts';

/** Highest priority first; ties keep the dataset order. */
export function ranked(rows: readonly DwellingScore[]): DwellingScore[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.priority - a.r.priority || a.i - b.i)
    .map((x) => x.r);
}

export function scoresAsGeoJson(
  rows: readonly DwellingScore[],
  synthetic: boolean,
): { type: 'FeatureCollection'; synthetic: boolean; features: unknown[] } {
  return {
    type: 'FeatureCollection',
    synthetic,
    features: ranked(rows).map((d, k) => {
      const { location, breakdown, measures, ...props } = d;
      return {
        type: 'Feature',
        id: d.vboId,
        properties: {
          rank: k + 1,
          ...props,
          // The stored codes stay (type, ownership); the Dutch names a map legend in QGIS shows come from the one table.
          woningtype: dwellingTypeNl(d.type),
          eigendom: ownershipNl(d.ownership),
          ...Object.fromEntries(FACTOR_IDS.map((f) => [`breakdown_${f}`, breakdown[f]])),
          measures: measures.applicable.join(','),
          costEur: measures.costEur,
          subsidyEur: measures.subsidyEur,
          netCostEur: measures.netCostEur,
          gasSavingM3PerYear: measures.gasSavingM3PerYear,
          billSavingEurPerYear: measures.billSavingEurPerYear,
          co2SavingKgPerYear: measures.co2SavingKgPerYear,
          paybackYears: measures.paybackYears,
          synthetic,
        },
        geometry: { type: 'Point', coordinates: location },
      };
    }),
  };
}
