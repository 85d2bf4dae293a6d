import { describe, expect, it } from 'vitest';
import { smallScores } from '../test-fixtures/small-scores.ts';
import { DwellingScoreSchema } from './retrofit-schemas.ts';
import { ranked, scoresAsGeoJson } from './scores-export.ts';

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
});
