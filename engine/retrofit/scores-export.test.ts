import { describe, expect, it } from 'vitest';
import { toColumns } from '../dwelling-table.ts';
import { smallDataset } from '../test-fixtures/small-dataset.ts';
import { DwellingScoreSchema } from './retrofit-schemas.ts';
import { ranked, scoresAsCsv, scoresAsGeoJson } from './scores-export.ts';
import { createRetrofitSession } from './session.ts';
import { retrofitContext } from './stock.ts';

const ds = smallDataset();
const table = toColumns(ds.dwellings);
const session = createRetrofitSession({ table: () => table, now: () => 0 });
session.loadContext(retrofitContext(ds, table.buurtCodes));
const r = session.scores({});
if (!r.ok) throw new Error('not scored');
const rows = r.value.dwellings;

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
  it('CSV for Dutch Excel: BOM, `;`, decimal comma, CRLF, synthetic column, quoting', () => {
    const csv = scoresAsCsv(rows, true);
    expect(csv.startsWith('\uFEFFrang;vbo_id;')).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(rows.length + 2);
    expect(lines[1]!.split(';')).toHaveLength(lines[0]!.split(';').length);
    expect(lines[1]).toMatch(/;\d+,\d+;/);
    expect(lines[1]!.endsWith(';ja')).toBe(true);
    expect(scoresAsCsv(rows, false).split('\r\n')[1]!.endsWith(';nee')).toBe(true);
    expect(csv).not.toMatch(/\d\.\d/);
  });
  it('GeoJSON: points with flat properties and the synthetic mark', () => {
    const fc = scoresAsGeoJson(rows, true);
    expect(fc.features).toHaveLength(rows.length);
    expect(fc.features[0]).toMatchObject({ type: 'Feature', geometry: { type: 'Point' }, properties: { rank: 1, synthetic: true } });
  });
});
