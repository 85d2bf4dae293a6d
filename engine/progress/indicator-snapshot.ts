import { z } from 'zod';
import type { Dataset } from '../dataset.ts';
import { BuurtCode, DWELLING_TYPES, IsoDate, OWNERSHIP_CATEGORIES } from '../dwelling.ts';

/**
 * Dataset snapshots of outcome indicators: each import (and `voorraad snapshot`) keeps a dated copy of counts per
 * buurt — dwellings, labels E–G, dwellings per tenure and per type — so the change of the stock of Kalsdonk and
 * Westrand can be followed across snapshots. Only counts per fixed CBS buurt are kept, never a dwelling, an
 * address or an owner: a snapshot is not personal data. Counts, not shares, so any share can be recomputed and
 * summed over a programme area without averaging averages.
 */
export const SNAPSHOT_INDICATORS = ['woningen', 'label-efg', 'eigendom', 'type'] as const;
export type SnapshotIndicator = (typeof SNAPSHOT_INDICATORS)[number];

/** What made the snapshot: an import of a register kind, or a manual `voorraad snapshot`. */
export const SnapshotTrigger = z.string().regex(/^(import:[a-z-]+|handmatig)$/, 'import:<kind> or handmatig');

/**
 * One count of one snapshot; `category` names the tenure or type for `eigendom`/`type`, and for `label-efg` the tenure
 * ('' = all dwellings), so the corporations' label agreement can be followed on their own stock.
 */
export const IndicatorSnapshotRow = z.object({
  snapshotId: z.string().min(1).max(80),
  /** Date the snapshot describes: the dataset's data date for an import, the chosen date for a manual one. */
  takenOn: IsoDate,
  trigger: SnapshotTrigger,
  buurtcode: BuurtCode,
  indicator: z.enum(SNAPSHOT_INDICATORS),
  category: z.string().max(40),
  count: z.number().int().min(0),
});
export type IndicatorSnapshotRow = z.infer<typeof IndicatorSnapshotRow>;

export interface SnapshotOptions {
  snapshotId: string;
  takenOn: string;
  trigger: string;
}

const LABEL_EFG = new Set(['E', 'F', 'G']);

/** The snapshot rows of a dataset, per buurt in the dataset's buurt order (buurten without dwellings left out). */
export function takeIndicatorSnapshot(
  ds: Pick<Dataset, 'buurten' | 'dwellings'>,
  o: SnapshotOptions,
): IndicatorSnapshotRow[] {
  type Counts = {
    n: number;
    efg: number;
    own: Map<string, number>;
    ownEfg: Map<string, number>;
    type: Map<string, number>;
  };
  const per = new Map<string, Counts>();
  for (const d of ds.dwellings) {
    let c = per.get(d.buurtcode);
    if (!c) per.set(d.buurtcode, (c = { n: 0, efg: 0, own: new Map(), ownEfg: new Map(), type: new Map() }));
    c.n++;
    if (LABEL_EFG.has(d.energyLabel.label)) {
      c.efg++;
      c.ownEfg.set(d.ownership, (c.ownEfg.get(d.ownership) ?? 0) + 1);
    }
    c.own.set(d.ownership, (c.own.get(d.ownership) ?? 0) + 1);
    c.type.set(d.type, (c.type.get(d.type) ?? 0) + 1);
  }
  const rows: IndicatorSnapshotRow[] = [];
  const row = (buurtcode: string, indicator: SnapshotIndicator, category: string, count: number) =>
    rows.push({ ...o, buurtcode, indicator, category, count });
  for (const b of ds.buurten) {
    const c = per.get(b.buurtcode);
    if (!c) continue;
    row(b.buurtcode, 'woningen', '', c.n);
    row(b.buurtcode, 'label-efg', '', c.efg);
    for (const k of OWNERSHIP_CATEGORIES) row(b.buurtcode, 'label-efg', k, c.ownEfg.get(k) ?? 0);
    for (const k of OWNERSHIP_CATEGORIES) row(b.buurtcode, 'eigendom', k, c.own.get(k) ?? 0);
    for (const k of DWELLING_TYPES) row(b.buurtcode, 'type', k, c.type.get(k) ?? 0);
  }
  return rows;
}

/**
 * Adds a snapshot to the stored ones: a snapshot with the same id replaces the old one in place (so importing
 * the same file again, or a second manual snapshot on one day, changes nothing else), a new one is appended.
 */
export function addSnapshot(
  stored: readonly IndicatorSnapshotRow[],
  snapshot: readonly IndicatorSnapshotRow[],
): IndicatorSnapshotRow[] {
  const id = snapshot[0]?.snapshotId;
  if (id === undefined) return [...stored];
  const at = stored.findIndex((r) => r.snapshotId === id);
  if (at < 0) return [...stored, ...snapshot];
  const rest = stored.filter((r) => r.snapshotId !== id);
  return [...rest.slice(0, at), ...snapshot, ...rest.slice(at)];
}

/** One snapshot's counts for one area (a buurt or the sum of several). */
export interface SnapshotPoint {
  snapshotId: string;
  takenOn: string;
  trigger: string;
  dwellings: number;
  labelEfg: number;
  /** Labels E–G per tenure. */
  labelEfgByOwnership: Record<string, number>;
  ownership: Record<string, number>;
  type: Record<string, number>;
}

/**
 * Per snapshot (oldest date first; same date in stored order) the summed counts over the given buurten; a
 * snapshot that has none of them is left out.
 */
export function snapshotSeries(rows: readonly IndicatorSnapshotRow[], buurten: readonly string[]): SnapshotPoint[] {
  const want = new Set(buurten);
  const points = new Map<string, SnapshotPoint>();
  for (const r of rows) {
    if (!want.has(r.buurtcode)) continue;
    let p = points.get(r.snapshotId);
    if (!p)
      points.set(
        r.snapshotId,
        (p = {
          snapshotId: r.snapshotId,
          takenOn: r.takenOn,
          trigger: r.trigger,
          dwellings: 0,
          labelEfg: 0,
          labelEfgByOwnership: {},
          ownership: {},
          type: {},
        }),
      );
    if (r.indicator === 'woningen') p.dwellings += r.count;
    else if (r.indicator === 'label-efg' && r.category === '') p.labelEfg += r.count;
    else {
      const m = r.indicator === 'label-efg' ? p.labelEfgByOwnership : r.indicator === 'eigendom' ? p.ownership : p.type;
      m[r.category] = (m[r.category] ?? 0) + r.count;
    }
  }
  return [...points.values()].sort((a, b) => (a.takenOn < b.takenOn ? -1 : a.takenOn > b.takenOn ? 1 : 0));
}

/** A share with its denominator guarded: null for an area without dwellings. */
export const shareOf = (count: number, total: number): number | null => (total > 0 ? count / total : null);
