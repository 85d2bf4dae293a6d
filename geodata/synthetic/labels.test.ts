import { describe, expect, it } from 'vitest';
import { createRng } from '../../engine/rng.ts';
import { drawLabel, labelFrequencies } from './labels.ts';

describe('Hestia label frequencies', () => {
  it('looks up the row by build period', () => {
    expect(labelFrequencies('meergezins: laag en midden', 1970, 'wooncorp')).toEqual([
      0, 0, 0.15, 0.13, 0.2, 0.24, 0.27,
    ]);
    expect(labelFrequencies('rijwoning tussen', 1965, 'koop')).toEqual([0, 0, 0.52, 0.35, 0.08, 0.01, 0.03]);
  });
});

describe('drawLabel', () => {
  const flat = { type: 'portiek' as const, storeys: 3, bouwjaar: 1968, ownership: 'corporatie' as const };
  it('follows the table: post-war flats ≈ 51 % F/G, never A or B', () => {
    const rng = createRng(1);
    const labels = Array.from({ length: 4000 }, () => drawLabel(flat, '2025-01-01', rng).label);
    const fg = labels.filter((l) => l === 'F' || l === 'G').length / labels.length;
    expect(fg).toBeGreaterThan(0.47);
    expect(fg).toBeLessThan(0.55);
    expect(labels.some((l) => l === 'A' || l === 'B')).toBe(false);
  });
  it('dates registered labels between 2015-01-01 and the data date; imputed ones have none', () => {
    const rng = createRng(2);
    const draws = Array.from({ length: 2000 }, () => drawLabel(flat, '2024-06-30', rng));
    const reg = draws.filter((d) => d.source === 'registered');
    expect(reg.length / draws.length).toBeGreaterThan(0.7);
    expect(reg.every((d) => d.date! >= '2015-01-01' && d.date! <= '2024-06-30')).toBe(true);
    expect(draws.filter((d) => d.source === 'imputed').every((d) => d.date === null)).toBe(true);
  });
  it('imputes every label when the data date precedes 2015', () => {
    const rng = createRng(3);
    expect(Array.from({ length: 50 }, () => drawLabel(flat, '2014-12-31', rng).source)).toEqual(
      Array(50).fill('imputed'),
    );
  });
});
