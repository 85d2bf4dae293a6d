import { describe, expect, it } from 'vitest';
import { handModel } from '../test-fixtures/plan-model.ts';
import { blockingLimits, checkSelection, emptyUsage } from './usage.ts';

describe('usage', () => {
  const m = handModel({
    seasons: 2,
    budget: 50,
    capDwellings: 3,
    yearCaps: [[2026, 30]],
    permitCap: 2,
    units: [
      { id: 'a', dwellings: 2, eur: 20, values: [5, 4], permit: 2 },
      { id: 'b', dwellings: 2, eur: 20, values: [5, 4], permit: 1 },
    ],
  });

  it('names every limit an option would break', () => {
    const { usage } = checkSelection(m, [m.options[0]!]);
    expect(blockingLimits(m, usage, m.options[2]!)).toEqual(['year-cap', 'capacity', 'permit-cap']);
    expect(blockingLimits(m, emptyUsage(m), m.options[2]!)).toEqual([]);
  });

  it('lists the violations of a selection', () => {
    expect(checkSelection(m, [m.options[0]!]).violations).toEqual([]);
    expect(checkSelection(m, [m.options[0]!, m.options[2]!]).violations).toEqual([
      'year cap 2026: 40 > 30',
      'capacity 2026-voorjaar: 4 dwellings > 3',
      'permit cap landelijke-lijn-nvi BU16740202 2026-05-17…2027-05-16: 3 > 2',
    ]);
    expect(checkSelection(m, [m.options[0]!, m.options[1]!]).violations[0]).toBe('unit a chosen twice');
  });
});
