import type { StatsTable } from '../../engine/dwelling-stats.ts';
import { ATTRIBUTE_STYLES, type AttributeId, type Category } from './attribute-styles.ts';

export interface CategoryCount extends Category {
  count: number;
  /** Share of the group's dwellings (0–1). */
  share: number;
}

export interface BuurtSummary {
  buurtcode: string;
  buurtnaam: string;
  total: number;
  /** Every category of the attribute, in legend order, zero counts included. */
  categories: CategoryCount[];
}

function withShares(id: AttributeId, counts: ReadonlyMap<string, number>, total: number): CategoryCount[] {
  return ATTRIBUTE_STYLES[id].categories.map((c) => {
    const count = counts.get(c.value) ?? 0;
    return { ...c, count, share: total > 0 ? count / total : 0 };
  });
}

/** Dwellings per category of the attribute over all buurten of a stats table grouped by (buurt, attribute). */
export function categoryTotals(stats: StatsTable, id: AttributeId): CategoryCount[] {
  const field = ATTRIBUTE_STYLES[id].statsField;
  const counts = new Map<string, number>();
  for (const r of stats.rows) {
    const v = r.key[field];
    if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + r.count);
  }
  return withShares(id, counts, stats.total);
}

/** Per buurt: total dwellings and the share of each category, buurten sorted by name. */
export function buurtSummaries(
  stats: StatsTable,
  id: AttributeId,
  buurtNames: ReadonlyMap<string, string>,
): BuurtSummary[] {
  const field = ATTRIBUTE_STYLES[id].statsField;
  const perBuurt = new Map<string, Map<string, number>>();
  for (const r of stats.rows) {
    const b = r.key.buurt;
    const v = r.key[field];
    if (b === undefined || v === undefined) continue;
    let m = perBuurt.get(b);
    if (!m) perBuurt.set(b, (m = new Map()));
    m.set(v, (m.get(v) ?? 0) + r.count);
  }
  const out = [...perBuurt].map(([code, counts]) => {
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    return {
      buurtcode: code,
      buurtnaam: buurtNames.get(code) ?? code,
      total,
      categories: withShares(id, counts, total),
    };
  });
  return out.sort((a, b) => a.buurtnaam.localeCompare(b.buurtnaam, 'nl'));
}
