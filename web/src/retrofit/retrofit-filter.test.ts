import { describe, expect, it } from 'vitest';
import { expression, featureFilter } from '@maplibre/maplibre-gl-style-spec';
import type { RetrofitMapColumns } from '../../../engine/retrofit/map-columns.ts';
import {
  buurtPriorities,
  filterExpression,
  filterPredicate,
  isFiltered,
  layerCounts,
  NO_FILTER,
} from './retrofit-filter.ts';

// Four dwellings: ownership eigenaar-bewoner(0)/corporatie(1), types tussenwoning(0)/portiek(4), two buurten.
const cols: RetrofitMapColumns = {
  count: 4,
  vboId: ['1674010000000001', '1674010000000002', '1674010000000003', '1674010000000004'],
  buurtCodes: ['BU16740202', 'BU16740300'],
  buurt: Uint16Array.of(0, 0, 1, 1),
  ownership: Uint8Array.of(0, 1, 1, 0),
  type: Uint8Array.of(0, 4, 4, 0),
  priority: Float32Array.of(12, 55.04, 55.06, 91),
  labelAfter: Uint8Array.of(3, 3, 5, 10),
  riskScore: Float32Array.of(0.1, 0.5, 0.9, 0.3),
  route: Uint8Array.of(0, 1, 1, 2),
};
const tileProps = (i: number): Record<string, string> => ({
  buurtcode: cols.buurtCodes[cols.buurt[i]!]!,
  ownership: ['eigenaar-bewoner', 'corporatie'][cols.ownership[i]!]!,
  type: ['tussenwoning', '', '', '', 'portiek'][cols.type[i]!]!,
});

describe('retrofit filters', () => {
  it('are no layer filter when nothing is filtered', () => {
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(filterExpression(NO_FILTER)).toBeNull();
    expect(layerCounts('route', cols, NO_FILTER)).toEqual({ perClass: [1, 2, 1], shown: 4, total: 4 });
  });

  it('select the same dwellings on the map (tile properties) as in the legend counts (columns)', () => {
    const cases = [
      { ...NO_FILTER, ownership: ['corporatie'] },
      { ...NO_FILTER, buurt: ['BU16740300'], type: ['tussenwoning'] },
      { ownership: ['eigenaar-bewoner', 'corporatie'], buurt: ['BU16740202'], type: ['portiek'] },
      { ...NO_FILTER, type: [] },
    ];
    for (const f of cases) {
      const spec = filterExpression(f);
      expect(spec).not.toBeNull();
      expect(expression.isExpression(spec)).toBe(true);
      const onMap = featureFilter(spec!, 'layers[0].filter');
      const pass = filterPredicate(f, cols);
      for (let i = 0; i < cols.count; i++) {
        expect(onMap.filter({ zoom: 14 } as never, { type: 1, properties: tileProps(i) } as never)).toBe(pass(i));
      }
    }
  });

  it('count the classes of the dwellings that pass', () => {
    const corp = { ...NO_FILTER, ownership: ['corporatie'] };
    expect(layerCounts('priority', cols, corp)).toEqual({
      perClass: [0, 0, 0, 0, 0, 2, 0, 0, 0, 0],
      shown: 2,
      total: 4,
    });
    expect(layerCounts('risk', cols, corp).perClass).toEqual([0, 0, 1, 0, 1]);
    expect(layerCounts('labelAfter', cols, NO_FILTER).perClass).toEqual([0, 0, 0, 2, 0, 1, 0, 0, 0, 0, 1]);
    expect(layerCounts('route', cols, { ...NO_FILTER, buurt: [] })).toEqual({
      perClass: [0, 0, 0],
      shown: 0,
      total: 4,
    });
  });

  it('give the mean priority per buurt, leaving out buurten without dwellings', () => {
    const rows = buurtPriorities(cols, NO_FILTER);
    expect(rows.map((r) => [r.buurtcode, r.count])).toEqual([
      ['BU16740202', 2],
      ['BU16740300', 2],
    ]);
    expect(rows[0]!.meanPriority).toBeCloseTo((12 + 55.04) / 2, 4);
    expect(buurtPriorities(cols, { ...NO_FILTER, buurt: ['BU16740300'] }).map((r) => r.buurtcode)).toEqual([
      'BU16740300',
    ]);
  });
});
