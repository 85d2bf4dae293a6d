import { describe, expect, it } from 'vitest';
import { SCENARIO_SUMMARY } from '../../../engine/test-fixtures/scenario-summary.ts';
import { interventionMap, renderSheet, type SheetBlock } from './sheet-render.ts';

const square = (id: string, x: number): SheetBlock => ({
  id,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, 51.5],
        [x + 0.001, 51.5],
        [x + 0.001, 51.501],
        [x, 51.501],
        [x, 51.5],
      ],
    ],
  },
});
const blocks = [square('B1', 4.44), square('B2', 4.442), square('B3', 4.45)];
const baseline = SCENARIO_SUMMARY;
const result = {
  ...SCENARIO_SUMMARY,
  series: {
    BU16740202: {
      'share-corporation': { ...SCENARIO_SUMMARY.series.BU16740202!['share-corporation']!, p50: [0.55, 0.31] },
    },
  },
};

describe('gebiedsvisie sheet', () => {
  it('draws the drawn blocks in their intervention colour, others as context', () => {
    const svg = interventionMap({
      interventions: [{ id: 'a', kind: 'sale', area: 'Kalsdonk', blocks: ['B1', 'B2'] }],
      blocks,
    });
    expect(svg.match(/fill="#e6550d"/g)).toHaveLength(2);
    expect(svg).not.toContain('fill="#f0f0f0"'); // B3 lies outside the frame of the drawn blocks
    expect(interventionMap({ interventions: [], blocks })).toContain('Geen blokken getekend');
  });

  it('prints the version, the indicators against the baseline and the targets with their probability', () => {
    const html = renderSheet({
      version: {
        id: 4,
        name: 'Verkoop <Kalsdonk>',
        author: 'planner',
        createdAt: '2026-12-08T09:30:00Z',
        note: 'tweede schets',
        parentId: 3,
      },
      synthetic: true,
      interventions: [{ id: 'tekening-1-sale', kind: 'sale', area: 'Kalsdonk', blocks: ['B1'], count: 12 }],
      blocks,
      baseline,
      result,
      area: 'BU16740202',
      years: [2026],
    });
    expect(html).toContain('Gebiedsvisie: Verkoop &lt;Kalsdonk&gt;');
    expect(html).toContain('Versie 4 (afgeleid van versie 3) · planner · 8-12-2026, 10:30:00 · tweede schets');
    expect(html).toContain('Synthetische gegevens');
    expect(html).toMatch(/<td>Corporatiebezit<\/td><td>2026<\/td><td>40,0\s?%<\/td><td>31,0\s?%<\/td>/);
    expect(html).toContain('<td>93 % (nodig 80 %)</td><td>gehaald</td>');
    expect(html).toContain('niet gehaald');
  });
});
