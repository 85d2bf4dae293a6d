import { describe, expect, it } from 'vitest';
import { smallScores } from '../test-fixtures/small-scores.ts';
import { DwellingScoreSchema } from './retrofit-schemas.ts';
import { ranked, scoresAsGeoJson } from './scores-export.ts';
import { OWNERSHIP_NL } from '../labels-nl.ts';

const { ds, rows } = smallScores();

describe('dwelling scores as JSON rows', () => {
  it('validate against the API schema', () => {
    for (const d of rows) DwellingScoreSchema.parse(d);
    expect(rows[0]!.location).toEqual(ds.dwellings[0]!.location);
  });
});

describe('exports', () => {
  it('rank by priority, highest first', () => {
    const p = ranked(rows).map((d) => d.priority);
    expect(p).toEqual([...p].sort((a, b) => b - a));
  });
  it('GeoJSON: points with flat properties and the synthetic mark', () => {
    const fc = scoresAsGeoJson(rows, true);
    expect(fc.features).toHaveLength(rows.length);
    expect(fc.features[0]).toMatchObject({
      type: 'Feature',
      geometry: { type: 'Point' },
      properties: { rank: 1, synthetic: true },
    });
  });
  it('GeoJSON: names types and tenures in Dutch from engine/labels-nl.ts beside the stored codes', () => {
    const props = scoresAsGeoJson(rows, true).features.map(
      (f) => (f as { properties: Record<string, unknown> }).properties,
    );
    const portiek = props.find((p) => p.type === 'portiek');
    expect(portiek).toMatchObject({ woningtype: 'portiekflat' });
    for (const p of props) expect(p.eigendom).toBe(OWNERSHIP_NL[p.ownership as keyof typeof OWNERSHIP_NL]);
  });
});
