import { describe, expect, it } from 'vitest';
import { Health } from './api.ts';
import { SYNTHETIC_WARNING, bannerContent } from './dataset-banner.ts';

const health = Health.parse({
  status: 'ok',
  dataset: {
    name: 'Synthetisch Kalsdonk-Westrand',
    synthetic: true,
    dataDate: '2025-01-01',
    dwellings: 6543,
    attribution: ['CBS'],
    buurten: [
      { buurtcode: 'BU16740000', buurtnaam: 'Centrum-Oud', status: 'synthetisch' },
      { buurtcode: 'BU16740202', buurtnaam: 'Kalsdonk', status: 'synthetisch' },
    ],
  },
});

describe('dataset banner', () => {
  it('warns when the data is synthetic and gives the data date in Dutch', () => {
    const c = bannerContent(health);
    expect(c.warning).toBe(SYNTHETIC_WARNING);
    expect(c.warning).toBe('Synthetische gegevens — geen echte woningen, adressen of eigenaren');
    expect(c.detail).toContain('1 januari 2025');
    expect(c.detail).toContain('6.543 woningen');
  });

  it('says per buurt whether its stock is registered or synthetic, unless all of it is synthetic', () => {
    expect(bannerContent(health).stock).toBeNull();
    const mixed = Health.parse({
      ...health,
      dataset: {
        ...health.dataset,
        buurten: [
          { buurtcode: 'BU16740000', buurtnaam: 'Centrum-Oud', status: 'synthetisch' },
          { buurtcode: 'BU16740202', buurtnaam: 'Kalsdonk', status: 'geregistreerd' },
          { buurtcode: 'BU16740300', buurtnaam: 'Heerma van Vossstraat-Molenbeek', status: 'leeg' },
        ],
      },
    });
    const c = bannerContent(mixed);
    expect(c.warning).toBe(SYNTHETIC_WARNING);
    expect(c.stock).toBe(
      'Centrum-Oud: synthetisch · Kalsdonk: uit registers · Heerma van Vossstraat-Molenbeek: nog leeg',
    );
    expect(Health.parse({ status: 'ok', dataset: { ...health.dataset, buurten: undefined } }).dataset.buurten).toEqual(
      [],
    );
  });

  it('has no warning for real data', () => {
    expect(bannerContent({ ...health, dataset: { ...health.dataset, synthetic: false } }).warning).toBeNull();
  });
});
