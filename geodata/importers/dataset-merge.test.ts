import { describe, expect, it } from 'vitest';
import { baseDataset } from '../../test/fixtures/importers/base-dataset.ts';
import { recordImport, REGISTERED_DATASET_NAME, SourceBook, updateMeta, upsertByKey } from './dataset-merge.ts';

describe('merging imports into a dataset', () => {
  it('replaces by key in place and appends new records in the given order', () => {
    const out = upsertByKey(
      [
        { k: 'a', v: 1 },
        { k: 'b', v: 1 },
      ],
      [
        { k: 'c', v: 2 },
        { k: 'a', v: 2 },
      ],
      (x) => x.k,
    );
    expect(out).toEqual([
      { k: 'a', v: 2 },
      { k: 'b', v: 1 },
      { k: 'c', v: 2 },
    ]);
  });

  it('never lets an estimate overwrite a registered attribute', () => {
    const book = new SourceBook();
    const e = { subject: '1674010000000001', attribute: 'type' as const, dataDate: '2025-01-01' };
    expect(book.set({ ...e, provenance: 'registered', source: 'EP-Online' })).toBe(true);
    expect(book.set({ ...e, provenance: 'imputed', source: 'regel' })).toBe(false);
    expect(book.get(e.subject, 'type')?.source).toBe('EP-Online');
    book.retain(new Set());
    expect(book.list()).toEqual([]);
  });

  it('keeps the synthetic flag while synthetic records remain, and clears seed, generator and note after', () => {
    const ds = baseDataset();
    updateMeta(ds, 'eponline', '2025-02-01');
    expect(ds.meta).toMatchObject({ synthetic: true, seed: 1, dataDate: '2025-02-01' });
    expect(ds.meta.attribution).toContain('Energielabels: RVO EP-Online (open data)');
    ds.dwellings = ds.dwellings.map((d) => ({ ...d, provenance: 'registered' }));
    ds.buildings = [];
    ds.vves = [];
    updateMeta(ds, 'signals', '2024-01-01');
    expect(ds.meta).toMatchObject({
      synthetic: false,
      seed: null,
      generator: null,
      name: REGISTERED_DATASET_NAME,
      dataDate: '2025-02-01',
    });
    expect(ds.meta.attribution.some((a) => a.startsWith('Synthetische'))).toBe(false);
    expect(ds.meta.attribution.join()).not.toMatch(/signal/i);
  });

  it('logs a re-imported file once', () => {
    const ds = baseDataset();
    const entry = {
      kind: 'bag' as const,
      source: 'a.gpkg',
      sha256: 'a'.repeat(64),
      dataDate: '2025-01-01',
      read: 1,
      accepted: 1,
      rejected: 0,
    };
    recordImport(ds, entry);
    recordImport(ds, { ...entry, source: 'b.gpkg', sha256: 'b'.repeat(64) });
    recordImport(ds, entry);
    expect(ds.imports!.map((e) => e.source)).toEqual(['a.gpkg', 'b.gpkg']);
  });
});
