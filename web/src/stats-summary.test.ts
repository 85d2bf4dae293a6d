import { describe, expect, it } from 'vitest';
import type { StatsRow, StatsTable } from '../../engine/dwelling-stats.ts';
import { buurtSummaries, categoryTotals } from './stats-summary.ts';

const row = (buurt: string, ownership: string, count: number): StatsRow => ({
  key: { buurt, ownership },
  count,
  meanOppervlakte: 80,
  medianBouwjaar: 1970,
  shareLabelEFG: 0.3,
  shareLabelRegistered: 0.5,
});
const stats: StatsTable = {
  groupBy: ['buurt', 'ownership'],
  rows: [
    row('BU16740202', 'corporatie', 30),
    row('BU16740202', 'eigenaar-bewoner', 10),
    row('BU16740301', 'corporatie', 20),
    row('BU16740301', 'overig', 40),
  ],
  total: 100,
};
const names = new Map([
  ['BU16740202', 'Kalsdonk'],
  ['BU16740301', 'Herreweg'],
]);

describe('stats summary', () => {
  it('totals each category over the buurten, in legend order with zeros', () => {
    const t = categoryTotals(stats, 'ownership');
    expect(t.map((c) => [c.value, c.count])).toEqual([
      ['eigenaar-bewoner', 10],
      ['corporatie', 50],
      ['particuliere verhuur', 0],
      ['overig', 40],
    ]);
    expect(t[1]!.share).toBeCloseTo(0.5);
  });

  it('gives shares per buurt, buurten by name', () => {
    const s = buurtSummaries(stats, 'ownership', names);
    expect(s.map((b) => [b.buurtnaam, b.total])).toEqual([
      ['Herreweg', 60],
      ['Kalsdonk', 40],
    ]);
    const kalsdonk = s[1]!;
    expect(kalsdonk.categories.find((c) => c.value === 'corporatie')!.share).toBeCloseTo(0.75);
    expect(kalsdonk.categories.reduce((a, c) => a + c.share, 0)).toBeCloseTo(1);
  });

  it('shows the code of a buurt without a name', () => {
    expect(buurtSummaries(stats, 'ownership', new Map())[0]!.buurtnaam).toBe('BU16740202');
  });
});
