import { describe, expect, it } from 'vitest';
import { fiveUnitModel as model } from '../test-fixtures/plan-model.ts';
import { buildMip, chosenOptions, mipToLp, startVector } from './mip.ts';

describe('buildMip', () => {
  it('has a column per unit option and a row per limit', () => {
    const m = model();
    const mip = buildMip(m);
    expect(mip.numCols).toBe(m.options.length);
    expect(mip.rows.map((r) => r.name)).toEqual(
      [
        'unit:a',
        'unit:b',
        'unit:c',
        'unit:d',
        'unit:e',
        'budget',
        'year:2027',
        'dwellings:2026-voorjaar',
        'dwellings:2026-najaar',
        'dwellings:2027-voorjaar',
        'crew-weeks:2026-voorjaar',
        'crew-weeks:2026-najaar',
        'crew-weeks:2027-voorjaar',
        'permit:landelijke-lijn-nvi:BU16740202:0',
      ].filter((n) => !n.startsWith('crew-weeks')),
    );
    const budget = mip.rows.find((r) => r.name === 'budget')!;
    expect(budget.upper).toBe(100);
    expect(budget.values).toEqual(m.options.map((o) => m.units[o.unit]!.contributionEur));
    expect(mipToLp(mip)).toMatch(/^Maximize\n obj: 90 x0 \+ 80 x1/);
  });

  it('turns a selection into a start vector and back', () => {
    const m = model();
    const pick = [m.options[0]!, m.options[5]!];
    expect(chosenOptions(m, startVector(m, pick))).toEqual(pick);
  });
});
