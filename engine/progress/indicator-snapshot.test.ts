import { describe, expect, it } from 'vitest';
import { smallDataset } from '../test-fixtures/small-dataset.ts';
import {
  IndicatorSnapshotRow,
  addSnapshot,
  shareOf,
  snapshotSeries,
  takeIndicatorSnapshot,
} from './indicator-snapshot.ts';

const opts = (id: string, takenOn: string) => ({ snapshotId: id, takenOn, trigger: 'handmatig' });

describe('indicator snapshots', () => {
  it('counts dwellings, labels E–G, tenure and type per buurt, and nothing per dwelling', () => {
    const rows = takeIndicatorSnapshot(smallDataset(), opts('s1', '2025-01-01'));
    for (const r of rows) expect(IndicatorSnapshotRow.parse(r)).toEqual(r);
    const get = (b: string, i: string, c = '') =>
      rows.find((r) => r.buurtcode === b && r.indicator === i && r.category === c)?.count;
    expect(get('BU16740202', 'woningen')).toBe(4);
    expect(get('BU16740202', 'label-efg')).toBe(3);
    expect(get('BU16740202', 'eigendom', 'corporatie')).toBe(2);
    expect(get('BU16740202', 'type', 'portiek')).toBe(2);
    expect(get('BU16740300', 'label-efg')).toBe(0);
    expect(get('BU16740202', 'label-efg', 'corporatie')).toBe(2);
    expect(get('BU16740202', 'label-efg', 'eigenaar-bewoner')).toBe(1);
    expect(get('BU16740300', 'eigendom', 'particuliere verhuur')).toBe(1);
    // No column can hold a dwelling id or an address.
    expect(Object.keys(rows[0]!).sort()).toEqual(
      ['buurtcode', 'category', 'count', 'indicator', 'snapshotId', 'takenOn', 'trigger'].sort(),
    );
  });

  it('replaces a snapshot with the same id in place and appends a new one', () => {
    const ds = smallDataset();
    const a = takeIndicatorSnapshot(ds, opts('a', '2025-01-01'));
    const b = takeIndicatorSnapshot(ds, opts('b', '2025-06-01'));
    const stored = addSnapshot(a, b);
    expect(addSnapshot(stored, takeIndicatorSnapshot(ds, opts('a', '2025-01-01')))).toEqual(stored);
    ds.dwellings[0]!.energyLabel.label = 'B';
    const again = addSnapshot(stored, takeIndicatorSnapshot(ds, opts('a', '2025-01-01')));
    expect(again.length).toBe(stored.length);
    expect(again[0]!.snapshotId).toBe('a');
    expect(
      again.find((r) => r.snapshotId === 'a' && r.indicator === 'label-efg' && r.buurtcode === 'BU16740202')!.count,
    ).toBe(2);
  });

  it('sums the buurten of an area per snapshot, oldest first', () => {
    const ds = smallDataset();
    const later = takeIndicatorSnapshot(ds, opts('later', '2026-01-01'));
    ds.dwellings[2]!.energyLabel.label = 'C';
    const earlier = takeIndicatorSnapshot(ds, opts('earlier', '2025-01-01'));
    const s = snapshotSeries([...later, ...earlier], ['BU16740202', 'BU16740300']);
    expect(s.map((p) => p.snapshotId)).toEqual(['earlier', 'later']);
    expect(s.map((p) => p.labelEfg)).toEqual([2, 3]);
    expect(s[1]!.dwellings).toBe(6);
    expect(s[1]!.ownership.corporatie).toBe(3);
    expect(s.map((p) => p.labelEfgByOwnership.corporatie)).toEqual([1, 2]);
    expect(snapshotSeries(later, ['BU99999999'])).toEqual([]);
    expect(shareOf(3, 6)).toBe(0.5);
    expect(shareOf(0, 0)).toBeNull();
  });
});
