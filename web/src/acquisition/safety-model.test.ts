import { describe, expect, it } from 'vitest';
import {
  SafetyCollection,
  controlledText,
  safetyClassOf,
  safetyClasses,
  safetyNote,
  safetyRows,
} from './safety-model.ts';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const fc = SafetyCollection.parse({
  type: 'FeatureCollection',
  synthetic: true,
  signalSource: 'synthetic',
  window: { from: '2024-01-01', to: '2024-12-31' },
  disclosureControl: { minCount: 10, roundTo: 5, minDenominator: 50 },
  vacancyMonthsThreshold: 6,
  features: [
    {
      type: 'Feature',
      id: 'BU16740202',
      geometry: { type: 'Polygon', coordinates: [] },
      properties: {
        buurtcode: 'BU16740202',
        buurtnaam: 'Kalsdonk',
        dwellings: 1751,
        nuisanceAddresses: 105,
        vacantAddresses: null,
        roomLettingAddresses: 20,
        nuisanceRate: 0.06,
        vacancyRate: null,
        roomLettingRate: 0.0114,
      },
    },
    {
      type: 'Feature',
      id: 'BU16740000',
      geometry: { type: 'Polygon', coordinates: [] },
      properties: {
        buurtcode: 'BU16740000',
        buurtnaam: 'Centrum-Oud',
        dwellings: 0,
        nuisanceAddresses: null,
        vacantAddresses: null,
        roomLettingAddresses: null,
        nuisanceRate: null,
        vacancyRate: null,
        roomLettingRate: null,
      },
    },
  ],
});

describe('safety panel', () => {
  it('shows suppressed counts as "< 10" and rates only where published', () => {
    expect(controlledText(null, null, 10)).toBe('< 10');
    expect(nbsp(controlledText(105, 0.06, 10))).toBe('105 (6,0%)');
    expect(controlledText(15, null, 10)).toBe('15');
  });

  it('lists buurten with dwellings, in Dutch', () => {
    const rows = safetyRows(fc);
    expect(rows.map((r) => r.buurtnaam)).toEqual(['Kalsdonk']);
    expect(rows[0]!.lines.map((l) => [l.label, nbsp(l.value)])).toEqual([
      ['Adressen met overlastmeldingen', '105 (6,0%)'],
      ['Langdurige leegstand (6+ mnd)', '< 10'],
      ['Kamerverhuur (vergunning)', '20 (1,1%)'],
    ]);
  });

  it('explains the disclosure control and marks synthetic signals', () => {
    const note = safetyNote(fc);
    expect(note).toMatch(/^Synthetische signalen/);
    expect(note).toContain('1 januari 2024 t/m 31 december 2024');
    expect(note).toContain('onder 10');
  });
});

describe('safety classes', () => {
  const withRates = (rates: (number | null)[]) =>
    SafetyCollection.parse({
      ...fc,
      features: rates.map((r, i) => ({
        ...fc.features[0]!,
        id: `BU${i}`,
        properties: { ...fc.features[0]!.properties, buurtcode: `BU${i}`, nuisanceRate: r },
      })),
    });

  it('fits the class bounds to the published rates, as displayed', () => {
    const classes = safetyClasses(withRates([0.021, 0.0596, 0.03, 0.045, 0.07, 0.08, 0.1, null]));
    expect(classes.map((c) => c.from)).toEqual([0.021, 0.03, 0.06, 0.08]);
    expect(nbsp(classes[0]!.label)).toBe('2,1% – 3,0%');
    expect(nbsp(classes.at(-1)!.label)).toBe('8,0% of meer');
    expect(new Set(classes.map((c) => c.color)).size).toBe(4);
  });

  it('classes a rate on the value the panel shows: 5,96 % reads "6,0%" and sits in the class from 6,0 %', () => {
    const classes = safetyClasses(withRates([0.021, 0.0596, 0.03, 0.045, 0.07, 0.08, 0.1]));
    expect(nbsp(controlledText(105, 0.0596, 10))).toBe('105 (6,0%)');
    expect(safetyClassOf(classes, 0.0596)).toBe(2);
    expect(safetyClassOf(classes, 0.0594)).toBe(1);
    expect(safetyClassOf(classes, null)).toBe(-1);
  });
});
