import { describe, expect, it } from 'vitest';
import { SYNTHETIC_WARNING, bannerContent } from './dataset-banner.ts';

const health = {
  status: 'ok',
  dataset: {
    name: 'Synthetisch Kalsdonk-Westrand',
    synthetic: true,
    dataDate: '2025-01-01',
    dwellings: 6543,
    attribution: ['CBS'],
  },
};

describe('dataset banner', () => {
  it('warns when the data is synthetic and gives the data date in Dutch', () => {
    const c = bannerContent(health);
    expect(c.warning).toBe(SYNTHETIC_WARNING);
    expect(c.warning).toBe('Synthetische gegevens — geen echte woningen, adressen of eigenaren');
    expect(c.detail).toContain('1 januari 2025');
    expect(c.detail).toContain('6.543 woningen');
  });

  it('has no warning for real data', () => {
    expect(bannerContent({ ...health, dataset: { ...health.dataset, synthetic: false } }).warning).toBeNull();
  });
});
