import type { Dataset } from '../engine/dataset.ts';
import { dwellingStats } from '../engine/dwelling-stats.ts';
import { toColumns } from '../engine/dwelling-table.ts';
import { compare, type BenchFigure } from './measure.ts';

/** Per-buurt statistics on the columnar table against the same figures from the record objects. */
export async function benchBuurtStats(ds: Dataset): Promise<BenchFigure> {
  const t = toColumns(ds.dwellings);
  const rowWise = () => {
    const groups = new Map<string, { n: number; area: number; efg: number; reg: number; years: number[] }>();
    for (const d of ds.dwellings) {
      let g = groups.get(d.buurtcode);
      if (!g) groups.set(d.buurtcode, (g = { n: 0, area: 0, efg: 0, reg: 0, years: [] }));
      g.n++;
      g.area += d.oppervlakte;
      if (['E', 'F', 'G'].includes(d.energyLabel.label)) g.efg++;
      if (d.energyLabel.source === 'registered') g.reg++;
      g.years.push(d.bouwjaar);
    }
    for (const g of groups.values()) g.years.sort((a, b) => a - b);
    return groups;
  };
  return compare(
    'per-buurt statistics, columnar table',
    () => dwellingStats(t, ['buurt']),
    'same figures from record objects',
    rowWise,
    21,
    { dwellings: t.count },
  );
}
