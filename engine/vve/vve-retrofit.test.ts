import { describe, expect, it } from 'vitest';
import { owners, vveDataset } from './vve-fixture.ts';
import { vvePackages } from './vve-retrofit.ts';

describe('vvePackages', () => {
  const ds = vveDataset([{ vveId: 'VVE-1', ownership: [...owners(2, 'corporatie'), ...owners(4)] }]);
  const all = vvePackages(ds, ['cavity-wall', 'roof', 'floor', 'glazing']);
  it('prices every member dwelling with the retrofit engine, without the heat pump', () => {
    expect(all.size).toBe(6);
    for (const p of all.values()) {
      expect(p.measures).toContain('cavity-wall');
      expect(p.measures).not.toContain('hybrid-heat-pump');
      expect(p.costEur).toBeGreaterThan(0);
      expect(p.billSavingEurPerYear).toBeGreaterThan(0);
    }
  });
  it('applies roof and floor only where the flat has them (top and ground floor)', () => {
    const ground = ds.dwellings.find((d) => d.floorLevel === 0)!,
      top = ds.dwellings.find((d) => d.floorLevel === 2)!;
    expect(all.get(ground.vboId)!.measures).toContain('floor');
    expect(all.get(ground.vboId)!.measures).not.toContain('roof');
    expect(all.get(top.vboId)!.measures).toContain('roof');
  });
  it('only the configured measures', () => {
    const walls = vvePackages(ds, ['cavity-wall']);
    for (const [id, p] of walls) {
      expect(p.measures).toEqual(['cavity-wall']);
      expect(p.costEur).toBeLessThan(all.get(id)!.costEur);
    }
  });
});
