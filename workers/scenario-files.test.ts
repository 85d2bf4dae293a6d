import { describe, expect, it } from 'vitest';
import { toColumns } from '../engine/dwelling-table.ts';
import { smallDataset } from '../engine/test-fixtures/small-dataset.ts';
import { referencedBuurten, scenarioDataset } from './scenario-files.ts';

describe('referencedBuurten', () => {
  it('finds buurt codes and programme areas named anywhere in a scenario, beyond the housing-mix buurten', () => {
    const scenario = {
      interventions: [{ area: 'Centrum-Oud' }, { area: 'Kalsdonk' }],
      targets: [{ area: 'BU16740501', nested: ['BU16740202'] }],
    };
    expect(referencedBuurten(scenario).sort()).toEqual(['BU16740000', 'BU16740501']);
    expect(referencedBuurten({ interventions: [{ area: 'Westrand' }] })).toEqual([]);
  });
});

describe('scenarioDataset', () => {
  it("carries the portfolio register's rents into the stock; dwellings without one are left to be imputed", () => {
    const ds = smallDataset();
    const [a, b] = ds.dwellings.filter((d) => d.ownership === 'corporatie');
    const entry = { corporation: 'Alwel', complexCode: null, label: null, plannedMaintenanceYear: null };
    ds.portfolio = [
      { ...entry, vheNumber: '1', vboId: a!.vboId, rentEur: 612.5, dataDate: '2025-06-30' },
      { ...entry, vheNumber: '2', vboId: b!.vboId, rentEur: null, dataDate: '2025-06-30' },
    ];
    const { stock } = scenarioDataset(ds, toColumns(ds.dwellings));
    const rentOf = (vboId: string) => stock.rent[stock.vboId.indexOf(vboId)];
    expect(rentOf(a!.vboId)).toBe(612.5);
    expect(rentOf(b!.vboId)).toBeNaN();
    expect([...stock.rent].filter((r) => !Number.isNaN(r))).toEqual([612.5]);
  });
});
