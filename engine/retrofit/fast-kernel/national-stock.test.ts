import { describe, expect, it } from 'vitest';
import { DWELLING_TYPES, ENERGY_LABELS } from '../../dwelling.ts';
import { barePass } from './bare-pass.ts';
import { allocKernelStock } from './kernel-score.ts';
import { allocNationalStock, generateNationalStock, NATIONAL_BUURTEN } from './national-stock.ts';

describe('synthetic national stock (benchmark input)', () => {
  const s = generateNationalStock({ seed: 42, count: 50_000 });
  it('is deterministic per seed', () => {
    const again = generateNationalStock({ seed: 42, count: 50_000 });
    expect(again.label).toEqual(s.label);
    expect(again.oppervlakte).toEqual(s.oppervlakte);
    expect(generateNationalStock({ seed: 43, count: 1000 }).label).not.toEqual(s.label.subarray(0, 1000));
  });
  it("fills given columns (the kernel's shared memory) with exactly the arrays it would allocate", () => {
    const ks = allocKernelStock(50_000, NATIONAL_BUURTEN);
    const filled = generateNationalStock({ seed: 42, count: 50_000 }, ks.stock);
    expect(filled).toBe(ks.stock);
    const bytes = (v: ArrayBufferView) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
    for (const [k, v] of Object.entries(s))
      if (ArrayBuffer.isView(v))
        expect(bytes(filled[k as keyof typeof s] as ArrayBufferView).equals(bytes(v)), k).toBe(true);
    expect(() => generateNationalStock({ seed: 42, count: 10 }, allocNationalStock(11))).toThrow(/11 dwellings/);
  });
  it('has a plausible mix: every type, labels A..G, build years up to 2024, floors below storeys', () => {
    const types = new Set(s.type);
    expect(types.size).toBe(DWELLING_TYPES.length);
    const labels = new Set([...s.label].map((l) => ENERGY_LABELS[l]));
    expect([...labels].sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
    expect(Math.max(...s.bouwjaar)).toBeLessThanOrEqual(2024);
    for (let i = 0; i < s.count; i++) {
      if (s.type[i]! >= 4) expect(s.floorLevel[i]!).toBeLessThan(s.storeys[i]!);
      expect(s.buurt[i]).toBeLessThan(NATIONAL_BUURTEN);
    }
    const flats = [...s.type].filter((t) => t >= 4).length / s.count;
    expect(flats).toBeGreaterThan(0.3);
    expect(flats).toBeLessThan(0.45);
  });
  it('post-1992 dwellings meet the minimum levels', () => {
    for (let i = 0; i < s.count; i++) if (s.bouwjaar[i]! >= 1992) expect(s.cavityWall[i]).toBeGreaterThanOrEqual(2);
  });
  it('the bare pass writes one value per dwelling and sums them', () => {
    const out = new Float32Array(s.count);
    const sum = barePass(s, out, 0, s.count);
    expect(sum).toBeCloseTo(
      out.reduce((a, b) => a + b, 0),
      -3,
    );
    expect(out.every((x) => x > 0)).toBe(true);
  });
});
