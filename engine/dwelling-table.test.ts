import { describe, expect, it } from 'vitest';
import { smallDataset } from './test-fixtures/small-dataset.ts';
import { columnBuffers, toColumns } from './dwelling-table.ts';
import { columnsFromJson, columnsToJson } from './dwelling-table-json.ts';

describe('toColumns', () => {
  const ds = smallDataset();
  const t = toColumns(ds.dwellings);

  it('keeps order and encodes categories as indexes', () => {
    expect(t.count).toBe(6);
    expect(t.vboId[0]).toBe(ds.dwellings[0]!.vboId);
    expect(t.buurtCodes).toEqual(['BU16740202', 'BU16740300']);
    expect(Array.from(t.buurt)).toEqual([0, 0, 0, 0, 1, 1]);
    expect(Array.from(t.vve)).toEqual([-1, -1, 0, 0, -1, -1]);
    expect(t.elementsKnown[0]).toBe(4); // only floor is known
    expect(t.lon[2]).toBeCloseTo(ds.dwellings[2]!.location[0], 12);
  });

  it('lists each typed array buffer once for transfer', () => {
    expect(columnBuffers(t)).toHaveLength(18);
  });

  it('round-trips through JSON', () => {
    const back = columnsFromJson(JSON.parse(JSON.stringify(columnsToJson(t))));
    expect(back).toEqual(t);
    expect(back.oppervlakte).toBeInstanceOf(Float32Array);
  });

  it('rejects a malformed JSON table naming the column', () => {
    const json = columnsToJson(t) as unknown as Record<string, unknown>;
    expect(() => columnsFromJson({ ...json, label: [1, 2] })).toThrow(/"label" must be an array of 6 numbers/);
    expect(() => columnsFromJson({ ...json, count: -1 })).toThrow(/"count"/);
    expect(() => columnsFromJson(null)).toThrow(/JSON object/);
  });

  it('throws on an unknown category (a bug, records are validated before)', () => {
    const bad = { ...ds.dwellings[0]!, type: 'woonboot' } as unknown as (typeof ds.dwellings)[number];
    expect(() => toColumns([bad])).toThrow(/unknown type value "woonboot"/);
  });
});
