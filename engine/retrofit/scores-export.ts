/**
 * Whole-stock scores as exports: CSV for Dutch Excel (`;`, decimal comma, UTF-8 BOM, CRLF, a column that marks
 * synthetic data) and GeoJSON points for GIS, ranked by priority.
 */
import type { DwellingScore } from './scores-json.ts';
import { FACTOR_IDS } from './weights.ts';

const COLUMNS = [
  'rang', 'vbo_id', 'buurtcode', 'type', 'eigendom', 'bouwjaar', 'prioriteit',
  ...FACTOR_IDS.map((f) => `bijdrage_${f}`),
  'label_voor', 'label_na', 'gasverbruik_m3', 'route', 'ecologisch_risico', 'maatregelen', 'kosten_eur', 'besparing_m3_per_jaar',
  'besparing_eur_per_jaar', 'co2_kg_per_jaar', 'terugverdientijd_jaar', 'laag_inkomen_bron', 'lon', 'lat', 'synthetisch',
];

const dec = (x: number | null): string => (x === null ? '' : String(x).replace('.', ','));
const cell = (v: string): string => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Highest priority first; ties keep the dataset order. */
export function ranked(rows: readonly DwellingScore[]): DwellingScore[] {
  return rows.map((r, i) => ({ r, i })).sort((a, b) => b.r.priority - a.r.priority || a.i - b.i).map((x) => x.r);
}

export function scoresAsCsv(rows: readonly DwellingScore[], synthetic: boolean): string {
  const lines = [COLUMNS.join(';')];
  ranked(rows).forEach((d, k) => {
    lines.push([
      String(k + 1), d.vboId, d.buurtcode, d.type, cell(d.ownership), String(d.bouwjaar), dec(d.priority),
      ...FACTOR_IDS.map((f) => dec(d.breakdown[f])),
      d.labelBefore, d.labelAfter, String(d.gasUseM3PerYear), d.route, dec(d.riskScore), d.measures.applicable.join(' '),
      String(d.measures.costEur), String(d.measures.gasSavingM3PerYear), String(d.measures.billSavingEurPerYear),
      String(d.measures.co2SavingKgPerYear), dec(d.measures.paybackYears), d.lowIncomeShareSource,
      dec(d.location[0]), dec(d.location[1]), synthetic ? 'ja' : 'nee',
    ].join(';'));
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function scoresAsGeoJson(rows: readonly DwellingScore[], synthetic: boolean): { type: 'FeatureCollection'; synthetic: boolean; features: unknown[] } {
  return {
    type: 'FeatureCollection',
    synthetic,
    features: ranked(rows).map((d, k) => {
      const { location, breakdown, measures, ...props } = d;
      return {
        type: 'Feature',
        id: d.vboId,
        properties: {
          rank: k + 1, ...props, ...Object.fromEntries(FACTOR_IDS.map((f) => [`breakdown_${f}`, breakdown[f]])),
          measures: measures.applicable.join(','), costEur: measures.costEur, gasSavingM3PerYear: measures.gasSavingM3PerYear,
          billSavingEurPerYear: measures.billSavingEurPerYear, co2SavingKgPerYear: measures.co2SavingKgPerYear, paybackYears: measures.paybackYears,
          synthetic,
        },
        geometry: { type: 'Point', coordinates: location },
      };
    }),
  };
}
