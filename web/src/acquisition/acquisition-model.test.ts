import { describe, expect, it } from 'vitest';
import { REASON_CODES } from '../../../engine/acquisition/reason-codes.ts';
import {
  CandidateCollection,
  acquisitionNotes,
  budgetSummary,
  metresRadius,
  ordinanceNote,
  zoneLines,
  candidateLine,
  candidatePopupRows,
  exportHref,
  reasonText,
} from './acquisition-model.ts';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const props = {
  rank: 1,
  selected: true,
  vboId: '1674010000000001',
  address: 'Proeflaan 1',
  postcode: '4701AB',
  buurtcode: 'BU16740202',
  zoneName: 'Kalsdonk',
  score: 66.1,
  estimatedCostEur: 138000,
  reasons: ['signaal.overlast', 'staat.label-fg'],
  label: 'G',
  bouwjaar: 1938,
  ownership: 'particuliere verhuur',
  wozBand: '<150k',
};
const zone = { selected: 0, selectedCostEur: 0, budgetShare: 0, reasons: [] };
const fc = (withSignals: boolean) =>
  CandidateCollection.parse({
    type: 'FeatureCollection',
    synthetic: true,
    usesSignals: withSignals,
    budgetEur: 1_500_000,
    selectedCount: 10,
    selectedCostEur: 1_490_400,
    totalCandidates: 2967,
    zones: [
      { ...zone, id: 'centrum-oud', name: "'t Oude Centrum", priority: 1, candidates: 0 },
      {
        ...zone,
        id: 'kalsdonk',
        name: 'Kalsdonk',
        priority: 2,
        candidates: 12,
        selected: 10,
        selectedCostEur: 1_490_400,
        budgetShare: 0.9936,
        reasons: [{ code: 'staat.label-fg', label: 'Energielabel F of G', count: 7 }],
      },
    ],
    warnings: [],
    features: [
      {
        type: 'Feature',
        id: props.vboId,
        geometry: { type: 'Point', coordinates: [4.4, 51.5] },
        properties: withSignals
          ? { ...props, nuisanceBand: '1-2', vacancyBand: '0 mnd', permitStatus: 'onbekend' }
          : props,
      },
    ],
  });

describe('acquisition panel', () => {
  it('has a Dutch text for every reason code', () => {
    for (const code of REASON_CODES) expect(reasonText(code)).not.toBe(code);
    expect(reasonText('onbekend.x')).toBe('onbekend.x');
  });

  it('summarises budget and selection in nl-NL', () => {
    expect(nbsp(budgetSummary(fc(true)))).toBe(
      'Budget € 1.500.000 · 10 woningen geselecteerd (€ 1.490.400) uit 2.967 kandidaten',
    );
  });

  it('states per zone the candidates, the share of the budget and why, in nl-NL', () => {
    expect(zoneLines(fc(true)).map(nbsp)).toEqual([
      "'t Oude Centrum (prioriteit 1): 0 kandidaten, 0 geselecteerd, € 0 = 0,0 % van het budget",
      'Kalsdonk (prioriteit 2): 12 kandidaten, 10 geselecteerd, € 1.490.400 = 99,4 % van het budget; waarom: Energielabel F of G (7)',
    ]);
  });

  it('names the ordinance in force and what its circles mean, only with signals', () => {
    const ordinance = {
      title: 'Huisvestingsverordening Roosendaal 2025',
      validFrom: '2025-11-01',
      validTo: '2029-10-31',
      versions: ['ordinance.distance-rule.radius-m@2025-11-01'],
      distanceRuleM: 50,
    };
    const withOrdinance = (signals: boolean) => ({ ...fc(signals), ordinance });
    expect(ordinanceNote(withOrdinance(true))).toBe(
      'Huisvestingsverordening Roosendaal 2025 (1 november 2025 t/m 31 oktober 2029) telt mee in de score; cirkels op de kaart: afstandscriterium van 50 m rond adressen met kamerverhuur.',
    );
    expect(ordinanceNote(withOrdinance(false))).toMatch(/telt mee in de score\.$/);
    expect(ordinanceNote(fc(true))).toMatch(/^Geen huisvestingsverordening/);
  });

  it('draws a radius in metres whatever the zoom (Web Mercator: pixels double per zoom level)', () => {
    const [, , , z0, r0, z22, r22] = metresRadius(50, 51.53) as [
      string,
      unknown,
      unknown,
      number,
      number,
      number,
      number,
    ];
    expect([z0, z22]).toEqual([0, 22]);
    expect(r22 / r0).toBe(2 ** 22);
    const metresPerPixelAt16 = (156_543.03392 * Math.cos((51.53 * Math.PI) / 180)) / 2 ** 16;
    // At zoom 16, 50 m is 50 / (m per px) pixels (MapLibre's 512-px tiles halve the 256-px figure).
    expect(r0 * 2 ** 16).toBeCloseTo((50 / metresPerPixelAt16) * 2, 6);
  });

  it('notes empty zones and whether signals count', () => {
    expect(acquisitionNotes(fc(false))).toEqual([
      "Zone 't Oude Centrum: geen kandidaten in deze dataset.",
      expect.stringMatching(/^Uw rol ziet geen signalen/),
    ]);
    expect(acquisitionNotes(fc(true))[1]).toMatch(/^Scores wegen signalen/);
  });

  it('shows signal bands in the popup only when the API sent them', () => {
    const labels = (f: ReturnType<typeof fc>) => candidatePopupRows(f.features[0]!.properties).map((r) => r.label);
    expect(labels(fc(true))).toContain('Overlastmeldingen (klasse)');
    expect(labels(fc(false))).not.toContain('Overlastmeldingen (klasse)');
    expect(nbsp(candidateLine(fc(false).features[0]!.properties).title)).toBe('1. Proeflaan 1 — score 66,1');
  });

  it('links the exports with a purpose', () => {
    expect(exportHref('csv')).toBe('/api/acquisition/export?format=csv&purpose=verwerving');
  });
});
