import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataset, writeDataset } from '../geodata/dataset-store.ts';
import { generateShipped } from '../geodata/shipped.ts';
import { SHIPPED_SEED } from '../geodata/shipped-seed.ts';

const dir = mkdtempSync(join(tmpdir(), 'voorraad-shipped-'));
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

describe('shipped synthetic dataset', () => {
  const ds = generateShipped(SHIPPED_SEED);
  const a = join(dir, 'a.gpkg');
  writeDataset(a, ds);

  it('is byte-identical for the same seed and differs for another seed', () => {
    const b = join(dir, 'b.gpkg');
    writeDataset(b, generateShipped(SHIPPED_SEED));
    expect(sha(b)).toBe(sha(a));
    const c = join(dir, 'c.gpkg');
    writeDataset(c, generateShipped(SHIPPED_SEED + 1));
    expect(sha(c)).not.toBe(sha(a));
  });

  it('has thousands of dwellings in Kalsdonk, the four Westrand buurten and Centrum-Oud, and says it is synthetic', () => {
    const perBuurt = new Map<string, number>();
    for (const d of ds.dwellings) perBuurt.set(d.buurtcode, (perBuurt.get(d.buurtcode) ?? 0) + 1);
    expect([...perBuurt.keys()].sort()).toEqual([
      'BU16740000',
      'BU16740202',
      'BU16740300',
      'BU16740301',
      'BU16740302',
      'BU16740303',
    ]);
    expect(ds.dwellings.length).toBeGreaterThan(5800);
    expect(ds.dwellings.length).toBeLessThan(7200);
    expect(ds.meta.synthetic).toBe(true);
    expect(ds.dwellings.every((d) => d.provenance === 'synthetic')).toBe(true);
    expect(ds.meta.attribution.join(' ')).toContain('CBS');
  });

  it('round-trips through the GeoPackage unchanged', () => {
    expect(readDataset(a)).toEqual(ds);
  });
});
